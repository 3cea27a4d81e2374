using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace Dermis.Precision.Design;

/// <summary>
/// Sample sizes for responder (two proportions, stratified CMH) and continuous (ANCOVA) endpoints, all for a two-sided
/// test at level α. Results are whole participants (rounded up).
/// </summary>
public static class SampleSize
{
    /// <summary>
    /// Control-arm size n₀ (treated n₁ = ⌈r·n₀⌉) for comparing two proportions with the normal-approximation test, the
    /// equation R <c>power.prop.test</c> solves (strict = FALSE): √n₀|Δ| = z₁₋α/₂√(p̄q̄(1 + 1/r)) + z₁₋β√(p₀q₀ + p₁q₁/r),
    /// p̄ = (p₀ + r·p₁)/(1 + r); for r = 1 it equals power.prop.test's n. With <paramref name="continuityCorrection"/> the
    /// Fleiss (1980) correction n′ = n/4 · (1 + √(1 + 2(r + 1)/(n·r·|Δ|)))² (Fleiss, Levin &amp; Paik 2003 eq. 4.14) is applied.
    /// </summary>
    /// <param name="controlRate">Responder rate under control, 0 &lt; p &lt; 1.</param>
    /// <param name="treatedRate">Responder rate under treatment, 0 &lt; p &lt; 1, ≠ control.</param>
    /// <param name="alpha">Two-sided significance level, 0 &lt; α &lt; 1.</param>
    /// <param name="power">Target power, 0 &lt; 1 − β &lt; 1.</param>
    /// <param name="allocationRatio">r = n₁/n₀ &gt; 0.</param>
    /// <param name="continuityCorrection">Apply the Fleiss continuity correction.</param>
    /// <exception cref="ArgumentException">A rate, α, power or ratio outside its range, or equal rates.</exception>
    public static int TwoProportions(double controlRate, double treatedRate, double alpha = 0.05, double power = 0.9, double allocationRatio = 1, bool continuityCorrection = false)
    {
        var n = TwoProportionsExact(controlRate, treatedRate, alpha, power, allocationRatio);
        if (continuityCorrection)
        {
            var r = allocationRatio;
            var root = 1 + Math.Sqrt(1 + (2 * (r + 1) / (n * r * Math.Abs(treatedRate - controlRate))));
            n = n / 4 * root * root;
        }

        return Ceiling(n);
    }

    /// <summary>The unrounded control-arm n of <see cref="TwoProportions"/> without continuity correction.</summary>
    internal static double TwoProportionsExact(double controlRate, double treatedRate, double alpha, double power, double allocationRatio)
    {
        DesignGuard.Probability(controlRate, nameof(controlRate));
        DesignGuard.Probability(treatedRate, nameof(treatedRate));
        DesignGuard.Probability(alpha, nameof(alpha));
        DesignGuard.Probability(power, nameof(power));
        DesignGuard.Positive(allocationRatio, nameof(allocationRatio));
        DesignGuard.Different(controlRate, treatedRate);
        var r = allocationRatio;
        var pooled = (controlRate + (r * treatedRate)) / (1 + r);
        var za = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var zb = Normal.InvCDF(0, 1, power);
        var root = ((za * Math.Sqrt(pooled * (1 - pooled) * (1 + (1 / r))))
            + (zb * Math.Sqrt((controlRate * (1 - controlRate)) + (treatedRate * (1 - treatedRate) / r)))) / Math.Abs(treatedRate - controlRate);
        return root * root;
    }

    /// <summary>
    /// Per-arm n for the CMH test of a common effect over strata with 1:1 allocation in every stratum: Woolson, Bean &amp; Rojas
    /// (1986, Biometrics 42:927), the formula also in Nam (1992, Biometrics 48:389),
    /// N = [z₁₋α/₂√(Σtₖs(1−s)p̄ₖq̄ₖ) + z₁₋β√(Σtₖs(1−s)((1−s)p₁ₖq₁ₖ + s·p₀ₖq₀ₖ))]² / [Σtₖs(1−s)(p₁ₖ − p₀ₖ)]², s = ½,
    /// p̄ₖ = (p₀ₖ + p₁ₖ)/2; returns ⌈N/2⌉. With one stratum it equals <see cref="TwoProportions"/>.
    /// </summary>
    /// <param name="strata">Strata whose fractions sum to 1 (±1e-6).</param>
    /// <param name="alpha">Two-sided level, 0 &lt; α &lt; 1.</param>
    /// <param name="power">Target power, 0 &lt; 1 − β &lt; 1.</param>
    /// <exception cref="ArgumentException">No strata, a fraction or rate outside (0, 1), fractions not summing to 1, or no net effect (Σtₖ(p₁ₖ − p₀ₖ) = 0).</exception>
    public static int StratifiedProportions(IReadOnlyList<StratumDesign> strata, double alpha, double power)
    {
        ArgumentNullException.ThrowIfNull(strata);
        DesignGuard.Probability(alpha, nameof(alpha));
        DesignGuard.Probability(power, nameof(power));
        if (strata.Count == 0)
        {
            throw new ArgumentException("strata is empty; allowed: at least one stratum.", nameof(strata));
        }

        const double S = 0.5;
        double fractions = 0, null0 = 0, alternative = 0, effect = 0;
        foreach (var k in strata)
        {
            ArgumentNullException.ThrowIfNull(k, nameof(strata));
            if (!(k.Fraction > 0 && k.Fraction <= 1))
            {
                throw new ArgumentException($"strata: Fraction = {k.Fraction}; allowed 0 < Fraction ≤ 1.", nameof(strata));
            }

            DesignGuard.Probability(k.ControlRate, "ControlRate");
            DesignGuard.Probability(k.TreatedRate, "TreatedRate");
            var pooled = (S * k.TreatedRate) + ((1 - S) * k.ControlRate);
            fractions += k.Fraction;
            null0 += k.Fraction * S * (1 - S) * pooled * (1 - pooled);
            alternative += k.Fraction * S * (1 - S) * (((1 - S) * k.TreatedRate * (1 - k.TreatedRate)) + (S * k.ControlRate * (1 - k.ControlRate)));
            effect += k.Fraction * S * (1 - S) * (k.TreatedRate - k.ControlRate);
        }

        if (Math.Abs(fractions - 1) > 1e-6)
        {
            throw new ArgumentException($"strata: the fractions sum to {fractions}; allowed 1 (±1e-6).", nameof(strata));
        }

        if (effect == 0)
        {
            throw new ArgumentException("strata: the weighted rate differences cancel (Σ fraction·(treated − control) = 0); the CMH test has no power against it.", nameof(strata));
        }

        var numerator = (Normal.InvCDF(0, 1, 1 - (alpha / 2)) * Math.Sqrt(null0)) + (Normal.InvCDF(0, 1, power) * Math.Sqrt(alternative));
        var total = numerator * numerator / (effect * effect);
        return Ceiling(total / 2);
    }

    /// <summary>
    /// Per-arm n for ANCOVA on a continuous endpoint with the baseline as covariate (Borm, Fransen &amp; Lemmens 2007,
    /// J Clin Epidemiol 60:1234): the two-sample t-test n of R <c>power.t.test</c> (exact noncentral t, two-sided,
    /// strict = FALSE), unrounded, times the variance reduction (1 − ρ²), rounded up, plus 1 for the degree of freedom the
    /// baseline slope uses: n = ⌈n_t(1 − ρ²)⌉ + 1. <see cref="Power.Ancova"/> of the result is ≥ the target in practice.
    /// </summary>
    /// <param name="difference">Expected difference in means, ≠ 0 (sign ignored).</param>
    /// <param name="standardDeviation">Residual SD of the outcome without the covariate, &gt; 0.</param>
    /// <param name="baselineCorrelation">Correlation ρ of baseline and outcome, 0 ≤ ρ &lt; 1.</param>
    /// <param name="alpha">Two-sided level, 0 &lt; α &lt; 1.</param>
    /// <param name="power">Target power, 0 &lt; 1 − β &lt; 1.</param>
    /// <exception cref="ArgumentException">An argument outside its range.</exception>
    public static int Ancova(double difference, double standardDeviation, double baselineCorrelation, double alpha = 0.05, double power = 0.9)
    {
        if (!(baselineCorrelation >= 0 && baselineCorrelation < 1))
        {
            throw new ArgumentException($"baselineCorrelation = {baselineCorrelation}; allowed 0 ≤ ρ < 1.", nameof(baselineCorrelation));
        }

        var n = TTestExact(difference, standardDeviation, alpha, power);
        return Ceiling(n * (1 - (baselineCorrelation * baselineCorrelation))) + 1;
    }

    /// <summary>The unrounded per-arm n of R power.t.test (two-sample, two-sided) for <paramref name="power"/>.</summary>
    internal static double TTestExact(double difference, double standardDeviation, double alpha, double power)
    {
        if (difference == 0 || !double.IsFinite(difference))
        {
            throw new ArgumentException($"difference = {difference}; allowed a finite value ≠ 0.", nameof(difference));
        }

        DesignGuard.Positive(standardDeviation, nameof(standardDeviation));
        DesignGuard.Probability(alpha, nameof(alpha));
        DesignGuard.Probability(power, nameof(power));
        var effect = Math.Abs(difference) / standardDeviation;
        double F(double n) => Power.TTest(n, effect, alpha, 2 * (n - 1)) - power;
        var hi = 4.0;
        while (F(hi) < 0)
        {
            hi *= 2;
            if (hi > 1e9)
            {
                throw new ArgumentException($"difference / standardDeviation = {effect}; the required n exceeds 10⁹ per arm.", nameof(difference));
            }
        }

        return F(2) >= 0 ? 2 : Brent.FindRoot(F, 2, hi, 1e-10, 500);
    }

    private static int Ceiling(double n)
    {
        // Guard against 40.000000000001 from rounding noise in a closed form that is exactly an integer.
        var rounded = Math.Round(n);
        return Math.Abs(n - rounded) < 1e-9 ? (int)rounded : (int)Math.Ceiling(n);
    }
}
