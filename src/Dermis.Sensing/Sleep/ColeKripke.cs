namespace Dermis.Sensing.Sleep;

/// <summary>
/// Cole–Kripke sleep/wake scoring as in SKDH (<c>skdh.sleep.sleep_classification.compute_sleep_predictions</c>):
/// score[t] = s · (4.64·A[t−4] + 6.87·A[t−3] + 3.75·A[t−2] + 5.07·A[t−1] + 16.19·A[t] + 5.84·A[t+1] + 4.024·A[t+2]),
/// with epochs outside the record counted as 0, and the epoch is sleep when score &lt; 0.5.
/// </summary>
/// <remarks>
/// Cole RJ, Kripke DF, Gruen W, Mullaney DJ, Gillin JC. "Automatic sleep/wake identification from wrist activity."
/// <i>Sleep</i> 15(5):461–469 (1992), doi:10.1093/sleep/15.5.461 (weights on epochs −4…+2). SKDH writes the weights as
/// the kernel [0, 0, 4.024, 5.84, 16.19, 5.07, 3.75, 6.87, 4.64] × s and applies <c>numpy.convolve(A, kernel, "same")</c>;
/// convolution flips the kernel and "same" centres it on index 4, which gives the window above. s = 0.243 was
/// optimised by SKDH for the 60-s activity index (<see cref="ActivityIndex"/>); it recommends 0.15–0.3. The weights do
/// not depend on the epoch length, so with another activity measure or epoch length only s needs re-tuning (see
/// docs/sensing.md for 30-s Walch counts). Rescoring is separate: <see cref="WebsterRescoring"/>.
/// </remarks>
public static class ColeKripke
{
    /// <summary>SKDH's scale factor for the 60-s activity index.</summary>
    public const double SkdhScaleFactor = 0.243;

    /// <summary>An epoch whose scaled score is below this value is sleep.</summary>
    public const double SleepThreshold = 0.5;

    // SKDH's kernel without its two leading zeros, in numpy.convolve order: Kernel[j] multiplies A[t + 2 − j].
    private static readonly double[] Kernel = [4.024, 5.84, 16.19, 5.07, 3.75, 6.87, 4.64];

    /// <summary>Classifies each 60-s activity-index epoch with SKDH's scale factor (no rescoring).</summary>
    /// <param name="activityIndex">Activity index per epoch, ≥ 0 and finite.</param>
    /// <returns>True where the epoch is sleep; same length as the input.</returns>
    public static bool[] Classify(ReadOnlySpan<double> activityIndex) => Classify(activityIndex, SkdhScaleFactor);

    /// <summary>Classifies each epoch with the given scale factor (no rescoring).</summary>
    /// <param name="activity">Activity per epoch (activity index, counts), finite.</param>
    /// <param name="scaleFactor">Scale factor s, finite and &gt; 0.</param>
    /// <returns>True where the epoch is sleep; same length as the input.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scale factor is not finite and positive.</exception>
    public static bool[] Classify(ReadOnlySpan<double> activity, double scaleFactor)
    {
        var sleep = new bool[activity.Length];
        Classify(activity, scaleFactor, sleep);
        return sleep;
    }

    /// <summary>Classifies each epoch into a caller-owned span (no rescoring).</summary>
    /// <param name="activity">Activity per epoch, finite.</param>
    /// <param name="scaleFactor">Scale factor s, finite and &gt; 0.</param>
    /// <param name="sleep">Receives true where the epoch is sleep; same length as <paramref name="activity"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scale factor is not finite and positive.</exception>
    public static void Classify(ReadOnlySpan<double> activity, double scaleFactor, Span<bool> sleep)
    {
        if (sleep.Length != activity.Length)
        {
            throw new ArgumentException($"The output has {sleep.Length} epochs but the activity has {activity.Length}; they must be equal.", nameof(sleep));
        }

        ValidateScale(scaleFactor);
        Span<double> kernel = stackalloc double[Kernel.Length];
        ScaledKernel(scaleFactor, kernel);
        for (int t = 0; t < activity.Length; t++)
        {
            sleep[t] = ScoreAt(activity, kernel, t) < SleepThreshold;
        }
    }

    /// <summary>Writes the scaled Cole–Kripke score of each epoch (sleep where &lt; <see cref="SleepThreshold"/>).</summary>
    /// <param name="activity">Activity per epoch, finite.</param>
    /// <param name="scaleFactor">Scale factor s, finite and &gt; 0.</param>
    /// <param name="score">Receives the scores; same length as <paramref name="activity"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scale factor is not finite and positive.</exception>
    public static void Score(ReadOnlySpan<double> activity, double scaleFactor, Span<double> score)
    {
        if (score.Length != activity.Length)
        {
            throw new ArgumentException($"The output has {score.Length} epochs but the activity has {activity.Length}; they must be equal.", nameof(score));
        }

        ValidateScale(scaleFactor);
        Span<double> kernel = stackalloc double[Kernel.Length];
        ScaledKernel(scaleFactor, kernel);
        for (int t = 0; t < activity.Length; t++)
        {
            score[t] = ScoreAt(activity, kernel, t);
        }
    }

    // SKDH scales the kernel first (kernel * sf), then convolves; doing the same keeps the rounding identical.
    private static void ScaledKernel(double scaleFactor, Span<double> kernel)
    {
        for (int j = 0; j < Kernel.Length; j++)
        {
            kernel[j] = Kernel[j] * scaleFactor;
        }
    }

    private static double ScoreAt(ReadOnlySpan<double> activity, ReadOnlySpan<double> kernel, int t)
    {
        double sum = 0;
        for (int j = 0; j < kernel.Length; j++)
        {
            int i = t + 2 - j;
            if ((uint)i < (uint)activity.Length)
            {
                sum += kernel[j] * activity[i];
            }
        }

        return sum;
    }

    private static void ValidateScale(double scaleFactor)
    {
        if (!double.IsFinite(scaleFactor) || scaleFactor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scaleFactor), scaleFactor, "The scale factor must be finite and > 0 (SKDH: 0.243 for the 60-s activity index).");
        }
    }
}
