namespace Dermis.Server.Web.Charts;

/// <summary>A horizontal line at a fixed value in one track, e.g. the EASI 16 threshold.</summary>
/// <param name="Value">Where the line sits on the track's value axis.</param>
/// <param name="Label">Text drawn at the line's right end.</param>
public sealed record ReferenceLine(double Value, string Label);

/// <summary>A dated event (a visit, a dose change) drawn as a vertical line across every track.</summary>
/// <param name="Date">The day of the event.</param>
/// <param name="Label">Text drawn above the tracks, e.g. "Baseline" or "Week 16".</param>
public sealed record ChartEvent(DateOnly Date, string Label);
