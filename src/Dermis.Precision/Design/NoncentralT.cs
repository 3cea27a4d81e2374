using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Dermis.Precision.Design;

/// <summary>
/// Distribution function of the noncentral t, the algorithm of R's <c>pnt</c>: Lenth (1989, AS 243, Appl Stat 38:185) twin
/// series of Guenther (1978), with the Abramowitz &amp; Stegun 26.7.10 normal approximation for df &gt; 4·10⁵ or huge ncp.
/// MathNet has no noncentral t; power.t.test needs it.
/// </summary>
internal static class NoncentralT
{
    private const double ErrorMax = 1e-12;
    private const int IterationMax = 1000;

    /// <summary>P(T &gt; t) for T ~ t(df, ncp); df &gt; 0.</summary>
    public static double UpperTail(double t, double degreesOfFreedom, double noncentrality)
    {
        if (noncentrality == 0)
        {
            return 1 - StudentT.CDF(0, 1, degreesOfFreedom, t);
        }

        bool negative = t < 0;
        double tt = negative ? -t : t, del = negative ? -noncentrality : noncentrality;
        if (negative && noncentrality > 40)
        {
            return 1.0;
        }

        double lowerOfAbs;
        if (degreesOfFreedom > 4e5 || del * del > 2 * Math.Log(2) * 1021)
        {
            var s = 1.0 / (4.0 * degreesOfFreedom);
            lowerOfAbs = Normal.CDF(del, Math.Sqrt(1.0 + (tt * tt * 2.0 * s)), tt * (1.0 - s));
        }
        else
        {
            lowerOfAbs = Math.Min(Series(tt, degreesOfFreedom, del) + Normal.CDF(0, 1, -del), 1.0);
        }

        // lowerOfAbs = P(T' ≤ |t|) with T' ~ t(df, del); for t < 0, P(T > t) = P(T' < −t) by symmetry.
        return negative ? lowerOfAbs : 1 - lowerOfAbs;
    }

    private static double Series(double tt, double df, double del)
    {
        var x = tt * tt / ((tt * tt) + df);
        if (x <= 0)
        {
            return 0;
        }

        var lambda = del * del;
        var p = 0.5 * Math.Exp(-0.5 * lambda);
        if (p == 0)
        {
            return 0;
        }

        var q = Math.Sqrt(2 / Math.PI) * p * del;
        var s = 0.5 - p;
        if (s < 1e-7)
        {
            s = -0.5 * SpecialFunctions.Expm1(-0.5 * lambda);
        }

        var a = 0.5;
        var b = 0.5 * df;
        var rxb = Math.Pow(1 - x, b);
        var albeta = (0.5 * Math.Log(Math.PI)) + SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(0.5 + b);
        var xodd = SpecialFunctions.BetaRegularized(a, b, x);
        var godd = 2 * rxb * Math.Exp((a * Math.Log(x)) - albeta);
        var tnc = b * x;
        var xeven = tnc < 2.220446049250313e-16 ? tnc : 1 - rxb;
        var geven = tnc * rxb;
        tnc = (p * xodd) + (q * xeven);
        for (var it = 1; it <= IterationMax; it++)
        {
            a += 1;
            xodd -= godd;
            xeven -= geven;
            godd *= x * (a + b - 1) / a;
            geven *= x * (a + b - 0.5) / (a + 0.5);
            p *= lambda / (2 * it);
            q *= lambda / ((2 * it) + 1);
            tnc += (p * xodd) + (q * xeven);
            s -= p;
            if (s < -1e-10 || (s <= 0 && it > 1))
            {
                break;
            }

            if (Math.Abs(2 * s * (xodd - godd)) < ErrorMax)
            {
                break;
            }
        }

        return tnc;
    }
}
