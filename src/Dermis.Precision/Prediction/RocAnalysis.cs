namespace Dermis.Precision.Prediction;

/// <summary>
/// Area under the ROC curve as the Mann–Whitney statistic with DeLong's variance
/// (DeLong, DeLong &amp; Clarke-Pearson 1988, Biometrics 44:837, doi:10.2307/2531595).
/// </summary>
internal static class RocAnalysis
{
    /// <summary>ψ(x, y) = 1 if x &gt; y, ½ if x = y, 0 otherwise (x an event's score, y a non-event's).</summary>
    public static double Kernel(double eventScore, double nonEventScore) =>
        eventScore > nonEventScore ? 1 : eventScore == nonEventScore ? 0.5 : 0;

    /// <summary>AUC = (1/mn)·Σᵢ Σⱼ ψ(Xᵢ, Yⱼ); NaN when a class is empty.</summary>
    public static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> outcomes) => DeLong(scores, outcomes).Auc;

    /// <summary>
    /// AUC and its DeLong variance S₁₀/m + S₀₁/n, where V₁₀(Xᵢ) = (1/n)Σⱼψ(Xᵢ,Yⱼ) and
    /// V₀₁(Yⱼ) = (1/m)Σᵢψ(Xᵢ,Yⱼ) are the structural components and S₁₀, S₀₁ their sample
    /// variances (divisor m − 1, n − 1). O(m·n); the sizes here are trial-sized.
    /// </summary>
    public static (double Auc, double Variance) DeLong(ReadOnlySpan<double> scores, ReadOnlySpan<bool> outcomes)
    {
        var events = new List<double>();
        var nonEvents = new List<double>();
        for (var i = 0; i < scores.Length; i++)
        {
            (outcomes[i] ? events : nonEvents).Add(scores[i]);
        }

        int m = events.Count, n = nonEvents.Count;
        if (m == 0 || n == 0)
        {
            return (double.NaN, double.NaN);
        }

        var v10 = new double[m];
        var v01 = new double[n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var psi = Kernel(events[i], nonEvents[j]);
                v10[i] += psi;
                v01[j] += psi;
            }
        }

        double auc = 0;
        for (var i = 0; i < m; i++)
        {
            v10[i] /= n;
            auc += v10[i];
        }

        auc /= m;
        for (var j = 0; j < n; j++)
        {
            v01[j] /= m;
        }

        var variance = (m > 1 ? SampleVariance(v10, auc) / m : 0) + (n > 1 ? SampleVariance(v01, auc) / n : 0);
        return (auc, variance);
    }

    private static double SampleVariance(double[] values, double mean)
    {
        double ss = 0;
        foreach (var v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return ss / (values.Length - 1);
    }
}
