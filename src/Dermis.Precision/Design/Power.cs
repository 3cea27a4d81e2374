using MathNet.Numerics.Distributions;

namespace Dermis.Precision.Design;

/// <summary>Power of two-sided tests: closed forms matching R's power functions, and Monte-Carlo power of any simulated trial.</summary>
public static class Power
{
    /// <summary>
    /// Power of the normal-approximation test of two proportions with n₀ control and r·n₀ treated participants, as R
    /// <c>power.prop.test(n, p1, p2)</c> (strict = FALSE) for r = 1:
    /// Φ((√n|Δ| − z₁₋α/₂√(p̄q̄(1 + 1/r))) / √(p₀q₀ + p₁q₁/r)). With <paramref name="continuityCorrection"/> n is the
    /// uncorrected size that the Fleiss correction of <see cref="SampleSize.TwoProportions"/> maps to n₀:
    /// n = n₀(1 − c/(4n₀))², c = 2(r + 1)/(r|Δ|) (power 0 when 4n₀ ≤ c).
    /// </summary>
    /// <param name="controlN">Control-arm size, ≥ 1.</param>
    /// <param name="controlRate">0 &lt; p₀ &lt; 1.</param>
    /// <param name="treatedRate">0 &lt; p₁ &lt; 1.</param>
    /// <param name="alpha">Two-sided level, 0 &lt; α &lt; 1.</param>
    /// <param name="allocationRatio">r = n₁/n₀ &gt; 0.</param>
    /// <param name="continuityCorrection">Evaluate the continuity-corrected test (Fleiss 1980).</param>
    /// <exception cref="ArgumentException">An argument outside its range.</exception>
    public static double TwoProportions(int controlN, double controlRate, double treatedRate, double alpha = 0.05, double allocationRatio = 1, bool continuityCorrection = false)
    {
        DesignGuard.Probability(controlRate, nameof(controlRate));
        DesignGuard.Probability(treatedRate, nameof(treatedRate));
        DesignGuard.Probability(alpha, nameof(alpha));
        DesignGuard.Positive(allocationRatio, nameof(allocationRatio));
        if (controlN < 1)
        {
            throw new ArgumentException($"controlN = {controlN}; allowed ≥ 1.", nameof(controlN));
        }

        var r = allocationRatio;
        var difference = Math.Abs(treatedRate - controlRate);
        double n = controlN;
        if (continuityCorrection && difference > 0)
        {
            var c = 2 * (r + 1) / (r * difference);
            n = 4 * n <= c ? 0 : n * (1 - (c / (4 * n))) * (1 - (c / (4 * n)));
        }

        var pooled = (controlRate + (r * treatedRate)) / (1 + r);
        var za = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var numerator = (Math.Sqrt(n) * difference) - (za * Math.Sqrt(pooled * (1 - pooled) * (1 + (1 / r))));
        return Normal.CDF(0, 1, numerator / Math.Sqrt((controlRate * (1 - controlRate)) + (treatedRate * (1 - treatedRate) / r)));
    }

    /// <summary>
    /// Power of the ANCOVA treatment test with n participants per arm: noncentral t with residual SD σ√(1 − ρ²),
    /// noncentrality √(n/2)·Δ/(σ√(1 − ρ²)) and 2n − 3 degrees of freedom (two means and the baseline slope), two-sided.
    /// </summary>
    /// <param name="perArmN">Participants per arm, ≥ 3.</param>
    /// <param name="difference">Difference in means (sign ignored).</param>
    /// <param name="standardDeviation">Outcome SD without the covariate, &gt; 0.</param>
    /// <param name="baselineCorrelation">0 ≤ ρ &lt; 1.</param>
    /// <param name="alpha">Two-sided level, 0 &lt; α &lt; 1.</param>
    /// <exception cref="ArgumentException">An argument outside its range.</exception>
    public static double Ancova(int perArmN, double difference, double standardDeviation, double baselineCorrelation, double alpha = 0.05)
    {
        DesignGuard.Positive(standardDeviation, nameof(standardDeviation));
        DesignGuard.Probability(alpha, nameof(alpha));
        if (!double.IsFinite(difference))
        {
            throw new ArgumentException($"difference = {difference}; allowed a finite value.", nameof(difference));
        }

        if (!(baselineCorrelation >= 0 && baselineCorrelation < 1))
        {
            throw new ArgumentException($"baselineCorrelation = {baselineCorrelation}; allowed 0 ≤ ρ < 1.", nameof(baselineCorrelation));
        }

        if (perArmN < 3)
        {
            throw new ArgumentException($"perArmN = {perArmN}; allowed ≥ 3 (2n − 3 residual degrees of freedom must be positive).", nameof(perArmN));
        }

        var effect = Math.Abs(difference) / (standardDeviation * Math.Sqrt(1 - (baselineCorrelation * baselineCorrelation)));
        return TTest(perArmN, effect, alpha, (2.0 * perArmN) - 3);
    }

    /// <summary>
    /// Runs <paramref name="trial"/> <paramref name="runs"/> times on one <see cref="Random"/> seeded with <paramref name="seed"/>
    /// (so the result is reproducible for a deterministic trial function) and returns the rejection rate with its
    /// Clopper–Pearson (1934) exact 95 % interval (R <c>binom.test</c>).
    /// </summary>
    /// <param name="trial">Simulates one trial from the random source and returns true when it rejects the null.</param>
    /// <param name="runs">Number of simulated trials, ≥ 1.</param>
    /// <param name="seed">Seed of the random source.</param>
    /// <exception cref="ArgumentException"><paramref name="runs"/> &lt; 1.</exception>
    public static SimulatedPower Simulate(Func<Random, bool> trial, int runs, int seed)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (runs < 1)
        {
            throw new ArgumentException($"runs = {runs}; allowed ≥ 1.", nameof(runs));
        }

        var random = new Random(seed);
        var rejected = 0;
        for (var i = 0; i < runs; i++)
        {
            if (trial(random))
            {
                rejected++;
            }
        }

        var (lower, upper) = ClopperPearson(rejected, runs, 0.95);
        return new SimulatedPower((double)rejected / runs, lower, upper, runs);
    }

    /// <summary>Exact binomial interval from beta quantiles: [B(α/2; x, n − x + 1), B(1 − α/2; x + 1, n − x)].</summary>
    internal static (double Lower, double Upper) ClopperPearson(int successes, int trials, double level)
    {
        var tail = (1 - level) / 2;
        var lower = successes == 0 ? 0.0 : Beta.InvCDF(successes, trials - successes + 1, tail);
        var upper = successes == trials ? 1.0 : Beta.InvCDF(successes + 1, trials - successes, 1 - tail);
        return (lower, upper);
    }

    /// <summary>Two-sided two-sample t-test power as R power.t.test (strict = FALSE): P(T′ &gt; t₁₋α/₂,ν) with T′ ~ t(ν, √(n/2)·effect).</summary>
    internal static double TTest(double perArmN, double effectSize, double alpha, double degreesOfFreedom)
    {
        var critical = StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (alpha / 2));
        return NoncentralT.UpperTail(critical, degreesOfFreedom, Math.Sqrt(perArmN / 2) * effectSize);
    }
}
