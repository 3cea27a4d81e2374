namespace Dermis.Sensing.Vitals;

/// <summary>A night from <see cref="RadioNightSimulator"/>: the displacement series and its ground truth.</summary>
/// <param name="DisplacementMm">Chest displacement, mm, one channel at <paramref name="SampleRateHz"/>.</param>
/// <param name="SampleRateHz">Samples per second.</param>
/// <param name="Epochs">Ground truth per 30-s epoch.</param>
/// <param name="Bursts">The motion bursts in time order.</param>
/// <param name="TrueRespirationRatePerMinute">Median of the epoch breathing rates over rest epochs (NaN when none or not simulated).</param>
/// <param name="TrueHeartRatePerMinute">Median of the epoch heart rates over rest epochs (NaN when none or not simulated).</param>
/// <param name="Seed">The seed.</param>
/// <param name="Options">The options.</param>
public sealed record SimulatedRadioNight(
    float[] DisplacementMm,
    double SampleRateHz,
    IReadOnlyList<SimulatedVitalEpoch> Epochs,
    IReadOnlyList<SimulatedMotionBurst> Bursts,
    double TrueRespirationRatePerMinute,
    double TrueHeartRatePerMinute,
    int Seed,
    RadioNightSimulationOptions Options)
{
    /// <summary>Instantaneous breathing rate per sample, /min (internal: the ground truth for arbitrary spans).</summary>
    internal float[] RespirationPerSample { get; init; } = [];

    /// <summary>Instantaneous heart rate per sample, /min.</summary>
    internal float[] HeartPerSample { get; init; } = [];

    /// <summary>Mean true rates over [<paramref name="startSeconds"/>, <paramref name="endSeconds"/>), /min.</summary>
    /// <param name="startSeconds">Span start, s, ≥ 0.</param>
    /// <param name="endSeconds">Span end, s, &gt; start.</param>
    public (double RespirationRatePerMinute, double HeartRatePerMinute) TruthOver(double startSeconds, double endSeconds)
    {
        int from = Math.Clamp((int)Math.Round(startSeconds * SampleRateHz), 0, DisplacementMm.Length);
        int to = Math.Clamp((int)Math.Round(endSeconds * SampleRateHz), from, DisplacementMm.Length);
        return (Mean(RespirationPerSample, from, to), Mean(HeartPerSample, from, to));
    }

    private static double Mean(float[] values, int from, int to)
    {
        if (to <= from || values.Length < to)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int i = from; i < to; i++)
        {
            sum += values[i];
        }

        return sum / (to - from);
    }
}
