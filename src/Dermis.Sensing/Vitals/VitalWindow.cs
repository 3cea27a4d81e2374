namespace Dermis.Sensing.Vitals;

/// <summary>
/// One analysis window of <see cref="RadioNightAnalysis"/> (<see cref="VitalSignsOptions.WindowSeconds"/> long, every
/// <see cref="VitalSignsOptions.StepSeconds"/>): whether it holds gross motion and, when still, its spectral rates.
/// </summary>
/// <param name="StartSeconds">Window start, s from the first sample.</param>
/// <param name="EndSeconds">Window end, s from the first sample.</param>
/// <param name="Motion">True when any <see cref="MotionBout"/> overlaps the window; such a window has no rates.</param>
/// <param name="RespirationRatePerMinute">
/// Breaths per minute, 60 × the interpolated spectral peak in the respiration band; null in a motion window or when the
/// peak's prominence is below <see cref="VitalSignsOptions.RespirationMinimumProminence"/> or it lies on a band edge.
/// </param>
/// <param name="HeartRatePerMinute">
/// Beats per minute, 60 × the interpolated peak of the heart-band spectrum averaged over the usable windows within
/// ±<see cref="VitalSignsOptions.HeartAveragingWindows"/>/2 steps, away from this window's respiration harmonics; null
/// when the breathing peak is not accepted, the heart peak's prominence is below
/// <see cref="VitalSignsOptions.HeartMinimumProminence"/>, or it lies more than 60 dB below the breathing peak.
/// </param>
/// <param name="RespirationPeakProminence">
/// Share of the respiration band's power within ±<see cref="VitalSignsOptions.PeakHalfWidthHz"/> of its peak, 0–1
/// (1 = a pure tone); 0 in a motion window.
/// </param>
public sealed record VitalWindow(
    double StartSeconds,
    double EndSeconds,
    bool Motion,
    double? RespirationRatePerMinute,
    double? HeartRatePerMinute,
    double RespirationPeakProminence)
{
    /// <summary>
    /// Share of the heart band's power (respiration harmonics excluded) within ±<see cref="VitalSignsOptions.PeakHalfWidthHz"/>
    /// of its largest peak, 0–1; 0 when not computed (motion, or no accepted breathing peak).
    /// </summary>
    public double HeartPeakProminence { get; init; }

    /// <summary>True when the window is at rest: still and at least <see cref="VitalSignsOptions.RestGuardSeconds"/> after the last motion bout.</summary>
    public bool Rest { get; init; }

    /// <summary>True when the window is still and its breathing peak was accepted.</summary>
    public bool Usable => RespirationRatePerMinute is not null;
}
