namespace Dermis.Sensing.Motion;

/// <summary>
/// One recording of triaxial wrist acceleration in g, stored as three equal-length arrays (struct of arrays) at a fixed
/// sample rate; sample <c>i</c> lies at <c>i / SampleRateHz</c> seconds from the start of the recording.
/// </summary>
/// <remarks>The arrays are held, not copied: do not change them while a detector reads them.</remarks>
public sealed record AccelerometerNight
{
    /// <summary>Wraps three axes of acceleration (g) sampled at <paramref name="sampleRateHz"/>.</summary>
    /// <param name="x">Device x axis, g.</param>
    /// <param name="y">Device y axis, g; same length as <paramref name="x"/>.</param>
    /// <param name="z">Device z axis, g; same length as <paramref name="x"/>.</param>
    /// <param name="sampleRateHz">Samples per second, finite and &gt; 0.</param>
    /// <exception cref="ArgumentException">The axes differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is not finite and positive.</exception>
    public AccelerometerNight(float[] x, float[] y, float[] z, double sampleRateHz)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (y.Length != x.Length || z.Length != x.Length)
        {
            throw new ArgumentException(
                $"The three axes must have the same length; got x {x.Length}, y {y.Length}, z {z.Length} samples.", nameof(y));
        }

        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "The sample rate must be finite and > 0 Hz.");
        }

        X = x;
        Y = y;
        Z = z;
        SampleRateHz = sampleRateHz;
    }

    /// <summary>Device x axis, g.</summary>
    public float[] X { get; }

    /// <summary>Device y axis, g.</summary>
    public float[] Y { get; }

    /// <summary>Device z axis, g.</summary>
    public float[] Z { get; }

    /// <summary>Samples per second.</summary>
    public double SampleRateHz { get; }

    /// <summary>Number of samples per axis.</summary>
    public int SampleCount => X.Length;

    /// <summary>Recording length in seconds (<see cref="SampleCount"/> / <see cref="SampleRateHz"/>).</summary>
    public double DurationSeconds => X.Length / SampleRateHz;
}
