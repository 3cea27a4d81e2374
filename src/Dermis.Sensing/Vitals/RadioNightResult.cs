namespace Dermis.Sensing.Vitals;

/// <summary>Everything <see cref="RadioNightAnalysis.Analyse"/> finds in one radio night.</summary>
/// <param name="Vitals">The nightly summary and its quality verdict.</param>
/// <param name="Windows">Every analysis window in time order (none when the recording is shorter than one window).</param>
/// <param name="RestPerMinute">
/// One flag per started minute of the recording: true when the minute holds no motion and begins at least
/// <see cref="VitalSignsOptions.RestGuardSeconds"/> after the end of the last motion bout (a rest estimate, not sleep staging).
/// </param>
/// <param name="MotionBouts">Gross-motion bouts in time order.</param>
public sealed record RadioNightResult(
    NightVitals Vitals,
    IReadOnlyList<VitalWindow> Windows,
    IReadOnlyList<bool> RestPerMinute,
    IReadOnlyList<MotionBout> MotionBouts);
