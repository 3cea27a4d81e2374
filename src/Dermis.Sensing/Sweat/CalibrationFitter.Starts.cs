namespace Dermis.Sensing.Sweat;

public static partial class CalibrationFitter
{
    /// <summary>
    /// Starting values (docs/sweat.md §Fitting). Logistic: A and D just beyond the mean responses at the low and high
    /// ends (5 % of the span outside, so every level is inside the asymptotes); B and C from the straight line
    /// ln((y − A)/(D − y)) = B·ln x − B·ln C through the level means (the log-logit linearisation, Rodbard, Clin Chem
    /// 20:1255, 1974), and a second start with B = 1 and C the geometric middle of the standards. 5PL: each 4PL start
    /// with E = 1, plus the converged 4PL. Log-linear: the closed-form weighted regression.
    /// </summary>
    private static List<double[]> Starts(CurveModel model, double[] x, double[] y, double[] w, List<(double Concentration, double Mean, int Count, double SumSquares)> levels)
    {
        var starts = new List<double[]>(4);
        if (model == CurveModel.LogLinear)
        {
            starts.Add(WeightedLine(x, y, w));
            return starts;
        }

        double low = levels[0].Mean, high = levels[^1].Mean, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var level in levels)
        {
            min = Math.Min(min, level.Mean);
            max = Math.Max(max, level.Mean);
        }

        var rising = high >= low;
        var span = max - min;
        var a0 = rising ? min - (0.05 * span) : max + (0.05 * span);
        var d0 = rising ? max + (0.05 * span) : min - (0.05 * span);
        var lowest = LowestPositive(levels);
        var middle = Math.Sqrt(lowest * levels[^1].Concentration);

        // Log-logit line through the positive levels.
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var m = 0;
        foreach (var level in levels)
        {
            if (level.Concentration <= 0)
            {
                continue;
            }

            var z = Math.Log((level.Mean - a0) / (d0 - level.Mean));
            if (!double.IsFinite(z))
            {
                continue;
            }

            var lx = Math.Log(level.Concentration);
            (sx, sy, sxx, sxy, m) = (sx + lx, sy + z, sxx + (lx * lx), sxy + (lx * z), m + 1);
        }

        var denominator = (m * sxx) - (sx * sx);
        var b0 = m >= 2 && denominator > 0 ? ((m * sxy) - (sx * sy)) / denominator : double.NaN;
        var c0 = b0 > 0 ? Math.Exp(-(((sy / m) - (b0 * sx / m)) / b0)) : double.NaN;
        var logistic = new List<double[]>(2);
        if (b0 > 0 && double.IsFinite(b0) && c0 > 0 && double.IsFinite(c0))
        {
            logistic.Add([a0, b0, c0, d0]);
        }

        logistic.Add([a0, 1, middle, d0]);
        if (model == CurveModel.FourParameterLogistic)
        {
            return logistic;
        }

        foreach (var s in logistic)
        {
            starts.Add([.. s, 1]);
            var four = LevenbergMarquardt.Minimise(CurveModel.FourParameterLogistic, x, y, w, s);
            if (four.Converged)
            {
                starts.Add([.. four.Parameters, 1]);
            }
        }

        return starts;
    }

    private static double[] WeightedLine(double[] x, double[] y, double[] w)
    {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var lx = Math.Log10(x[i]);
            sw += w[i];
            sx += w[i] * lx;
            sy += w[i] * y[i];
            sxx += w[i] * lx * lx;
            sxy += w[i] * lx * y[i];
        }

        var slope = ((sw * sxy) - (sx * sy)) / ((sw * sxx) - (sx * sx));
        return [(sy - (slope * sx)) / sw, slope];
    }

    private static double LowestPositive(List<(double Concentration, double Mean, int Count, double SumSquares)> levels) =>
        levels[0].Concentration > 0 ? levels[0].Concentration : levels[1].Concentration;
}
