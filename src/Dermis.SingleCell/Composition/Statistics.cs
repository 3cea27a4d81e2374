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

    /// <summary>P(|T| ≥ |t|) for Student's t with <paramref name="df"/> degrees of freedom: I_{df/(df+t²)}(df/2, 1/2).</summary>
    public static double TwoSidedP(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df))
        {
            return double.NaN;
        }

        return RegularizedIncompleteBeta(df / (df + (t * t)), df / 2, 0.5);
    }

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

    /// <summary>I_x(a, b) by the continued fraction of Numerical Recipes (Press et al., 3rd ed., §6.4), with ln Γ by Lanczos.</summary>
    public static double RegularizedIncompleteBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x)));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(x, a, b) / a
            : 1 - (front * ContinuedFraction(1 - x, b, a) / b);
    }

    private static double ContinuedFraction(double x, double a, double b)
    {
        const double Tiny = 1e-300;
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1 - (qab * x / qap);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 10_000; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return h;
    }

    /// <summary>ln Γ(x) for x &gt; 0, Lanczos approximation (g = 7, n = 9), relative error below 1e-15.</summary>
    public static double LogGamma(double x)
    {
        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = g[0];
        for (var i = 1; i < 9; i++)
        {
            sum += g[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
