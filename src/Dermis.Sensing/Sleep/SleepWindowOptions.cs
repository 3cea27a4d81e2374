namespace Dermis.Sensing.Sleep;

/// <summary>
/// Parameters of <see cref="SleepWindow.Detect"/>; the defaults are those of van Hees et al. 2018 and GGIR's HDCZA
/// (doi:10.1038/s41598-018-31266-z). SKDH uses the same rule with the threshold clamped to [0.1°, 1.0°] instead.
/// </summary>
public sealed record SleepWindowOptions
{
    /// <summary>The defaults.</summary>
    public static SleepWindowOptions Default { get; } = new();

    /// <summary>Length of the epochs the arm angle is averaged over, and of the raw rolling median, s; a divisor of 60 (default 5).</summary>
    public int EpochSeconds { get; init; } = 5;

    /// <summary>Length of the centred rolling median of the absolute angle change, min (default 5).</summary>
    public int MedianWindowMinutes { get; init; } = 5;

    /// <summary>Percentile of the rolling median used for the threshold, 0–100 (default 10).</summary>
    public double ThresholdPercentile { get; init; } = 10;

    /// <summary>Multiplier of that percentile (default 15).</summary>
    public double ThresholdFactor { get; init; } = 15;

    /// <summary>Lower clamp of the threshold, degrees (default 0.13).</summary>
    public double MinThresholdDegrees { get; init; } = 0.13;

    /// <summary>Upper clamp of the threshold, degrees (default 0.5).</summary>
    public double MaxThresholdDegrees { get; init; } = 0.5;

    /// <summary>A rest block must last longer than this to count, min (default 30).</summary>
    public int MinBlockMinutes { get; init; } = 30;

    /// <summary>Gaps between kept rest blocks shorter than this are filled, min (default 60).</summary>
    public int MaxGapMinutes { get; init; } = 60;

    internal void Validate()
    {
        static void Require(bool ok, string name, object value, string range)
        {
            if (!ok)
            {
                throw new ArgumentOutOfRangeException(name, value, $"SleepWindowOptions.{name} must be {range}.");
            }
        }

        Require(EpochSeconds is >= 1 and <= 60 && 60 % EpochSeconds == 0, nameof(EpochSeconds), EpochSeconds, "a divisor of 60 s");
        Require(MedianWindowMinutes >= 1, nameof(MedianWindowMinutes), MedianWindowMinutes, "≥ 1 min");
        Require(ThresholdPercentile is >= 0 and <= 100, nameof(ThresholdPercentile), ThresholdPercentile, "within 0–100");
        Require(double.IsFinite(ThresholdFactor) && ThresholdFactor > 0, nameof(ThresholdFactor), ThresholdFactor, "finite and > 0");
        Require(double.IsFinite(MinThresholdDegrees) && MinThresholdDegrees >= 0, nameof(MinThresholdDegrees), MinThresholdDegrees, "finite and ≥ 0");
        Require(
            double.IsFinite(MaxThresholdDegrees) && MaxThresholdDegrees >= MinThresholdDegrees,
            nameof(MaxThresholdDegrees),
            MaxThresholdDegrees,
            $"finite and ≥ MinThresholdDegrees ({MinThresholdDegrees})");
        Require(MinBlockMinutes >= 0, nameof(MinBlockMinutes), MinBlockMinutes, "≥ 0 min");
        Require(MaxGapMinutes >= 0, nameof(MaxGapMinutes), MaxGapMinutes, "≥ 0 min");
    }
}
