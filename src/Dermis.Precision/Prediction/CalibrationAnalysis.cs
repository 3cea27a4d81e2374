namespace Dermis.Precision.Prediction;

/// <summary>
/// Calibration of predicted probabilities: logistic recalibration (Cox 1958; Steyerberg,
/// Clinical Prediction Models, 2nd ed., §15.3), the Brier score and binned observed rates.
/// </summary>
internal static class CalibrationAnalysis
{
    /// <summary>Mean squared difference between prediction and outcome (0 perfect, 0.25 for p ≡ ½ with balanced outcomes).</summary>
    public static double Brier(ReadOnlySpan<double> predicted, ReadOnlySpan<bool> outcomes)
    {
        double sum = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var d = predicted[i] - (outcomes[i] ? 1 : 0);
            sum += d * d;
        }

        return sum / predicted.Length;
    }

    /// <summary>
    /// Calibration-in-the-large a from logit P(y) = a + lp (lp = logit of the prediction as an
    /// offset) and calibration slope b from logit P(y) = c + b·lp; both maximum likelihood
    /// (R: <c>glm(y ~ offset(lp))</c> and <c>glm(y ~ lp)</c>). Ideal: a = 0, b = 1. The slope is NaN
    /// when the predictions separate the outcomes perfectly (its estimate is then infinite).
    /// </summary>
    public static (double Intercept, double Slope) Recalibrate(ReadOnlySpan<double> predicted, ReadOnlySpan<bool> outcomes)
    {
        var lp = new double[predicted.Length];
        for (var i = 0; i < lp.Length; i++)
        {
            var p = Math.Clamp(predicted[i], 1e-12, 1 - 1e-12);
            lp[i] = Math.Log(p / (1 - p));
        }

        double a = 0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double score = 0, information = 0;
            for (var i = 0; i < lp.Length; i++)
            {
                var mu = StandardisedProblem.Logistic(a + lp[i]);
                score += (outcomes[i] ? 1 : 0) - mu;
                information += mu * (1 - mu);
            }

            var step = score / information;
            a += step;
            if (Math.Abs(step) < 1e-12)
            {
                break;
            }
        }

        double c = 0, b = 1;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double s0 = 0, s1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (var i = 0; i < lp.Length; i++)
            {
                var mu = StandardisedProblem.Logistic(c + b * lp[i]);
                var r = (outcomes[i] ? 1 : 0) - mu;
                var w = mu * (1 - mu);
                s0 += r;
                s1 += r * lp[i];
                h00 += w;
                h01 += w * lp[i];
                h11 += w * lp[i] * lp[i];
            }

            var det = h00 * h11 - h01 * h01;
            var dc = (h11 * s0 - h01 * s1) / det;
            var db = (h00 * s1 - h01 * s0) / det;
            c += dc;
            b += db;
            if (!double.IsFinite(b) || Math.Abs(b) > 1e6)
            {
                return (a, double.NaN);
            }

            if (Math.Max(Math.Abs(dc), Math.Abs(db)) < 1e-12)
            {
                return (a, b);
            }
        }

        return (a, double.NaN);
    }

    /// <summary>
    /// Up to <paramref name="binCount"/> equal-count bins of the sorted predictions (bin k holds
    /// sorted positions ⌊k·n/B⌋ … ⌊(k+1)·n/B⌋ − 1; ties may straddle bins).
    /// </summary>
    public static CalibrationBin[] Bins(ReadOnlySpan<double> predicted, ReadOnlySpan<bool> outcomes, int binCount)
    {
        var order = new int[predicted.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = predicted.ToArray();
        Array.Sort(keys, order);
        var bins = Math.Min(binCount, predicted.Length);
        var result = new CalibrationBin[bins];
        for (var k = 0; k < bins; k++)
        {
            int start = k * predicted.Length / bins, end = (k + 1) * predicted.Length / bins;
            double sumP = 0, events = 0;
            for (var s = start; s < end; s++)
            {
                sumP += predicted[order[s]];
                events += outcomes[order[s]] ? 1 : 0;
            }

            result[k] = new CalibrationBin(sumP / (end - start), events / (end - start), end - start);
        }

        return result;
    }
}
