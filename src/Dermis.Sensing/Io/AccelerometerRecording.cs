namespace Dermis.Sensing.Io;

#pragma warning disable CA1819 // struct-of-arrays on purpose: per-sample kernels index these arrays directly, without copies

/// <summary>
/// A decoded triaxial accelerometer recording in struct-of-arrays form: one array per channel, all of
/// length <see cref="Count"/>, sample <c>i</c> at index <c>i</c> of each.
/// </summary>
/// <remarks>
/// <para>
/// Times are seconds since 1970-01-01T00:00:00 <em>on the recording's clock</em>. GENEActiv and Axivity
/// devices keep local wall-clock time with no zone, so their times are "local Unix seconds", as SKDH
/// returns them (night windows are then plain clock arithmetic). Where the file states the clock's
/// offset from UTC, <see cref="UtcOffset"/> carries it and the UTC instant is <c>time − offset</c>.
/// </para>
/// <para>The arrays are shared, not copied: a caller that changes them changes the recording.</para>
/// </remarks>
public sealed class AccelerometerRecording
{
    private readonly float[]? _temperatureC;
    private readonly float[]? _light;

    /// <summary>Creates a recording over the given arrays (not copied).</summary>
    /// <param name="deviceType">Device family, e.g. <c>GENEActiv</c>, <c>AX3</c>, <c>csv</c>; not empty.</param>
    /// <param name="sampleRateHz">Nominal samples per second; finite and &gt; 0.</param>
    /// <param name="timeUnixSeconds">Time of each sample (see the remarks on the clock).</param>
    /// <param name="x">X acceleration in g.</param>
    /// <param name="y">Y acceleration in g.</param>
    /// <param name="z">Z acceleration in g.</param>
    /// <exception cref="ArgumentException">An array's length differs from <paramref name="timeUnixSeconds"/>'s, or the type is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is not finite and positive.</exception>
    public AccelerometerRecording(string deviceType, double sampleRateHz, double[] timeUnixSeconds, float[] x, float[] y, float[] z)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceType);
        ArgumentNullException.ThrowIfNull(timeUnixSeconds);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "The sample rate must be finite and greater than 0 Hz.");
        }

        RequireLength(x.Length, timeUnixSeconds.Length, nameof(x));
        RequireLength(y.Length, timeUnixSeconds.Length, nameof(y));
        RequireLength(z.Length, timeUnixSeconds.Length, nameof(z));
        DeviceType = deviceType;
        SampleRateHz = sampleRateHz;
        TimeUnixSeconds = timeUnixSeconds;
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>Device family: <c>GENEActiv</c>, <c>AX3</c>, <c>AX6</c>, or <c>csv</c> for a CSV file.</summary>
    public string DeviceType { get; }

    /// <summary>Device serial number as the file states it (GENEActiv keeps leading zeros); null when unknown.</summary>
    public string? Serial { get; init; }

    /// <summary>Nominal samples per second, as configured on the device (or estimated for CSV).</summary>
    public double SampleRateHz { get; }

    /// <summary>Offset of the recording's clock from UTC when the file states it (GENEActiv header, ISO 8601 CSV times); null when unknown.</summary>
    public TimeSpan? UtcOffset { get; init; }

    /// <summary>Number of samples.</summary>
    public int Count => TimeUnixSeconds.Length;

    /// <summary>Time of each sample in seconds since 1970-01-01T00:00:00 on the recording's clock.</summary>
    public double[] TimeUnixSeconds { get; }

    /// <summary>X acceleration in g.</summary>
    public float[] X { get; }

    /// <summary>Y acceleration in g.</summary>
    public float[] Y { get; }

    /// <summary>Z acceleration in g.</summary>
    public float[] Z { get; }

    /// <summary>Device temperature in °C per sample (devices report it once per page or block, so runs repeat); null when absent.</summary>
    /// <exception cref="ArgumentException">Set to an array whose length is not <see cref="Count"/>.</exception>
    public float[]? TemperatureC
    {
        get => _temperatureC;
        init
        {
            if (value is not null)
            {
                RequireLength(value.Length, Count, nameof(TemperatureC));
            }

            _temperatureC = value;
        }
    }

    /// <summary>Light per sample in the device's units (GENEActiv: lux); null when absent.</summary>
    /// <exception cref="ArgumentException">Set to an array whose length is not <see cref="Count"/>.</exception>
    public float[]? Light
    {
        get => _light;
        init
        {
            if (value is not null)
            {
                RequireLength(value.Length, Count, nameof(Light));
            }

            _light = value;
        }
    }

    private static void RequireLength(int length, int count, string name)
    {
        if (length != count)
        {
            throw new ArgumentException($"{name} has {length} samples but the time array has {count}; every channel needs one value per sample.", name);
        }
    }
}
