namespace Dermis.Sensing.Vitals;

/// <summary>
/// One run of gross body motion (turning over, scratching, getting up) found by <see cref="RadioNightAnalysis"/>:
/// consecutive seconds whose 4-s displacement range or velocity exceeded <see cref="VitalSignsOptions.MotionThreshold"/>
/// times the night's quiet-breathing reference, padded by <see cref="VitalSignsOptions.MotionGuardSeconds"/>.
/// </summary>
/// <param name="StartSeconds">Start, s from the first sample, ≥ 0.</param>
/// <param name="EndSeconds">End, s from the first sample, &gt; <paramref name="StartSeconds"/>, at most the recording length.</param>
/// <param name="PeakToPeakMm">Largest minus smallest displacement within the bout, mm (drift included, so a turn's change of level counts).</param>
public sealed record MotionBout(double StartSeconds, double EndSeconds, double PeakToPeakMm)
{
    /// <summary>Length, s.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;
}
