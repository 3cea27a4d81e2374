using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace Dermis.Precision.Responders;

/// <summary>
/// Risk difference (treated − control) with the Miettinen–Nurminen (1985, Stat Med 4:213) score confidence interval:
/// the set of δ whose score statistic z(δ) = (d̂ − δ) / √Ṽ(δ) satisfies |z| ≤ z₁₋α/₂, where Ṽ(δ) is the variance at the
/// maximum-likelihood rates restricted to p₁ − p₀ = δ (closed-form cubic of Farrington &amp; Manning 1990, Stat Med 9:1447)
/// times MN's N/(N − 1). Reproduces Newcombe (1998, Stat Med 17:873) Table II method 6 (e.g. 56/70 − 48/80 → 0.0528 to 0.3382).
/// The stratified form uses normalised stratum weights wₖ: z(δ) = Σwₖ(d̂ₖ − δ) / √(Σwₖ²Ṽₖ(δ)).
/// </summary>
public static class MiettinenNurminen
{
    /// <summary>Risk difference of two independent proportions with the MN score interval.</summary>
    /// <param name="respondersTreated">0 ≤ responders ≤ <paramref name="totalTreated"/>.</param>
    /// <param name="totalTreated">≥ 1.</param>
    /// <param name="respondersControl">0 ≤ responders ≤ <paramref name="totalControl"/>.</param>
    /// <param name="totalControl">≥ 1.</param>
    /// <param name="confidenceLevel">Two-sided level, 0 &lt; level &lt; 1 (0.95 default).</param>
    /// <exception cref="ArgumentException">A count or the level outside its range.</exception>
    public static RiskDifference Unstratified(int respondersTreated, int totalTreated, int respondersControl, int totalControl, double confidenceLevel = 0.95) =>
        Stratified([new StratumCounts("all", respondersTreated, totalTreated, respondersControl, totalControl)], StratumWeighting.CochranMantelHaenszel, confidenceLevel);

    /// <summary>
    /// Common risk difference over strata with the stratified MN score interval. Strata without participants in one arm have no
    /// difference and are left out. With one stratum every weighting gives <see cref="Unstratified"/>.
    /// </summary>
    /// <param name="strata">At least one stratum with participants in both arms.</param>
    /// <param name="weighting">Stratum weights; CMH weights n₁n₀/(n₁+n₀) by default (metalite.ae, lrstat, SAS MNMH).</param>
    /// <param name="confidenceLevel">Two-sided level, 0 &lt; level &lt; 1.</param>
    /// <exception cref="ArgumentException">No usable stratum, a count outside its range, an unknown weighting or a level outside (0, 1).</exception>
    public static RiskDifference Stratified(IReadOnlyList<StratumCounts> strata, StratumWeighting weighting = StratumWeighting.CochranMantelHaenszel, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(strata);
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentException($"confidenceLevel = {confidenceLevel}; allowed 0 < level < 1 (e.g. 0.95).", nameof(confidenceLevel));
        }

        if (!Enum.IsDefined(weighting))
        {
            throw new ArgumentException($"weighting = {(int)weighting}; allowed CochranMantelHaenszel, SampleSize, Equal, MiettinenNurminen.", nameof(weighting));
        }

        var used = new List<StratumCounts>(strata.Count);
        foreach (var s in strata)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(strata));
            s.Validate(nameof(strata));
            if (s.TotalTreated > 0 && s.TotalControl > 0)
            {
                used.Add(s);
            }
        }

        if (used.Count == 0)
        {
            throw new ArgumentException(
                $"strata: none of the {strata.Count} strata has participants in both arms (TotalTreated ≥ 1 and TotalControl ≥ 1); the risk difference is undefined.",
                nameof(strata));
        }

        var score = new StratifiedScore(used, weighting);
        var critical = Normal.InvCDF(0, 1, 1 - ((1 - confidenceLevel) / 2));
        const double Edge = 1e-10;
        var estimate = weighting == StratumWeighting.MiettinenNurminen ? FindRoot(score.Z, 0.0, -1 + Edge, 1 - Edge, score.FixedEstimate) : score.FixedEstimate;

        // z(δ) decreases in δ; a limit sits at ±1 when even the boundary does not reject (e.g. 10/10 − 0/20, upper 1).
        var lower = estimate <= -1 + Edge || score.Z(-1 + Edge) <= critical ? -1.0 : FindRoot(score.Z, critical, -1 + Edge, estimate, estimate);
        var upper = estimate >= 1 - Edge || score.Z(1 - Edge) >= -critical ? 1.0 : FindRoot(score.Z, -critical, estimate, 1 - Edge, estimate);
        var z0 = score.Z(0);
        return new RiskDifference(estimate, lower, upper, 2 * Normal.CDF(0, 1, -Math.Abs(z0)));
    }

    // Solves z(δ) = target on [lo, hi]; a degenerate bracket (lo == hi) returns the fallback.
    private static double FindRoot(Func<double, double> z, double target, double lo, double hi, double fallback)
    {
        if (hi - lo < 1e-14)
        {
            return fallback;
        }

        if (Brent.TryFindRoot(d => z(d) - target, lo, hi, 1e-13, 500, out var root))
        {
            return root;
        }

        return Bisect(z, target, lo, hi);
    }

    private static double Bisect(Func<double, double> z, double target, double lo, double hi)
    {
        var fLo = z(lo) - target;
        for (var i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            var mid = 0.5 * (lo + hi);
            var fMid = z(mid) - target;
            if (Math.Sign(fMid) == Math.Sign(fLo))
            {
                lo = mid;
                fLo = fMid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
