using Dermis.Sensing.Motion;

namespace Dermis.Sensing.Vitals;

// Gross-motion detection. Vital-Radio (Adib et al., CHI 2015) reports vital signs only while the person is
// quasi-static and recognises body motion as reflection changes far larger than breathing; here that is made relative
// to the night itself: a second is motion when, over the 4 s around it, the displacement's peak-to-peak or the RMS of
// its velocity exceeds MotionThreshold × the night's quiet-breathing reference. The reference is the 25th percentile of
// the same statistic over every second of the night — a robust scale (like the median absolute deviation, it ignores
// the large values) that still sits inside still breathing when up to three quarters of the night is motion, where a
// median or MAD would already be inflated by the motion itself. 4 s spans about one breath at 15 /min, so the
// peak-to-peak of still breathing is its breathing amplitude; drift and 1/f wander change little within 4 s.
public static partial class RadioNightAnalysis
{
    /// <summary>Span of the motion statistic around each second, s.</summary>
    internal const double MotionSpanSeconds = 4;

    /// <summary>Percentile of the per-second statistic taken as the night's quiet-breathing reference.</summary>
    internal const double MotionReferencePercentile = 25;

    /// <summary>Largest still gap, s, joined into one motion bout.</summary>
    internal const int MotionJoinGapSeconds = 2;

    private static List<MotionBout> DetectMotion(double[] signal, double rateHz, double durationSeconds, VitalSignsOptions o)
    {
        var flags = MotionPerSecond(signal, rateHz, durationSeconds, o.MotionThreshold);
        var runs = MovementBout.FromSeconds(flags, MotionJoinGapSeconds);
        var bouts = new List<MotionBout>(runs.Count);
        double start = -1, end = -1;
        foreach (var run in runs)
        {
            double s = Math.Max(0, run.StartSecond - o.MotionGuardSeconds);
            double e = Math.Min(durationSeconds, run.EndSecond + o.MotionGuardSeconds);
            if (start >= 0 && s <= end)
            {
                end = Math.Max(end, e);
                continue;
            }

            if (start >= 0)
            {
                bouts.Add(Bout(signal, rateHz, start, end));
            }

            (start, end) = (s, e);
        }

        if (start >= 0)
        {
            bouts.Add(Bout(signal, rateHz, start, end));
        }

        return bouts;
    }

    /// <summary>Per-second motion flags of the analysis-rate signal (one per started second).</summary>
    internal static bool[] MotionPerSecond(ReadOnlySpan<double> signal, double rateHz, double durationSeconds, double threshold)
    {
        int seconds = Math.Max(1, (int)Math.Ceiling(durationSeconds - 1e-9));
        int blocks = 2 * seconds;
        var min = new double[blocks];
        var max = new double[blocks];
        var squares = new double[blocks];
        var counts = new int[blocks];
        for (int b = 0; b < blocks; b++)
        {
            int from = Math.Min(signal.Length, (int)Math.Round(b * 0.5 * rateHz));
            int to = Math.Min(signal.Length, (int)Math.Round((b + 1) * 0.5 * rateHz));
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity, sq = 0;
            for (int i = from; i < to; i++)
            {
                double x = signal[i];
                lo = Math.Min(lo, x);
                hi = Math.Max(hi, x);
                if (i > 0)
                {
                    double d = x - signal[i - 1];
                    sq += d * d;
                }
            }

            (min[b], max[b], squares[b], counts[b]) = (lo, hi, sq, to - from - (from == 0 && to > 0 ? 1 : 0));
        }

        var range = new double[seconds];
        var velocity = new double[seconds];
        int halfSpan = (int)MotionSpanSeconds; // half the span (2 s) in half-second blocks
        for (int j = 0; j < seconds; j++)
        {
            // Half-second blocks 2j − 3 … 2j + 4: the 4 s centred on the middle of second j.
            int b0 = Math.Max(0, (2 * j) + 1 - halfSpan), b1 = Math.Min(blocks - 1, (2 * j) + halfSpan);
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity, sq = 0;
            int n = 0;
            for (int b = b0; b <= b1; b++)
            {
                lo = Math.Min(lo, min[b]);
                hi = Math.Max(hi, max[b]);
                sq += squares[b];
                n += counts[b];
            }

            range[j] = hi >= lo ? hi - lo : 0;
            velocity[j] = n > 0 ? Math.Sqrt(sq / n) * rateHz : 0;
        }

        double rangeReference = VitalStatistics.Percentile(range, MotionReferencePercentile);
        double velocityReference = VitalStatistics.Percentile(velocity, MotionReferencePercentile);
        var flags = new bool[seconds];
        for (int j = 0; j < seconds; j++)
        {
            flags[j] = range[j] > threshold * rangeReference || velocity[j] > threshold * velocityReference;
        }

        return flags;
    }

    private static MotionBout Bout(double[] signal, double rateHz, double startSeconds, double endSeconds)
    {
        int from = Math.Min(signal.Length - 1, (int)Math.Floor(startSeconds * rateHz));
        int to = Math.Min(signal.Length, (int)Math.Ceiling(endSeconds * rateHz));
        double lo = signal[from], hi = signal[from];
        for (int i = from + 1; i < to; i++)
        {
            lo = Math.Min(lo, signal[i]);
            hi = Math.Max(hi, signal[i]);
        }

        return new MotionBout(startSeconds, endSeconds, hi - lo);
    }
}
