namespace Dermis.Sensing.Sweat;

/// <summary>
/// Student's t distribution: the two-sided quantile for confidence intervals with few residual degrees of freedom
/// (a 7-point 4PL has 3). CDF through the regularised incomplete beta function, I_{ν/(ν+t²)}(ν/2, ½)
/// (Abramowitz &amp; Stegun 26.7.1 and 26.5.27), evaluated by Lentz's continued fraction (Numerical Recipes 3rd ed. §6.4).
/// </summary>
internal static class StudentT
{
    /// <summary>t such that P(T ≤ t) = <paramref name="probability"/> for ν degrees of freedom; probability in (0.5, 1), ν ≥ 1.</summary>
    public static double Quantile(double probability, double degreesOfFreedom)
    {
        double lo = 0, hi = 1;
        while (Cdf(hi, degreesOfFreedom) < probability)
        {
            hi *= 2;
        }

        // Bisection to 1e-12: 50-odd CDF evaluations, once per curve.
        for (var i = 0; i < 200 && hi - lo > 1e-12 * hi; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Cdf(mid, degreesOfFreedom) < probability)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>P(T ≤ t) for t ≥ 0.</summary>
    public static double Cdf(double t, double degreesOfFreedom) =>
        1 - (0.5 * RegularisedBeta(degreesOfFreedom / (degreesOfFreedom + (t * t)), degreesOfFreedom / 2, 0.5));

    private static double RegularisedBeta(double x, double a, double b)
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
        double c = 1, d = 1 - ((a + b) * x / (a + 1));
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }

        return h;
    }

    /// <summary>ln Γ(z) for z &gt; 0 by the Lanczos approximation (g = 7, n = 9; relative error below 1e-15).</summary>
    private static double LogGamma(double z)
    {
        ReadOnlySpan<double> coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (z < 0.5)
        {
            // Reflection: Γ(z)Γ(1 − z) = π / sin(πz).
            return Math.Log(Math.PI / Math.Sin(Math.PI * z)) - LogGamma(1 - z);
        }

        z -= 1;
        var sum = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            sum += coefficients[i] / (z + i);
        }

        var t = z + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((z + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
