using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Easi;

/// <summary>An EASI result with its inputs.</summary>
/// <param name="Input">What was graded.</param>
/// <param name="ChildWeights">True when the 0–7-year weights (0.2, 0.2, 0.3, 0.3) were used.</param>
/// <param name="Total">EASI 0–72 in steps of 0.05; null when a region with area &gt; 0 lacks a sign (see <paramref name="MissingReason"/>).</param>
/// <param name="Band">Severity stratum of <paramref name="Total"/>.</param>
/// <param name="Regions">Each region's weighted contribution; null for a region that could not be scored.</param>
/// <param name="MissingReason">Why <paramref name="Total"/> is null.</param>
public sealed record EasiScore(
    EasiInput Input,
    bool ChildWeights,
    decimal? Total,
    EasiBand? Band,
    RegionScores<decimal?> Regions,
    string? MissingReason)
{
    /// <summary>Instrument and rules version that produced this score (kept with it, so a later rules change is traceable).</summary>
    public InstrumentInfo Instrument { get; init; } = EasiScorer.Info;
}
