namespace Dermis.SingleCell.Markers;

/// <summary>
/// Standard normal tail probabilities accurate to full double precision far into the tail, by W. J. Cody's
/// rational Chebyshev approximations (Cody, Math Comp 23:631, 1969, doi:10.1090/S0025-5718-1969-0247736-4) as
/// used by R's <c>pnorm</c>; needed for marker p-values down to 1e-300.
/// </summary>
internal static class NormalDistribution
{
    private static readonly double[] s_a = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
    private static readonly double[] s_b = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
    private static readonly double[] s_c = [0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8];
    private static readonly double[] s_d = [22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727];
    private static readonly double[] s_p = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
    private static readonly double[] s_q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

    /// <summary>P(Z ≤ x) for a standard normal Z.</summary>
    public static double LowerTail(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var y = Math.Abs(x);
        double lower, upper;
        if (y <= 0.67448975)
        {
            double num, den;
            if (y > 1.1102230246251565e-16)
            {
                var xsq = x * x;
                num = s_a[4] * xsq;
                den = xsq;
                for (var i = 0; i < 3; i++)
                {
                    num = (num + s_a[i]) * xsq;
                    den = (den + s_b[i]) * xsq;
                }
            }
            else
            {
                num = den = 0;
            }

            var temp = x * (num + s_a[3]) / (den + s_b[3]);
            return 0.5 + temp;
        }

        if (y <= 5.656854249492380195206754896838)
        {
            var num = s_c[8] * y;
            var den = y;
            for (var i = 0; i < 7; i++)
            {
                num = (num + s_c[i]) * y;
                den = (den + s_d[i]) * y;
            }

            var temp = (num + s_c[7]) / (den + s_d[7]);
            lower = Tail(y, temp);
        }
        else if (y < 37.5193)
        {
            var xsq = 1.0 / (x * x);
            var num = s_p[5] * xsq;
            var den = xsq;
            for (var i = 0; i < 4; i++)
            {
                num = (num + s_p[i]) * xsq;
                den = (den + s_q[i]) * xsq;
            }

            var temp = xsq * (num + s_p[4]) / (den + s_q[4]);
            temp = (0.398942280401432677939946059934 - temp) / y;
            lower = Tail(y, temp);
        }
        else
        {
            lower = 0;
        }

        upper = 1.0 - lower;
        return x > 0 ? upper : lower;
    }

    // exp(-y²/2) split as in Cody/R to keep relative accuracy: y = xsq + del/(y + xsq) with xsq = trunc(16 y)/16.
    private static double Tail(double y, double temp)
    {
        var xsq = Math.Truncate(y * 16) / 16;
        var del = (y - xsq) * (y + xsq);
        return Math.Exp(-xsq * xsq * 0.5) * Math.Exp(-del * 0.5) * temp;
    }
}
