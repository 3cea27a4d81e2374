namespace Dermis.Sensing.Vitals;

/// <summary>
/// Settings of <see cref="RadioNightAnalysis"/>: analysis windows, the respiration and heart bands, the motion rule and
/// the night-level quality rules (docs/sensing-vitals.md). <see cref="Default"/> holds the validated settings; every
/// value is checked by <see cref="RadioNightAnalysis.Analyse"/>, which names the field and its range when one is out.
/// </summary>
/// <param name="WindowSeconds">
/// Analysis window, s, [20, 300]; default 60 — at least six breaths at the slowest rate of the band (6 /min) and a
/// spectral resolution (Hann main-lobe half-width 2/T) of 0.033 Hz = 2 /min before interpolation.
/// </param>
/// <param name="StepSeconds">
/// Step between window starts, s, (0, <paramref name="WindowSeconds"/>]; default 30 — 50 % overlap, one window per
/// 30-s sleep-scoring epoch (Zhao et al., ICML 2017, PMLR 70:4100, score radio sleep per 30-s epoch).
/// </param>
/// <param name="RespirationLowHz">Lower edge of the respiration band, Hz, [0.05, <paramref name="RespirationHighHz"/>); default 0.1 (6 /min).</param>
/// <param name="RespirationHighHz">Upper edge of the respiration band, Hz, below <paramref name="HeartLowHz"/>; default 0.7 (42 /min).</param>
/// <param name="HeartLowHz">Lower edge of the heart band, Hz, [0.5, <paramref name="HeartHighHz"/>); default 0.8 (48 /min).</param>
/// <param name="HeartHighHz">
/// Upper edge of the heart band, Hz, ≤ 4; default 2.5 (150 /min). Clipped to 0.45 × the analysis rate when the
/// input is sampled below 5.6 Hz.
/// </param>
/// <param name="MotionThreshold">
/// A second is gross motion when, over the 4 s around it, the displacement's peak-to-peak or the RMS of its velocity
/// exceeds this multiple of the night's quiet-breathing reference (the 25th percentile of the same statistic over
/// the night); [1.5, 20]; default 3.
/// </param>
/// <param name="MotionGuardSeconds">Seconds added before and after each detected motion bout, [0, 30]; default 2.</param>
/// <param name="RestGuardSeconds">
/// Seconds after a motion bout that are not yet rest, [0, 600]; default 60 — heart rate and breathing stay raised
/// for tens of seconds after a movement arousal (Sforza, Jouny, Ibanez, "Cardiac activation during arousal in humans", Clin Neurophysiol 111:1611, 2000).
/// </param>
/// <param name="RespirationMinimumProminence">
/// Least share of the respiration band's power within ±<paramref name="PeakHalfWidthHz"/> of the peak for the window
/// to count as breathing, (0, 1); default 0.6 (on the tuning seeds: 99 % of pure-noise windows fall below 0.59, 99 % of breathing windows at 1 mm noise lie above 0.89).
/// </param>
/// <param name="HeartMinimumProminence">
/// Least share of the heart band's power (respiration harmonics excluded) within ±<paramref name="PeakHalfWidthHz"/>
/// of the heart peak, (0, 1); default 0.15.
/// </param>
/// <param name="PeakHalfWidthHz">Half-width of the peak's band for the prominence shares, Hz, (0, 0.2]; default 0.05.</param>
/// <param name="HarmonicsExcluded">
/// Highest respiration harmonic excluded from the heart search (2f, 3f, …), [1, 10]; 1 excludes none; default 4.
/// </param>
/// <param name="HarmonicHalfWidthHz">Half-width of each excluded respiration harmonic, Hz, [0, 0.2]; default 0.05.</param>
/// <param name="HeartAveragingWindows">
/// Still windows whose heart-band power spectra are averaged around each window before the heart peak is sought
/// (Welch's averaged periodogram, IEEE Trans Audio Electroacoust 15:70, 1967), odd, [1, 21]; default 5 — 2.5 min at
/// the default step, long enough to lift a 0.1–0.2 mm heartbeat out of the noise and short enough that the heart rate
/// moves little; 1 = each window alone.
/// </param>
/// <param name="MaximumMotionFraction">
/// Largest share of windows with gross motion for a <see cref="VitalsQuality.Good"/> night, (0, 1]; default 0.5.
/// </param>
/// <param name="MinimumUsableFraction">
/// Least share of all windows that must be usable (still, clear breathing peak) for a <see cref="VitalsQuality.Good"/>
/// night, [0, 1]; default 0.25.
/// </param>
/// <param name="MinimumHeartFraction">
/// Least share of the usable rest windows that must resolve a heart peak for the nightly heart rate to be reported,
/// [0, 1]; default 0.5.
/// </param>
/// <param name="MinimumDurationSeconds">Shortest recording for a <see cref="VitalsQuality.Good"/> night, s, [60, 86400]; default 1800 (30 min).</param>
public sealed record VitalSignsOptions(
    double WindowSeconds = 60,
    double StepSeconds = 30,
    double RespirationLowHz = 0.1,
    double RespirationHighHz = 0.7,
    double HeartLowHz = 0.8,
    double HeartHighHz = 2.5,
    double MotionThreshold = 3.0,
    double MotionGuardSeconds = 2,
    double RestGuardSeconds = 60,
    double RespirationMinimumProminence = 0.6,
    double HeartMinimumProminence = 0.15,
    double PeakHalfWidthHz = 0.05,
    int HarmonicsExcluded = 4,
    double HarmonicHalfWidthHz = 0.05,
    int HeartAveragingWindows = 5,
    double MaximumMotionFraction = 0.5,
    double MinimumUsableFraction = 0.25,
    double MinimumHeartFraction = 0.5,
    double MinimumDurationSeconds = 1800)
{
    /// <summary>The validated settings (docs/sensing-vitals.md, "Validation").</summary>
    public static VitalSignsOptions Default { get; } = new();

    /// <summary>Throws when a setting is outside its documented range, naming the field, its value and the range.</summary>
    /// <param name="parameterName">The caller's parameter that holds these options.</param>
    internal void Validate(string parameterName)
    {
        Check(parameterName, nameof(WindowSeconds), WindowSeconds, 20, 300, "s");
        Check(parameterName, nameof(StepSeconds), StepSeconds, double.Epsilon, WindowSeconds, "s");
        Check(parameterName, nameof(RespirationLowHz), RespirationLowHz, 0.05, 2, "Hz");
        CheckOpenAbove(parameterName, nameof(RespirationHighHz), RespirationHighHz, RespirationLowHz, HeartLowHz, "Hz");
        Check(parameterName, nameof(HeartLowHz), HeartLowHz, 0.5, 4, "Hz");
        CheckOpenAbove(parameterName, nameof(HeartHighHz), HeartHighHz, HeartLowHz, 4 + double.Epsilon, "Hz");
        Check(parameterName, nameof(MotionThreshold), MotionThreshold, 1.5, 20, "");
        Check(parameterName, nameof(MotionGuardSeconds), MotionGuardSeconds, 0, 30, "s");
        Check(parameterName, nameof(RestGuardSeconds), RestGuardSeconds, 0, 600, "s");
        Check(parameterName, nameof(RespirationMinimumProminence), RespirationMinimumProminence, double.Epsilon, 1 - 1e-9, "");
        Check(parameterName, nameof(HeartMinimumProminence), HeartMinimumProminence, double.Epsilon, 1 - 1e-9, "");
        Check(parameterName, nameof(PeakHalfWidthHz), PeakHalfWidthHz, double.Epsilon, 0.2, "Hz");
        Check(parameterName, nameof(HarmonicsExcluded), HarmonicsExcluded, 1, 10, "");
        Check(parameterName, nameof(HarmonicHalfWidthHz), HarmonicHalfWidthHz, 0, 0.2, "Hz");
        Check(parameterName, nameof(HeartAveragingWindows), HeartAveragingWindows, 1, 21, "");
        if (HeartAveragingWindows % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, HeartAveragingWindows, $"VitalSignsOptions.HeartAveragingWindows is {HeartAveragingWindows}; it must be odd (the window and as many on each side).");
        }

        Check(parameterName, nameof(MaximumMotionFraction), MaximumMotionFraction, double.Epsilon, 1, "");
        Check(parameterName, nameof(MinimumUsableFraction), MinimumUsableFraction, 0, 1, "");
        Check(parameterName, nameof(MinimumHeartFraction), MinimumHeartFraction, 0, 1, "");
        Check(parameterName, nameof(MinimumDurationSeconds), MinimumDurationSeconds, 60, 86400, "s");
    }

    private static void Check(string parameterName, string field, double value, double low, double high, string unit)
    {
        if (!(value >= low && value <= high))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                value,
                $"VitalSignsOptions.{field} is {value}{unit}; it must lie in [{low:G4}, {high:G4}]{unit}.");
        }
    }

    private static void CheckOpenAbove(string parameterName, string field, double value, double exclusiveLow, double exclusiveHigh, string unit)
    {
        if (!(value > exclusiveLow && value < exclusiveHigh))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                value,
                $"VitalSignsOptions.{field} is {value}{unit}; it must lie strictly between {exclusiveLow:G4} and {exclusiveHigh:G4}{unit}.");
        }
    }
}
