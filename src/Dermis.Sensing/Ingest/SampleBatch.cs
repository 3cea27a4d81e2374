namespace Dermis.Sensing.Ingest;

/// <summary>What a batch holds.</summary>
public enum SampleKind
{
    /// <summary>Triaxial wrist acceleration in g: three channels x, y, z.</summary>
    Accelerometer = 1,

    /// <summary>Radio-derived chest displacement in mm: one channel.</summary>
    RadioDisplacement = 2,
}

/// <summary>
/// One batch of device samples as sent: an id chosen by the device (a retry reuses it), the time of
/// the first sample, a constant rate, and the samples interleaved by channel.
/// </summary>
/// <param name="BatchId">The device's id for this batch (1–32 letters, digits, '-' or '_').</param>
/// <param name="Kind">What the samples are.</param>
/// <param name="StartUnixMicros">Time of the first sample, Unix microseconds (UTC).</param>
/// <param name="SampleRateHz">Samples per second per channel.</param>
/// <param name="Samples">Count × channels values, interleaved (x0, y0, z0, x1, …).</param>
public sealed record SampleBatch(string BatchId, SampleKind Kind, long StartUnixMicros, float SampleRateHz, float[] Samples)
{
    /// <summary>Channels of <paramref name="kind"/>.</summary>
    public static int ChannelsOf(SampleKind kind) => kind == SampleKind.Accelerometer ? 3 : 1;

    /// <summary>Channels per sample.</summary>
    public int Channels => ChannelsOf(Kind);

    /// <summary>Samples per channel.</summary>
    public int Count => Samples.Length / Channels;

    /// <summary>Time just after the last sample: start + count / rate.</summary>
    public long EndUnixMicros => StartUnixMicros + (long)Math.Round(Count * 1_000_000d / SampleRateHz);
}
