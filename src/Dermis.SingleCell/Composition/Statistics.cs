namespace Dermis.SingleCell.Composition;

/// <summary>Welch's t-test, Student's t distribution and Benjamini–Hochberg adjustment, for the composition tests.</summary>
internal static class Statistics
{
    /// <summary>
    /// Welch's unequal-variance t-test of mean(a) − mean(b) (Welch, Biometrika 34:28, 1947), two-sided, with the
    /// Welch–Satterthwaite degrees of freedom, as R's <c>t.test(a, b)</c>.
    /// </summary>
    /// <returns>t, degrees of freedom and p; all NaN when a group has fewer than 2 values or both variances are 0.</returns>
    public static (double T, double DegreesOfFreedom, double P) WelchT(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length < 2 || b.Length < 2)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var (ma, va) = MeanVariance(a);
        var (mb, vb) = MeanVariance(b);
        var sa = va / a.Length;
        var sb = vb / b.Length;
        var se2 = sa + sb;
        if (!(se2 > 0))
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var t = (ma - mb) / Math.Sqrt(se2);
        var df = se2 * se2 / ((sa * sa / (a.Length - 1)) + (sb * sb / (b.Length - 1)));
        return (t, df, TwoSidedP(t, df));
    }

    /// <summary>Mean and sample variance (n − 1).</summary>
    public static (double Mean, double Variance) MeanVariance(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        var ss = 0.0;
        foreach (var v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return (mean, values.Length > 1 ? ss / (values.Length - 1) : double.NaN);
    }

    /// <summary>P(|T| ≥ |t|) for Student's t with <paramref name="df"/> degrees of freedom (Math.NET's distribution).</summary>
    public static double TwoSidedP(double t, double df) =>
        double.IsNaN(t) || double.IsNaN(df) ? double.NaN : 2 * MathNet.Numerics.Distributions.StudentT.CDF(0, 1, df, -Math.Abs(t));

    /// <summary>
    /// Benjamini–Hochberg adjusted p-values (JRSS B 57:289, 1995), as R's <c>p.adjust(method = "BH")</c>: NaN stays NaN
    /// and is not counted.
    /// </summary>
    public static double[] BenjaminiHochberg(ReadOnlySpan<double> p)
    {
        var result = new double[p.Length];
        var order = new List<int>();
        for (var i = 0; i < p.Length; i++)
        {
            if (double.IsNaN(p[i]))
            {
                result[i] = double.NaN;
            }
            else
            {
                order.Add(i);
            }
        }

        var values = p.ToArray();
        order.Sort((x, y) => values[y].CompareTo(values[x]) is var c && c != 0 ? c : x.CompareTo(y));
        var m = order.Count;
        var running = 1.0;
        for (var r = 0; r < m; r++)
        {
            var i = order[r];
            var rank = m - r;
            running = Math.Min(running, values[i] * m / rank);
            result[i] = Math.Min(1, running);
        }

        return result;
    }
}
