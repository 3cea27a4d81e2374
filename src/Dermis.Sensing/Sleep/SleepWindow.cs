using System.Buffers;
using Dermis.Sensing.Signal;

namespace Dermis.Sensing.Sleep;

/// <summary>
/// The sleep-period time window (total sleep opportunity, TSO) of one recording, found from the arm angle without a
/// sleep diary by the HDCZA rule (van Hees VT et al. "Estimating sleep parameters using an accelerometer without sleep
/// diary", <i>Sci Rep</i> 8:12975 (2018), doi:10.1038/s41598-018-31266-z).
/// </summary>
/// <param name="StartSeconds">Start of the window, s from the first sample (a multiple of the 5-s epoch).</param>
/// <param name="EndSeconds">End of the window (exclusive), s from the first sample.</param>
/// <param name="ThresholdDegrees">The angle-change threshold the recording produced, degrees.</param>
public sealed record SleepWindow(double StartSeconds, double EndSeconds, double ThresholdDegrees)
{
    /// <summary>Length of the window, min.</summary>
    public double DurationMinutes => (EndSeconds - StartSeconds) / 60.0;

    /// <summary>
    /// Detects the sleep window in a triaxial wrist recording of any sample rate.
    /// </summary>
    /// <remarks>
    /// Steps (defaults in <see cref="SleepWindowOptions"/>): a centred rolling median of each axis over 5 s (an odd
    /// number of samples, as GGIR's <c>zoo::rollmedian</c>); the z-angle atan(z / √(x² + y²)) in degrees per sample;
    /// its mean per 5-s epoch; the absolute change between consecutive epochs (0 for the first); a centred 5-min
    /// rolling median of that change (truncated at the ends); threshold = 15 × its 10th percentile (linear
    /// interpolation), clamped to [0.13°, 0.5°]; rest = epochs below the threshold; rest blocks of 30 min or less are
    /// dropped; gaps shorter than 60 min between the remaining blocks are filled; the longest block (the earliest on a
    /// tie) is the window. Only whole 5-s epochs are used; epoch k starts at sample ⌊5k · fs⌋. Non-wear is not
    /// detected here: remove non-wear first, or a device left still on a table becomes the window.
    /// </remarks>
    /// <param name="x">Acceleration, x axis (g).</param>
    /// <param name="y">Acceleration, y axis (g); same length as <paramref name="x"/>.</param>
    /// <param name="z">Acceleration, z axis (g), the axis across the wrist's flat face; same length as <paramref name="x"/>.</param>
    /// <param name="sampleRateHz">Sample rate, Hz, finite and &gt; 0, at least one sample per epoch.</param>
    /// <param name="options">Parameters; null for <see cref="SleepWindowOptions.Default"/>.</param>
    /// <returns>The window, or null when no rest block is longer than <see cref="SleepWindowOptions.MinBlockMinutes"/>.</returns>
    /// <exception cref="ArgumentException">The axes differ in length or hold a non-finite sample.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate or an option is outside its range.</exception>
    public static SleepWindow? Detect(
        ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, double sampleRateHz, SleepWindowOptions? options = null)
    {
        options ??= SleepWindowOptions.Default;
        options.Validate();
        if (y.Length != x.Length || z.Length != x.Length)
        {
            throw new ArgumentException($"The three axes must have the same length; got x {x.Length}, y {y.Length}, z {z.Length} samples.", nameof(y));
        }

        double samplesPerEpoch = options.EpochSeconds * sampleRateHz;
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0 || samplesPerEpoch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "The sample rate must be finite, > 0 Hz and give at least one sample per epoch.");
        }

        RequireFinite(x, nameof(x));
        RequireFinite(y, nameof(y));
        RequireFinite(z, nameof(z));

        int epochs = (int)Math.Floor(x.Length / samplesPerEpoch);
        if (epochs == 0)
        {
            return null;
        }

        var angle = new double[epochs];
        EpochAngles(x, y, z, samplesPerEpoch, angle);

        var change = new double[epochs];
        for (int e = 1; e < epochs; e++)
        {
            change[e] = Math.Abs(angle[e] - angle[e - 1]);
        }

        int epochsPerMinute = 60 / options.EpochSeconds;
        var median = angle; // reuse: the angles are no longer needed
        RollingMedian.Centred<double>(change, options.MedianWindowMinutes * epochsPerMinute, median);

        double threshold = Math.Clamp(
            Percentile(median, options.ThresholdPercentile) * options.ThresholdFactor, options.MinThresholdDegrees, options.MaxThresholdDegrees);

        var rest = new bool[epochs];
        for (int e = 0; e < epochs; e++)
        {
            rest[e] = median[e] < threshold;
        }

        DropShortRuns(rest, value: true, maxLengthToDrop: options.MinBlockMinutes * epochsPerMinute, interiorOnly: false);
        DropShortRuns(rest, value: false, maxLengthToDrop: (options.MaxGapMinutes * epochsPerMinute) - 1, interiorOnly: true);

        int bestStart = -1, bestLength = 0;
        for (int e = 0; e < epochs;)
        {
            int start = e;
            while (e < epochs && rest[e] == rest[start])
            {
                e++;
            }

            if (rest[start] && e - start > bestLength)
            {
                bestStart = start;
                bestLength = e - start;
            }
        }

        return bestStart < 0
            ? null
            : new SleepWindow((double)bestStart * options.EpochSeconds, (double)(bestStart + bestLength) * options.EpochSeconds, threshold);
    }

    private static void EpochAngles(
        ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, double samplesPerEpoch, Span<double> angle)
    {
        int n = x.Length;
        int window = (int)Math.Round(samplesPerEpoch) | 1;
        float[] mx = ArrayPool<float>.Shared.Rent(n), my = ArrayPool<float>.Shared.Rent(n), mz = ArrayPool<float>.Shared.Rent(n);
        try
        {
            RollingMedian.Centred(x, window, mx.AsSpan(0, n));
            RollingMedian.Centred(y, window, my.AsSpan(0, n));
            RollingMedian.Centred(z, window, mz.AsSpan(0, n));
            for (int e = 0; e < angle.Length; e++)
            {
                int from = (int)Math.Floor(e * samplesPerEpoch);
                int to = Math.Min(n, (int)Math.Floor((e + 1) * samplesPerEpoch));
                double sum = 0;
                for (int i = from; i < to; i++)
                {
                    double ax = mx[i], ay = my[i], az = mz[i];
                    sum += Math.Atan2(az, Math.Sqrt((ax * ax) + (ay * ay))) * (180.0 / Math.PI);
                }

                angle[e] = sum / (to - from);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(mx);
            ArrayPool<float>.Shared.Return(my);
            ArrayPool<float>.Shared.Return(mz);
        }
    }

    // Sets runs of `value` no longer than maxLengthToDrop to !value; interiorOnly keeps runs that touch either end.
    private static void DropShortRuns(bool[] flags, bool value, int maxLengthToDrop, bool interiorOnly)
    {
        int n = flags.Length;
        for (int e = 0; e < n;)
        {
            int start = e;
            while (e < n && flags[e] == flags[start])
            {
                e++;
            }

            bool interior = start > 0 && e < n;
            if (flags[start] == value && e - start <= maxLengthToDrop && (interior || !interiorOnly))
            {
                Array.Fill(flags, !value, start, e - start);
            }
        }
    }

    // numpy.percentile's default (linear interpolation between closest ranks).
    private static double Percentile(ReadOnlySpan<double> values, double percent)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double rank = percent / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((rank - lo) * (sorted[hi] - sorted[lo]));
    }

    private static void RequireFinite(ReadOnlySpan<float> axis, string name)
    {
        for (int i = 0; i < axis.Length; i++)
        {
            if (!float.IsFinite(axis[i]))
            {
                throw new ArgumentException($"Sample {i} of axis {name} is {axis[i]}; remove or interpolate missing samples before detecting the sleep window.", name);
            }
        }
    }
}
