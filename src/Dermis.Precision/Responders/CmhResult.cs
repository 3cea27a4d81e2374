namespace Dermis.Precision.Responders;

/// <summary>
/// Cochran–Mantel–Haenszel test of a 2×2×K table with the Mantel–Haenszel common odds ratio, as R
/// <c>stats::mantelhaen.test(x, exact = FALSE)</c> reports them, plus the Breslow–Day homogeneity test.
/// </summary>
/// <param name="Statistic">Mantel–Haenszel χ² (with Yates' ½ correction when asked and |Σa − ΣE[a]| ≥ ½, as R).</param>
/// <param name="DegreesOfFreedom">Always 1 for 2×2×K.</param>
/// <param name="P">Two-sided p-value, upper tail of χ²(1).</param>
/// <param name="CommonOddsRatio">Mantel–Haenszel estimate Σ(ad/n) / Σ(bc/n), odds of response treated vs control; +∞ when Σ(bc/n) = 0, 0 when Σ(ad/n) = 0.</param>
/// <param name="OddsRatioLower">Lower 95 % limit, Robins–Breslow–Greenland (1986) variance of log OR; NaN when the OR is 0 or +∞.</param>
/// <param name="OddsRatioUpper">Upper 95 % limit (as lower).</param>
/// <param name="BreslowDayStatistic">Breslow–Day χ² with Tarone's (1985) correction, K′ − 1 df over the K′ strata without a zero margin; NaN when K′ &lt; 2 or the OR is 0 or +∞.</param>
/// <param name="BreslowDayP">Upper-tail p of <paramref name="BreslowDayStatistic"/>; NaN with it.</param>
public sealed record CmhResult(double Statistic, int DegreesOfFreedom, double P, double CommonOddsRatio, double OddsRatioLower, double OddsRatioUpper, double BreslowDayStatistic, double BreslowDayP)
{
    /// <summary>Strata that entered the test (no zero margin); the others carry no information and are left out as R does implicitly.</summary>
    public int InformativeStrata { get; init; }

    /// <summary>Degrees of freedom of the Breslow–Day test (informative strata − 1).</summary>
    public int BreslowDayDegreesOfFreedom { get; init; }
}

/// <summary>A risk difference (treated − control) with its Miettinen–Nurminen score confidence interval.</summary>
/// <param name="Estimate">Point estimate, −1 to 1.</param>
/// <param name="Lower">Lower confidence limit, ≥ −1.</param>
/// <param name="Upper">Upper confidence limit, ≤ 1.</param>
/// <param name="P">Two-sided p-value of the score test of no difference (the same score statistic at δ = 0); 1 when both arms have no responders.</param>
public sealed record RiskDifference(double Estimate, double Lower, double Upper, double P);

/// <summary>Stratum weights of the stratified risk difference.</summary>
public enum StratumWeighting
{
    /// <summary>Cochran–Mantel–Haenszel weights n₁·n₀ / (n₁ + n₀) (as <c>metalite.ae::rate_compare(weight = "cmh")</c> and lrstat).</summary>
    CochranMantelHaenszel,

    /// <summary>Stratum size n₁ + n₀ (<c>weight = "ss"</c>).</summary>
    SampleSize,

    /// <summary>Equal weights 1/K (normalised; metalite.ae's "equal" leaves them unnormalised, which sums differences instead of averaging them).</summary>
    Equal,

    /// <summary>
    /// Miettinen–Nurminen (1985) weights 1 / Ṽₖ(δ), the inverse restricted-MLE variance at the common difference δ; the estimate is
    /// the root of the score (the fixed point MN reach by iteration). A stratum whose restricted variance is 0 (0 % or 100 % in both arms
    /// at δ) gets its variance floored at 1e-12 and then dominates — prefer CMH weights when such strata occur.
    /// </summary>
    MiettinenNurminen,
}
