using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Dermis.Precision.Responders;

/// <summary>
/// Cochran–Mantel–Haenszel test for responder rates stratified by randomisation factors (trials.md §5), computed exactly as
/// R <c>stats::mantelhaen.test</c> does for a 2×2×K table with <c>exact = FALSE</c>: Mantel &amp; Haenszel (1959) χ²,
/// the MH common odds ratio and the Robins, Breslow &amp; Greenland (1986, Biometrics 42:311) confidence interval, plus the
/// Breslow–Day (1980, §4.4) homogeneity test with Tarone's (1985, Biometrika 72:91) correction.
/// </summary>
public static class CochranMantelHaenszel
{
    /// <summary>
    /// Runs the test. Strata with a zero margin (an arm with nobody, or all or no responders) contribute exactly zero to
    /// every sum R forms, so they are left out; R itself stops on a stratum with fewer than 2 participants, which always has a
    /// zero margin, and this method leaves it out instead. The confidence level of the odds-ratio interval is 95 % (R's default).
    /// </summary>
    /// <param name="strata">At least one stratum; at least one must have no zero margin.</param>
    /// <param name="continuityCorrection">Subtract ½ from |Σa − ΣE[a]| (R <c>correct = TRUE</c>, the default) when it is ≥ ½.</param>
    /// <exception cref="ArgumentException">No strata, a count outside its range, or no stratum without a zero margin (the statistic is 0/0).</exception>
    public static CmhResult Test(IReadOnlyList<StratumCounts> strata, bool continuityCorrection = true)
    {
        ArgumentNullException.ThrowIfNull(strata);
        if (strata.Count == 0)
        {
            throw new ArgumentException("strata is empty; allowed: at least one stratum.", nameof(strata));
        }

        var informative = new List<StratumCounts>(strata.Count);
        foreach (var s in strata)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(strata));
            s.Validate(nameof(strata));
            if (s.HasNoZeroMargin)
            {
                informative.Add(s);
            }
        }

        if (informative.Count == 0)
        {
            throw new ArgumentException(
                $"strata: none of the {strata.Count} strata has both arms and both outcomes, so the CMH statistic is 0/0; allowed: at least one stratum without a zero margin.",
                nameof(strata));
        }

        double sumA = 0, expected = 0, variance = 0, sumR = 0, sumS = 0;
        double sumPR = 0, sumPSQR = 0, sumQS = 0;
        foreach (var s in informative)
        {
            double a = s.RespondersTreated, b = s.TotalTreated - s.RespondersTreated;
            double c = s.RespondersControl, d = s.TotalControl - s.RespondersControl;
            double n = s.Total, m1 = a + b, m2 = c + d, c1 = a + c, c2 = b + d;
            sumA += a;
            expected += m1 * c1 / n;
            variance += m1 * m2 * c1 * c2 / (n * n * (n - 1));

            // Robins–Breslow–Greenland: R = ad/n, S = bc/n, P = (a+d)/n, Q = (b+c)/n.
            double r = a * d / n, sv = b * c / n, p = (a + d) / n, q = (b + c) / n;
            sumR += r;
            sumS += sv;
            sumPR += p * r;
            sumPSQR += p * sv + q * r;
            sumQS += q * sv;
        }

        var delta = Math.Abs(sumA - expected);
        var yates = continuityCorrection && delta >= 0.5 ? 0.5 : 0.0;
        var statistic = (delta - yates) * (delta - yates) / variance;
        var pValue = ChiSquareUpperTail(statistic, 1);

        var oddsRatio = sumR / sumS;
        double lower = double.NaN, upper = double.NaN;
        if (sumR > 0 && sumS > 0)
        {
            var sd = Math.Sqrt((sumPR / (2 * sumR * sumR)) + (sumPSQR / (2 * sumR * sumS)) + (sumQS / (2 * sumS * sumS)));
            var z = Normal.InvCDF(0, 1, 0.975);
            lower = oddsRatio * Math.Exp(-z * sd);
            upper = oddsRatio * Math.Exp(z * sd);
        }

        var (bd, bdDf) = BreslowDay(informative, oddsRatio);
        return new CmhResult(statistic, 1, pValue, oddsRatio, lower, upper, bd, bdDf > 0 && !double.IsNaN(bd) ? ChiSquareUpperTail(bd, bdDf) : double.NaN)
        {
            InformativeStrata = informative.Count,
            BreslowDayDegreesOfFreedom = bdDf,
        };
    }

    /// <summary>Upper tail of χ²(df) through the regularised upper incomplete gamma, accurate for tiny p where 1 − CDF is not.</summary>
    internal static double ChiSquareUpperTail(double statistic, int degreesOfFreedom) =>
        statistic <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, statistic / 2.0);

    // Breslow–Day: for each stratum the expected a under the common OR ψ solves e(m2 − c1 + e) = ψ(m1 − e)(c1 − e),
    // i.e. (1 − ψ)e² + (m2 − c1 + ψ(m1 + c1))e − ψ·m1·c1 = 0, with the root inside [max(0, c1 − m2), min(m1, c1)].
    private static (double Statistic, int DegreesOfFreedom) BreslowDay(List<StratumCounts> strata, double oddsRatio)
    {
        var df = strata.Count - 1;
        if (df < 1 || !(oddsRatio > 0) || double.IsPositiveInfinity(oddsRatio))
        {
            return (double.NaN, df);
        }

        double statistic = 0, sumA = 0, sumE = 0, sumV = 0;
        foreach (var s in strata)
        {
            double a = s.RespondersTreated, m1 = s.TotalTreated, m2 = s.TotalControl, c1 = s.RespondersTreated + s.RespondersControl;
            var e = ExpectedCell(m1, m2, c1, oddsRatio);
            var v = 1.0 / ((1.0 / e) + (1.0 / (m1 - e)) + (1.0 / (c1 - e)) + (1.0 / (m2 - c1 + e)));
            statistic += (a - e) * (a - e) / v;
            sumA += a;
            sumE += e;
            sumV += v;
        }

        return (statistic - ((sumA - sumE) * (sumA - sumE) / sumV), df);
    }

    private static double ExpectedCell(double m1, double m2, double c1, double psi)
    {
        double lo = Math.Max(0, c1 - m2), hi = Math.Min(m1, c1);
        double qa = 1 - psi, qb = m2 - c1 + (psi * (m1 + c1)), qc = -psi * m1 * c1;
        if (Math.Abs(qa) < 1e-12 * Math.Max(1.0, psi))
        {
            return Math.Clamp(-qc / qb, lo, hi);
        }

        // Numerically stable roots (Numerical Recipes §5.6): q = −½(b + sign(b)√disc), roots q/a and c/q.
        var disc = Math.Sqrt(Math.Max(0, (qb * qb) - (4 * qa * qc)));
        var q = -0.5 * (qb + (qb >= 0 ? disc : -disc));
        var r1 = q / qa;
        var r2 = q != 0 ? qc / q : r1;
        var tolerance = 1e-9 * Math.Max(1.0, hi);
        var root = r1 >= lo - tolerance && r1 <= hi + tolerance ? r1 : r2;
        return Math.Clamp(root, lo, hi);
    }
}
