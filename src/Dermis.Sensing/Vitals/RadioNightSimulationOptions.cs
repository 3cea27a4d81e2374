namespace Dermis.Sensing.Vitals;

/// <summary>
/// What <see cref="RadioNightSimulator"/> generates. Ranges are drawn uniformly once per night (log-uniformly for motion
/// excursions); set a range's two ends equal to fix a value, and an amplitude range to 0 to leave that component out.
/// Defaults follow docs/sensing-vitals.md ("Simulator") and the sources given there.
/// </summary>
public sealed record RadioNightSimulationOptions
{
    /// <summary>Recording length, h, [1/60, 24]; default 8.</summary>
    public double DurationHours { get; init; } = 8.0;

    /// <summary>Samples per second, [5, 500]; default 20.</summary>
    public double SampleRateHz { get; init; } = 20.0;

    /// <summary>Smallest breathing peak-to-peak chest displacement, mm, [0, 50]; default 4 (tidal chest-wall excursion of a few mm).</summary>
    public double MinBreathingAmplitudeMm { get; init; } = 4;

    /// <summary>Largest breathing peak-to-peak displacement, mm, ≥ <see cref="MinBreathingAmplitudeMm"/>; default 12.</summary>
    public double MaxBreathingAmplitudeMm { get; init; } = 12;

    /// <summary>Lowest base breathing rate, /min, [6, 40]; default 10.</summary>
    public double MinRespirationRatePerMinute { get; init; } = 10;

    /// <summary>Highest base breathing rate, /min, ≥ <see cref="MinRespirationRatePerMinute"/>, ≤ 40; default 20 (adult sleep 12–20 /min).</summary>
    public double MaxRespirationRatePerMinute { get; init; } = 20;

    /// <summary>Smallest heartbeat peak-to-peak displacement, mm, [0, 5]; default 0.1 (radio vital-sign literature: 0.1–0.5 mm).</summary>
    public double MinHeartAmplitudeMm { get; init; } = 0.1;

    /// <summary>Largest heartbeat peak-to-peak displacement, mm, ≥ <see cref="MinHeartAmplitudeMm"/>; default 0.5.</summary>
    public double MaxHeartAmplitudeMm { get; init; } = 0.5;

    /// <summary>Lowest base heart rate, /min, [40, 140]; default 50.</summary>
    public double MinHeartRatePerMinute { get; init; } = 50;

    /// <summary>Highest base heart rate, /min, ≥ <see cref="MinHeartRatePerMinute"/>, ≤ 140; default 100.</summary>
    public double MaxHeartRatePerMinute { get; init; } = 100;

    /// <summary>RMS of white measurement noise, mm, [0, 20]; default 0.3 ("moderate" in the validation).</summary>
    public double WhiteNoiseMm { get; init; } = 0.3;

    /// <summary>RMS of 1/f (pink) noise between about 0.0002 and 2.5 Hz, mm, [0, 20]; default 0.3.</summary>
    public double PinkNoiseMm { get; init; } = 0.3;

    /// <summary>Amplitude of slow drift (periods of 15 min to 4 h), mm, [0, 500]; default 20.</summary>
    public double DriftMm { get; init; } = 20;

    /// <summary>Gross motion bursts in the night, [0, 10000]; default 16 (2 /h over 8 h: turns and scratch bouts).</summary>
    public int MotionBurstCount { get; init; } = 16;

    /// <summary>Shortest burst, s, [1, 3600]; default 3.</summary>
    public double MinMotionSeconds { get; init; } = 3;

    /// <summary>Longest burst, s, ≥ <see cref="MinMotionSeconds"/>; default 40.</summary>
    public double MaxMotionSeconds { get; init; } = 40;

    /// <summary>Smallest burst peak-to-peak excursion, mm, (0, 2000]; default 20.</summary>
    public double MinMotionExcursionMm { get; init; } = 20;

    /// <summary>Largest burst excursion, mm, ≥ <see cref="MinMotionExcursionMm"/>; default 200.</summary>
    public double MaxMotionExcursionMm { get; init; } = 200;
}
