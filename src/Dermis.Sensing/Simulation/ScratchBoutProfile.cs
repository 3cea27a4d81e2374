namespace Dermis.Sensing.Simulation;

/// <summary>
/// How much a simulated participant scratches: bout durations log-normal (median, σ of the log), bouts per hour, the
/// night-to-night coefficient of variation of the rate, and how restless the non-scratch movements are. The built-in
/// profiles are the "proposed bout process" of research/biomarkers.md §1.7, calibrated there so that totals match
/// Ebata 1999's video TST% and Avey 2025's healthy 13.1 s/h.
/// </summary>
/// <param name="MedianBoutSeconds">Median bout duration, s; &gt; 0.</param>
/// <param name="SigmaLog">σ of the natural log of bout duration; ≥ 0.</param>
/// <param name="BoutsPerHour">Mean bout rate over the night before the per-night multiplier, per hour; ≥ 0.</param>
/// <param name="NightToNightCv">CV of the per-night log-normal (mean 1) rate multiplier; ≥ 0.</param>
/// <param name="RestlessnessFactor">Multiplier on the 2 /h rate of restless non-scratch hand movements; ≥ 0.</param>
public sealed record ScratchBoutProfile(
    double MedianBoutSeconds, double SigmaLog, double BoutsPerHour, double NightToNightCv, double RestlessnessFactor)
{
    /// <summary>
    /// The §1.7 profile of <paramref name="severity"/>. Durations and rates (median s / σ / per h): healthy 6 / 0.5 / 2,
    /// mild 8 / 0.6 / 4, moderate 15 / 0.7 / 14, severe 30 / 0.8 / 16 ([A] in §1.7, calibrated on Ebata 1999 TST% and
    /// Avey 2025's 13.1 s/h; severity lengthens bouts more than it multiplies them, as Ebata observed).
    /// Night-to-night CV: moderate 0.6 and severe 1.0 (§1.7; Ebata: SD ≈ mean in severe AD); healthy and mild 0.5 [A].
    /// Restlessness: 1, 1.5, 2, 2.5 × the healthy rate [A, anchored on Benjamin et al. 2004: 2–3× more
    /// scratching/restlessness in AD children than controls].
    /// </summary>
    public static ScratchBoutProfile For(ScratchSeverity severity) => severity switch
    {
        ScratchSeverity.Healthy => new ScratchBoutProfile(6, 0.5, 2, 0.5, 1.0),
        ScratchSeverity.Mild => new ScratchBoutProfile(8, 0.6, 4, 0.5, 1.5),
        ScratchSeverity.Moderate => new ScratchBoutProfile(15, 0.7, 14, 0.6, 2.0),
        ScratchSeverity.Severe => new ScratchBoutProfile(30, 0.8, 16, 1.0, 2.5),
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Severity must be Healthy, Mild, Moderate or Severe."),
    };
}
