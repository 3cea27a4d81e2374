namespace Dermis.Sensing.Sweat;

/// <summary>Settings of <see cref="SweatQuantifier"/> a protocol can set.</summary>
public sealed record SweatQuantifierOptions
{
    /// <summary>The defaults: no failed-channel marker, 0.05 µL·min⁻¹·cm⁻² minimum sweat rate, 95 % intervals.</summary>
    public static SweatQuantifierOptions Default { get; } = new();

    /// <summary>A sentinel value the reader writes for a failed channel (e.g. −9999); null when it writes NaN. Either gives <see cref="ReadingFlag.ChannelFailed"/>.</summary>
    public double? FailedChannelMarker { get; init; }

    /// <summary>
    /// Below this sweat rate (µL·min⁻¹·cm⁻², ≥ 0) a reading is <see cref="ReadingFlag.LowSweatVolume"/>. Default 0.05, a
    /// placeholder below typical resting local sweat rates, not a validated cut-off: set it from the sensor's wetting
    /// volume (passive sweat gives µL-scale volumes, biomarkers.md §2.4).
    /// </summary>
    public double MinimumSweatRateMicrolitresPerMinutePerCm2 { get; init; } = 0.05;

    /// <summary>Two-sided confidence level of the concentration interval, in (0, 1); default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
