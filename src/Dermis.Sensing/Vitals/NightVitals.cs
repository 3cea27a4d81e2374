namespace Dermis.Sensing.Vitals;

/// <summary>
/// The nightly vital signs of one radio night (docs/sensing-vitals.md): medians and interquartile ranges of the window
/// rates over usable windows at rest, the shares of usable and motion windows, and the quality verdict.
/// </summary>
/// <param name="RespirationRatePerMinute">Median breaths per minute over usable rest windows; null unless <paramref name="Quality"/> is <see cref="VitalsQuality.Good"/>.</param>
/// <param name="RespirationRateIqr">Interquartile range (Q3 − Q1, linear interpolation as numpy's default) of those window rates, /min; null when the rate is null.</param>
/// <param name="HeartRatePerMinute">
/// Median beats per minute over usable rest windows that resolved a heart peak; null unless the quality is
/// <see cref="VitalsQuality.Good"/> and at least <see cref="VitalSignsOptions.MinimumHeartFraction"/> of the usable rest
/// windows resolved one (the heartbeat is then "not resolved"; <paramref name="QualityReason"/> says so).
/// </param>
/// <param name="HeartRateIqr">Interquartile range of the heart window rates, /min; null when the heart rate is null.</param>
/// <param name="UsableFraction">Share of all analysis windows that are usable (still, clear breathing peak), 0–1; 0 when there is no window.</param>
/// <param name="MotionFraction">Share of all analysis windows that hold gross motion, 0–1; 0 when there is no window.</param>
/// <param name="Quality">The verdict (<see cref="VitalsQuality"/>).</param>
/// <param name="QualityReason">One plain sentence explaining the verdict, with the figures that decided it.</param>
/// <param name="AlgorithmVersion">The algorithm version, <see cref="RadioNightAnalysis.AlgorithmVersion"/>.</param>
public sealed record NightVitals(
    double? RespirationRatePerMinute,
    double? RespirationRateIqr,
    double? HeartRatePerMinute,
    double? HeartRateIqr,
    double UsableFraction,
    double MotionFraction,
    VitalsQuality Quality,
    string QualityReason,
    string AlgorithmVersion)
{
    /// <summary>Recording length, s.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Usable windows at rest that entered the respiration median.</summary>
    public int RespirationWindowCount { get; init; }

    /// <summary>Of those, the windows that also resolved a heart peak and entered the heart median.</summary>
    public int HeartWindowCount { get; init; }
}
