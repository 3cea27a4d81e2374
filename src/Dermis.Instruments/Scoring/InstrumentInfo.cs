namespace Dermis.Instruments.Scoring;

/// <summary>
/// Which instrument, and which published version of it and of Dermis's scoring rules, produced a
/// score. Stored with every score so that a later change of the rules can be traced.
/// </summary>
/// <param name="Id">Stable identifier used in routes, files and JSON (<c>easi</c>, <c>dlqi</c> …).</param>
/// <param name="Version">Published version of the instrument and revision of the Dermis rules, e.g. <c>vIGA-AD 2017; dermis-rules 1</c>.</param>
/// <param name="Reference">The publication the formula, bands and missing-data rules come from.</param>
public sealed record InstrumentInfo(string Id, string Version, string Reference);
