namespace Dermis.Trials.Randomisation;

/// <summary>How the spread of (ratio-scaled) counts across arms is measured.</summary>
public enum ImbalanceMeasure
{
    /// <summary>Largest minus smallest (for two arms and 1:1: |n_A − n_B|, the Pocock–Simon original).</summary>
    Range,

    /// <summary>Sample variance across arms.</summary>
    Variance,

    /// <summary>Standard deviation across arms.</summary>
    StandardDeviation,
}

/// <summary>A minimisation factor and its weight.</summary>
/// <param name="Factor">Factor id (a stratification factor of the protocol, or <c>site</c>).</param>
/// <param name="Weight">Weight w_i in the total imbalance (positive).</param>
public sealed record MinimisationFactor(string Factor, decimal Weight);

/// <summary>Minimisation settings.</summary>
/// <param name="Arms">Arms with allocation ratios.</param>
/// <param name="Factors">Factors with weights.</param>
/// <param name="Measure">Imbalance measure.</param>
/// <param name="PreferredProbability">Probability p of allocating to the arm (or arms) of least imbalance, in (0, 1]; 1 is deterministic.</param>
/// <param name="InitialRandom">How many first participants are allocated purely at random (by ratio).</param>
public sealed record MinimisationScheme(
    IReadOnlyList<ArmRatio> Arms,
    IReadOnlyList<MinimisationFactor> Factors,
    ImbalanceMeasure Measure = ImbalanceMeasure.Range,
    decimal PreferredProbability = 0.8m,
    int InitialRandom = 0)
{
    /// <summary>Checks the settings; <paramref name="stratifiedBySite"/> means counts are already kept per site.</summary>
    /// <exception cref="ArgumentException">An invalid setting, or site counted twice (a site stratum and a site factor).</exception>
    public void Validate(bool stratifiedBySite)
    {
        if (Arms.Count < 2 || Arms.Any(a => a.Ratio < 1))
        {
            throw new ArgumentException("Minimisation needs two or more arms, each with a ratio of 1 or more.");
        }

        if (Factors.Count == 0 || Factors.Any(f => f.Weight <= 0))
        {
            throw new ArgumentException("Minimisation needs at least one factor, each with a positive weight.");
        }

        if (PreferredProbability is <= 0m or > 1m)
        {
            throw new ArgumentException($"The preferred-arm probability must be in (0, 1]; it is {PreferredProbability}.");
        }

        // Slice #239: site as a stratum and as a factor counts it twice and can flip the allocation.
        if (stratifiedBySite && Factors.Any(f => f.Factor == Minimisation.SiteFactor))
        {
            throw new ArgumentException("Site is already a stratum: it must not also be a minimisation factor (it would be counted twice).");
        }

        if (Factors.All(f => f.Factor == Minimisation.SiteFactor))
        {
            throw new ArgumentException("Minimisation on site alone balances nothing about the participants: add a participant factor.");
        }
    }
}

/// <summary>A minimisation allocation with everything needed to check it later.</summary>
/// <param name="Arm">The arm allocated.</param>
/// <param name="Imbalance">G_j for each candidate arm j (empty for a purely random allocation).</param>
/// <param name="Probabilities">The probability each arm had.</param>
/// <param name="Random">True when allocated purely at random (initial participants, or all G equal).</param>
public sealed record MinimisationAllocation(string Arm, IReadOnlyDictionary<string, decimal> Imbalance, IReadOnlyDictionary<string, double> Probabilities, bool Random);

/// <summary>
/// Pocock–Simon minimisation (Biometrics 1975;31:103–15): for each candidate arm j, add the new
/// participant to j hypothetically, scale each arm's count of participants sharing the new one's
/// level of factor i by 1/ratio, measure the imbalance across arms, and sum G_j = Σ_i w_i·imbalance_i.
/// The arm(s) with the smallest G share probability p; the others share 1 − p in proportion to their
/// ratios. When every G is equal the allocation is random by ratio.
/// </summary>
public static class Minimisation
{
    /// <summary>The factor name that means the participant's site.</summary>
    public const string SiteFactor = "site";

    /// <summary>Allocates one participant.</summary>
    /// <param name="scheme">Settings.</param>
    /// <param name="levels">The participant's level of each factor.</param>
    /// <param name="counts">For each factor and level, participants already allocated to each arm.</param>
    /// <param name="allocatedSoFar">Participants allocated before this one (for <see cref="MinimisationScheme.InitialRandom"/>).</param>
    /// <param name="random">Randomness.</param>
    public static MinimisationAllocation Allocate(
        MinimisationScheme scheme,
        IReadOnlyDictionary<string, string> levels,
        IReadOnlyDictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>> counts,
        int allocatedSoFar,
        RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(random);
        scheme.Validate(stratifiedBySite: false);
        var arms = scheme.Arms;
        var byRatio = arms.ToDictionary(a => a.Arm, a => (double)a.Ratio / arms.Sum(r => r.Ratio));
        if (allocatedSoFar < scheme.InitialRandom)
        {
            return new MinimisationAllocation(Pick(byRatio, random), new Dictionary<string, decimal>(), byRatio, true);
        }

        // Counts are scaled by L/ratio with L the least common multiple of the ratios, so they stay
        // integers; G is compared in those exact units (and times k(k−1) for the variance), and only
        // reported divided back. Dividing by a ratio of 3 in decimal would round, and turn exact ties
        // into a winner.
        var l = arms.Aggregate(1, (lcm, a) => Lcm(lcm, a.Ratio));
        var exact = new Dictionary<string, decimal>();
        var imbalance = new Dictionary<string, decimal>();
        Span<long> scaled = stackalloc long[arms.Count];
        foreach (var candidate in arms)
        {
            var total = 0m;
            foreach (var factor in scheme.Factors)
            {
                if (!levels.TryGetValue(factor.Factor, out var level))
                {
                    throw new ArgumentException($"The participant has no level for minimisation factor '{factor.Factor}'.", nameof(levels));
                }

                counts.TryGetValue((factor.Factor, level), out var perArm);
                for (var t = 0; t < arms.Count; t++)
                {
                    var n = (perArm is not null && perArm.TryGetValue(arms[t].Arm, out var c) ? c : 0) + (arms[t].Arm == candidate.Arm ? 1 : 0);
                    scaled[t] = (long)n * (l / arms[t].Ratio);
                }

                total += factor.Weight * ExactMeasure(scheme.Measure, scaled);
            }

            exact[candidate.Arm] = total;
            imbalance[candidate.Arm] = Report(scheme.Measure, total, l, arms.Count);
        }

        var least = exact.Values.Min();
        var preferred = arms.Where(a => Tied(scheme.Measure, exact[a.Arm], least)).ToList();
        if (preferred.Count == arms.Count)
        {
            return new MinimisationAllocation(Pick(byRatio, random), imbalance, byRatio, true);
        }

        // p shared by the preferred arms and 1 − p by the others, each in proportion to its ratio.
        var p = (double)scheme.PreferredProbability;
        var others = arms.Where(a => !preferred.Contains(a)).ToList();
        var probabilities = new Dictionary<string, double>();
        foreach (var arm in preferred)
        {
            probabilities[arm.Arm] = p * arm.Ratio / preferred.Sum(a => a.Ratio);
        }

        foreach (var arm in others)
        {
            probabilities[arm.Arm] = (1 - p) * arm.Ratio / others.Sum(a => a.Ratio);
        }

        var chosen = p >= 1 && preferred.Count == 1 ? preferred[0].Arm : Pick(probabilities, random);
        return new MinimisationAllocation(chosen, imbalance, probabilities, false);
    }

    /// <summary>
    /// The imbalance of integer-scaled counts in exact units: the range, k·Σx² − (Σx)² for the
    /// variance (= variance × k(k−1)), or √ of that for the standard deviation.
    /// </summary>
    private static decimal ExactMeasure(ImbalanceMeasure measure, ReadOnlySpan<long> scaled)
    {
        long max = long.MinValue, min = long.MaxValue, sum = 0, squares = 0;
        foreach (var x in scaled)
        {
            max = Math.Max(max, x);
            min = Math.Min(min, x);
            sum += x;
            squares += x * x;
        }

        if (measure == ImbalanceMeasure.Range)
        {
            return max - min;
        }

        var spread = (scaled.Length * squares) - (sum * sum);
        return measure == ImbalanceMeasure.Variance ? spread : (decimal)Math.Sqrt(spread);
    }

    /// <summary>Exact units back to ratio-scaled counts: divide by L (range), L²·k(k−1) (variance), L·√(k(k−1)) (SD).</summary>
    private static decimal Report(ImbalanceMeasure measure, decimal exact, int l, int k) => measure switch
    {
        ImbalanceMeasure.Range => exact / l,
        ImbalanceMeasure.Variance => exact / ((decimal)l * l * k * (k - 1)),
        _ => exact / (l * (decimal)Math.Sqrt(k * (k - 1))),
    };

    /// <summary>Range and variance compare exactly; square roots only to within rounding.</summary>
    private static bool Tied(ImbalanceMeasure measure, decimal value, decimal least) =>
        measure == ImbalanceMeasure.StandardDeviation ? value - least <= 1e-12m * Math.Max(1m, least) : value == least;

    private static int Lcm(int a, int b)
    {
        static int Gcd(int x, int y) => y == 0 ? x : Gcd(y, x % y);
        return a / Gcd(a, b) * b;
    }

    /// <summary>The imbalance of ratio-scaled counts across arms.</summary>
    public static decimal Measure(ImbalanceMeasure measure, ReadOnlySpan<decimal> scaled)
    {
        var max = decimal.MinValue;
        var min = decimal.MaxValue;
        var sum = 0m;
        foreach (var x in scaled)
        {
            max = Math.Max(max, x);
            min = Math.Min(min, x);
            sum += x;
        }

        if (measure == ImbalanceMeasure.Range)
        {
            return max - min;
        }

        var mean = sum / scaled.Length;
        var squares = 0m;
        foreach (var x in scaled)
        {
            squares += (x - mean) * (x - mean);
        }

        var variance = squares / (scaled.Length - 1);
        return measure == ImbalanceMeasure.Variance ? variance : (decimal)Math.Sqrt((double)variance);
    }

    private static string Pick(IReadOnlyDictionary<string, double> probabilities, RandomSource random)
    {
        var u = random.NextUnit();
        var cumulative = 0.0;
        string? last = null;
        foreach (var (arm, probability) in probabilities)
        {
            if (probability <= 0)
            {
                continue;
            }

            cumulative += probability;
            last = arm;
            if (u < cumulative)
            {
                return arm;
            }
        }

        // Rounding can leave the cumulative sum a hair below 1: fall back on the last arm that had a chance.
        return last!;
    }
}
