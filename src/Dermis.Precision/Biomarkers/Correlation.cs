namespace Dermis.Precision.Biomarkers;

/// <summary>Correlation kernels for <see cref="BiomarkerAssociations"/>.</summary>
internal static class Correlation
{
    /// <summary>Pearson product-moment correlation (two-pass, centred sums).</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = 0, my = 0;
        for (var i = 0; i < x.Length; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= x.Length;
        my /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Ranks 1..n with ties given their average rank (R <c>rank(ties.method = "average")</c>).</summary>
    public static double[] Ranks(double[] values)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            while (end + 1 < keys.Length && keys[end + 1] == keys[start])
            {
                end++;
            }

            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>
    /// Repeated-measures correlation: the ANCOVA outcome ~ subject + biomarker fitted by centring
    /// both variables within participant; r = sign(slope)·√(SS_b / (SS_b + SS_res)) and the p of the
    /// biomarker's F test (1, N − S − 1 df) (Bakdash &amp; Marusich 2017, eq. 1–3). NaN when the
    /// biomarker does not vary within any participant.
    /// </summary>
    public static (double R, double P) RepeatedMeasures(double[] x, double[] y, int[] group, int subjects)
    {
        var mx = new double[subjects];
        var my = new double[subjects];
        var count = new int[subjects];
        for (var i = 0; i < x.Length; i++)
        {
            mx[group[i]] += x[i];
            my[group[i]] += y[i];
            count[group[i]]++;
        }

        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - mx[group[i]] / count[group[i]];
            var dy = y[i] - my[group[i]] / count[group[i]];
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx == 0 || syy == 0)
        {
            return (double.NaN, double.NaN);
        }

        var r = sxy / Math.Sqrt(sxx * syy);
        var df = x.Length - subjects - 1;
        return (r, BiomarkerAssociations.TwoSidedP(r * Math.Sqrt(df / (1 - r * r)), df));
    }

    /// <summary>Whether a column takes more than one value within at least one participant.</summary>
    public static bool VariesWithin(double[] values, int[] group, int subjects)
    {
        var first = new double?[subjects];
        for (var i = 0; i < values.Length; i++)
        {
            if (first[group[i]] is not { } f)
            {
                first[group[i]] = values[i];
            }
            else if (f != values[i])
            {
                return true;
            }
        }

        return false;
    }
}
