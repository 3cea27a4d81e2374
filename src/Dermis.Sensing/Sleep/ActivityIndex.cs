using System.Buffers;
using Dermis.Sensing.Signal;

namespace Dermis.Sensing.Sleep;

/// <summary>
/// The activity index of SKDH (<c>skdh.sleep.utility.compute_activity_index</c>): each axis is high-pass filtered
/// (3rd-order Butterworth, 0.25 Hz, zero-phase <c>sosfiltfilt</c>), cut into non-overlapping epochs, and
/// AI = √(mean over the three axes of the per-axis population variance within the epoch).
/// </summary>
/// <remarks>
/// Mahadevan N et al. <i>npj Digit Med</i> 4:42 (2021), doi:10.1038/s41746-021-00402-x; a simplification of Bai J et al.
/// <i>PLoS One</i> 11(8):e0160644 (2016), doi:10.1371/journal.pone.0160644. SKDH filters forward–backward
/// (<c>scipy.signal.sosfiltfilt</c>, checked in its source at commit f4a6fcdd), and so does this port: the
/// Butterworth filter is <see cref="Butterworth.FiltFilt(ReadOnlySpan{float}, Span{double})"/>. SKDH first
/// resamples to 20 Hz; this method filters at the rate it is given. Units follow the input (g in, g out).
/// </remarks>
public static class ActivityIndex
{
    /// <summary>High-pass cut-off, Hz.</summary>
    public const double HighPassCutoffHz = 0.25;

    /// <summary>High-pass Butterworth order.</summary>
    public const int HighPassOrder = 3;

    /// <summary>Number of whole epochs in <paramref name="sampleCount"/> samples: ⌊n / ⌊epochSeconds · fs⌋⌋ (a trailing partial epoch is dropped, as in SKDH).</summary>
    /// <param name="sampleCount">Samples per axis, ≥ 0.</param>
    /// <param name="sampleRateHz">Sample rate, Hz, finite and &gt; 0.</param>
    /// <param name="epochSeconds">Epoch length, s, ≥ 1, with at least one sample per epoch.</param>
    /// <returns>The number of activity-index values <see cref="Compute(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, double, Span{double}, int)"/> writes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static int EpochCount(int sampleCount, double sampleRateHz, int epochSeconds = 60)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        return sampleCount / SamplesPerEpoch(sampleRateHz, epochSeconds);
    }

    /// <summary>Computes the activity index of each whole epoch of a triaxial recording.</summary>
    /// <param name="x">Acceleration, x axis (g).</param>
    /// <param name="y">Acceleration, y axis (g); same length as <paramref name="x"/>.</param>
    /// <param name="z">Acceleration, z axis (g); same length as <paramref name="x"/>.</param>
    /// <param name="sampleRateHz">Sample rate, Hz; finite and above 0.5 Hz (twice the cut-off).</param>
    /// <param name="epochSeconds">Epoch length, s (SKDH: 60).</param>
    /// <returns>One value per whole epoch (see <see cref="EpochCount"/>), g; epoch k covers samples [k·m, (k+1)·m) with m = ⌊epochSeconds · fs⌋.</returns>
    /// <exception cref="ArgumentException">The axes differ in length, or hold a whole epoch but no more than the filter's 12 samples of padding.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate or epoch length is outside its range.</exception>
    public static double[] Compute(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, double sampleRateHz, int epochSeconds = 60)
    {
        var result = new double[EpochCount(x.Length, sampleRateHz, epochSeconds)];
        Compute(x, y, z, sampleRateHz, result, epochSeconds);
        return result;
    }

    /// <summary>Computes the activity index into a caller-owned span; see <see cref="Compute(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, double, int)"/>.</summary>
    /// <param name="x">Acceleration, x axis (g).</param>
    /// <param name="y">Acceleration, y axis (g); same length as <paramref name="x"/>.</param>
    /// <param name="z">Acceleration, z axis (g); same length as <paramref name="x"/>.</param>
    /// <param name="sampleRateHz">Sample rate, Hz; finite and above 0.5 Hz.</param>
    /// <param name="destination">Receives exactly <see cref="EpochCount"/> values.</param>
    /// <param name="epochSeconds">Epoch length, s.</param>
    /// <exception cref="ArgumentException">The axes differ in length, are too short, or <paramref name="destination"/> has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate or epoch length is outside its range.</exception>
    public static void Compute(
        ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, double sampleRateHz, Span<double> destination, int epochSeconds = 60)
    {
        if (y.Length != x.Length || z.Length != x.Length)
        {
            throw new ArgumentException($"The three axes must have the same length; got x {x.Length}, y {y.Length}, z {z.Length} samples.", nameof(y));
        }

        int perEpoch = SamplesPerEpoch(sampleRateHz, epochSeconds);
        int epochs = x.Length / perEpoch;
        if (destination.Length != epochs)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} values but {x.Length} samples make {epochs} epochs of {epochSeconds} s; allocate ActivityIndex.EpochCount(...) values.",
                nameof(destination));
        }

        if (epochs == 0)
        {
            return;
        }

        var filter = Butterworth.HighPass(HighPassOrder, HighPassCutoffHz, sampleRateHz);
        destination.Clear();
        double[] buffer = ArrayPool<double>.Shared.Rent(x.Length);
        try
        {
            var filtered = buffer.AsSpan(0, x.Length);
            AddEpochVariances(filter, x, filtered, perEpoch, destination);
            AddEpochVariances(filter, y, filtered, perEpoch, destination);
            AddEpochVariances(filter, z, filtered, perEpoch, destination);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }

        for (int e = 0; e < destination.Length; e++)
        {
            destination[e] = Math.Sqrt(destination[e] / 3.0);
        }
    }

    private static void AddEpochVariances(Butterworth filter, ReadOnlySpan<float> axis, Span<double> filtered, int perEpoch, Span<double> sums)
    {
        filter.FiltFilt(axis, filtered);
        for (int e = 0; e < sums.Length; e++)
        {
            var window = filtered.Slice(e * perEpoch, perEpoch);
            double mean = 0;
            for (int i = 0; i < window.Length; i++)
            {
                mean += window[i];
            }

            mean /= perEpoch;
            double squares = 0;
            for (int i = 0; i < window.Length; i++)
            {
                double d = window[i] - mean;
                squares += d * d;
            }

            // numpy.var's default: population variance (ddof = 0).
            sums[e] += squares / perEpoch;
        }
    }

    private static int SamplesPerEpoch(double sampleRateHz, int epochSeconds)
    {
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 2 * HighPassCutoffHz)
        {
            throw new ArgumentOutOfRangeException(
                nameof(sampleRateHz), sampleRateHz, $"The sample rate must be finite and above {2 * HighPassCutoffHz} Hz (twice the high-pass cut-off).");
        }

        if (epochSeconds < 1 || epochSeconds * sampleRateHz < 1 || epochSeconds * sampleRateHz > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(epochSeconds), epochSeconds, "The epoch must be at least 1 s and hold at least one sample.");
        }

        // SKDH: int(60 * fs) samples per window.
        return (int)(epochSeconds * sampleRateHz);
    }
}
