namespace Dermis.Sensing.Motion;

/// <summary>Per-sample and per-window kernels shared by the two motion gates (SKDH <c>moving_sd</c> semantics: sample SD, ddof = 1).</summary>
internal static class MotionWindows
{
    /// <summary>Euclidean norm of each triaxial sample, g.</summary>
    public static void VectorMagnitude(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, Span<double> magnitude)
    {
        for (int i = 0; i < magnitude.Length; i++)
        {
            double a = x[i], b = y[i], c = z[i];
            magnitude[i] = Math.Sqrt((a * a) + (b * b) + (c * c));
        }
    }

    /// <summary>
    /// Rolling coefficient of variation over windows of <paramref name="window"/> samples advanced by one sample:
    /// <c>cov[i] = sd(signal[i..i+w)) / (mean + <paramref name="offset"/>)</c>, or <c>/ (|mean| + offset)</c> when
    /// <paramref name="absoluteMean"/>. Output length is <c>n − w + 1</c>.
    /// </summary>
    public static void RollingCoV(ReadOnlySpan<double> signal, int window, double offset, bool absoluteMean, Span<double> cov)
    {
        int count = signal.Length - window + 1;
        double s1 = 0, s2 = 0, anchor = 0;
        for (int i = 0; i < count; i++)
        {
            if (i % window == 0)
            {
                // Re-anchor the running sums once per window so that cancellation never accumulates along a night.
                anchor = signal[i];
                s1 = 0;
                s2 = 0;
                for (int j = i; j < i + window; j++)
                {
                    double d = signal[j] - anchor;
                    s1 += d;
                    s2 += d * d;
                }
            }
            else
            {
                double dOut = signal[i - 1] - anchor, dIn = signal[i + window - 1] - anchor;
                s1 += dIn - dOut;
                s2 += (dIn * dIn) - (dOut * dOut);
            }

            double mean = anchor + (s1 / window);
            double variance = Math.Max(0.0, (s2 - (s1 * s1 / window)) / (window - 1));
            double denominator = (absoluteMean ? Math.Abs(mean) : mean) + offset;
            cov[i] = Math.Sqrt(variance) / denominator;
        }
    }

    /// <summary>Sample SD (ddof = 1) of non-overlapping windows of <paramref name="window"/> samples; output length <c>n / w</c>.</summary>
    public static void WindowSd(ReadOnlySpan<float> signal, int window, Span<double> sd)
    {
        for (int k = 0; k < sd.Length; k++)
        {
            var w = signal.Slice(k * window, window);
            double mean = 0;
            for (int j = 0; j < w.Length; j++)
            {
                mean += w[j];
            }

            mean /= window;
            double ss = 0;
            for (int j = 0; j < w.Length; j++)
            {
                double d = w[j] - mean;
                ss += d * d;
            }

            sd[k] = Math.Sqrt(ss / (window - 1));
        }
    }

    /// <summary>Number of 1-s decisions SKDH makes from <paramref name="sampleCount"/> samples: <c>⌊(n − w + 1 − w) / w⌋ + 1</c>, or 0.</summary>
    public static int DecisionCount(int sampleCount, int window)
    {
        int rolling = sampleCount - window + 1;
        return rolling < window ? 0 : ((rolling - window) / window) + 1;
    }
}
