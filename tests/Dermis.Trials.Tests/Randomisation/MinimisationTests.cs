using Dermis.Trials.Randomisation;

namespace Dermis.Trials.Tests.Randomisation;

/// <summary>
/// Pocock–Simon minimisation (Biometrics 1975;31:103–15) as specified in shared/reference/trials.md
/// §3.2 and in the Minimisation class summary: initial random allocations, ties, p shared by ratio,
/// the range / variance / SD measures, weights, and scheme validation. Expected values are hand
/// computations written beside each assertion.
/// </summary>
public sealed class MinimisationTests
{
    private static readonly Dictionary<string, string> Female = new() { ["sex"] = "F" };

    private static readonly Dictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>> NoCounts = [];

    /// <summary>Lim &amp; In 2019 Table 4 counts at patient 15's levels (site 2, female, ≥65).</summary>
    private static readonly Dictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>> LimInCounts = new()
    {
        [("site", "2")] = Arms(("control", 3), ("treatment", 5)),
        [("sex", "female")] = Arms(("control", 3), ("treatment", 3)),
        [("age", ">=65")] = Arms(("control", 3), ("treatment", 3)),
    };

    private static readonly Dictionary<string, string> Patient15 = new() { ["site"] = "2", ["sex"] = "female", ["age"] = ">=65" };

    /// <summary>Two females already on A (ratios A 1, B 2, C 1).</summary>
    private static readonly Dictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>> TiedTwoOfThreeCounts =
        Counts(("sex", "F", Arms(("A", 2))));

    [Fact]
    public void Allocate_before_InitialRandom_is_random_by_ratio_and_ignores_counts()
    {
        // 2:1, one female already on A: minimisation would prefer B, but 4 < InitialRandom 5.
        var scheme = TwoToOne(p: 1m, initialRandom: 5);
        var counts = Counts(("sex", "F", Arms(("A", 1))));

        var low = Minimisation.Allocate(scheme, Female, counts, 4, ScriptedRandomSource.Units(0.66));
        var high = Minimisation.Allocate(scheme, Female, counts, 4, ScriptedRandomSource.Units(0.67));

        // By ratio: A 2/3 = 0.666…, B 1/3; u = 0.66 < 2/3 → A, u = 0.67 ≥ 2/3 → B.
        Assert.Equal(new Dictionary<string, double> { ["A"] = 2.0 / 3, ["B"] = 1.0 / 3 }, low.Probabilities);
        Assert.Empty(low.Imbalance);
        Assert.True(low.Random);
        Assert.Equal("A", low.Arm);
        Assert.True(high.Random);
        Assert.Equal("B", high.Arm);
    }

    [Fact]
    public void Allocate_at_InitialRandom_minimises()
    {
        var scheme = TwoToOne(p: 1m, initialRandom: 5);
        var counts = Counts(("sex", "F", Arms(("A", 1))));

        var allocation = Minimisation.Allocate(scheme, Female, counts, 5, ScriptedRandomSource.Ints());

        // Ratios A 2, B 1. If A: (2/2, 0/1) → 1; if B: (1/2, 1/1) → 1/2 → B.
        Assert.Equal(1m, allocation.Imbalance["A"]);
        Assert.Equal(0.5m, allocation.Imbalance["B"]);
        Assert.False(allocation.Random);
        Assert.Equal("B", allocation.Arm);
    }

    [Fact]
    public void Allocate_InitialRandom_two_to_one_gives_A_about_two_thirds_of_the_time()
    {
        var scheme = TwoToOne(p: 1m, initialRandom: 10_000);
        var random = RandomSource.Seeded(21);
        var a = 0;
        const int N = 3_000;

        for (var i = 0; i < N; i++)
        {
            var allocation = Minimisation.Allocate(scheme, Female, NoCounts, i, random);
            Assert.True(allocation.Random);
            a += allocation.Arm == "A" ? 1 : 0;
        }

        // Binomial(3,000, 2/3): mean 2,000, SD √(3,000 · 2/3 · 1/3) = 25.8; ±110 is 4.3 SD.
        Assert.InRange(a, 1_890, 2_110);
    }

    [Fact]
    public void Allocate_two_of_three_arms_tied_share_p_by_ratio()
    {
        var scheme = TiedTwoOfThree(0.75m);

        var allocation = Minimisation.Allocate(scheme, Female, TiedTwoOfThreeCounts, 2, ScriptedRandomSource.Units(0.1));

        // Ratios A 1, B 2, C 1; females A2/B0/C0.
        // If A: (3, 0/2, 0) → 3. If B: (2, 1/2, 0) → 2. If C: (2, 0, 1) → 2. B and C tie at 2.
        // Preferred share p = 0.75 by ratio: B 0.75 · 2/3 = 0.5, C 0.75 · 1/3 = 0.25; A gets 1 − 0.75 = 0.25.
        Assert.Equal(new Dictionary<string, decimal> { ["A"] = 3m, ["B"] = 2m, ["C"] = 2m }, allocation.Imbalance);
        Assert.Equal(new Dictionary<string, double> { ["B"] = 0.5, ["C"] = 0.25, ["A"] = 0.25 }, allocation.Probabilities);
        Assert.False(allocation.Random);
    }

    [Theory]
    [InlineData(0.0, "B")]
    [InlineData(0.49, "B")]
    [InlineData(0.5, "C")]
    [InlineData(0.74, "C")]
    [InlineData(0.75, "A")]
    [InlineData(0.99, "A")]
    public void Allocate_two_of_three_tied_maps_u_through_preferred_arms_first(double u, string expected)
    {
        // Cumulative in the recorded order: B [0, 0.5), C [0.5, 0.75), A [0.75, 1).
        var allocation = Minimisation.Allocate(TiedTwoOfThree(0.75m), Female, TiedTwoOfThreeCounts, 2, ScriptedRandomSource.Units(u));

        Assert.Equal(expected, allocation.Arm);
    }

    [Fact]
    public void Allocate_two_of_three_tied_draws_in_proportion_to_the_shares()
    {
        var scheme = TiedTwoOfThree(0.75m);
        var random = RandomSource.Seeded(3);
        var counts = new int[3];

        for (var i = 0; i < 8_000; i++)
        {
            counts[Minimisation.Allocate(scheme, Female, TiedTwoOfThreeCounts, 2, random).Arm[0] - 'A']++;
        }

        // A 0.25, B 0.5, C 0.25: expected 2,000 / 4,000 / 2,000; χ²(2) at α = 0.001 is 13.816.
        Assert.InRange(Frequencies.ChiSquare(counts, [0.25, 0.5, 0.25]), 0, Frequencies.ChiSquare2DfAt0001);
    }

    [Fact]
    public void Allocate_p_1_with_two_tied_arms_never_gives_the_third()
    {
        var scheme = TiedTwoOfThree(1m);
        var random = RandomSource.Seeded(8);

        for (var i = 0; i < 2_000; i++)
        {
            var allocation = Minimisation.Allocate(scheme, Female, TiedTwoOfThreeCounts, 2, random);

            // p = 1 shared by ratio: B 2/3, C 1/3, A (1 − 1) = 0.
            Assert.Equal(new Dictionary<string, double> { ["B"] = 2.0 / 3, ["C"] = 1.0 / 3, ["A"] = 0.0 }, allocation.Probabilities);
            Assert.NotEqual("A", allocation.Arm);
        }
    }

    [Fact]
    public void Allocate_level_without_counts_counts_as_zero_and_ties_randomly()
    {
        var scheme = new MinimisationScheme([new("A", 1), new("B", 1)], [new("sex", 1m)], ImbalanceMeasure.Range, 1m);
        var counts = Counts(("sex", "F", Arms(("A", 1))));

        var allocation = Minimisation.Allocate(scheme, new Dictionary<string, string> { ["sex"] = "M" }, counts, 1, ScriptedRandomSource.Units(0.7));

        // No male yet: if A (1, 0) → 1, if B (0, 1) → 1: all equal → random 1:1; u = 0.7 ≥ 0.5 → B.
        Assert.True(allocation.Random);
        Assert.Equal(new Dictionary<string, decimal> { ["A"] = 1m, ["B"] = 1m }, allocation.Imbalance);
        Assert.Equal(new Dictionary<string, double> { ["A"] = 0.5, ["B"] = 0.5 }, allocation.Probabilities);
        Assert.Equal("B", allocation.Arm);
    }

    [Fact]
    public void Allocate_participant_without_a_factor_level_throws()
    {
        var scheme = LimIn(ImbalanceMeasure.Range, siteWeight: 1m);
        var noAge = new Dictionary<string, string> { ["site"] = "2", ["sex"] = "female" };

        var error = Assert.Throws<ArgumentException>(() => Minimisation.Allocate(scheme, noAge, LimInCounts, 14, ScriptedRandomSource.Ints()));

        Assert.Equal("levels", error.ParamName);
        Assert.Contains("'age'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_weights_multiply_each_factors_imbalance()
    {
        var scheme = LimIn(ImbalanceMeasure.Range, siteWeight: 2m, sexWeight: 1m, ageWeight: 0.5m);

        var allocation = Minimisation.Allocate(scheme, Patient15, LimInCounts, 14, ScriptedRandomSource.Ints());

        // Range per factor as in M1 (control 1, 1, 1; treatment 3, 1, 1):
        // control 2·1 + 1·1 + 0.5·1 = 3.5; treatment 2·3 + 1·1 + 0.5·1 = 7.5.
        Assert.Equal(3.5m, allocation.Imbalance["control"]);
        Assert.Equal(7.5m, allocation.Imbalance["treatment"]);
        Assert.Equal("control", allocation.Arm);
    }

    [Fact]
    public void Allocate_Lim_In_with_variance_measure_gives_hand_computed_imbalance()
    {
        var allocation = Minimisation.Allocate(LimIn(ImbalanceMeasure.Variance, siteWeight: 1m), Patient15, LimInCounts, 14, ScriptedRandomSource.Ints());

        // Two arms, sample variance of (x, y) = ((x − y)/2)² · 2 / (2 − 1) = (x − y)² / 2.
        // Control: differences 1, 1, 1 → 0.5 · 3 = 1.5. Treatment: 3, 1, 1 → 4.5 + 0.5 + 0.5 = 5.5.
        Assert.Equal(1.5m, allocation.Imbalance["control"]);
        Assert.Equal(5.5m, allocation.Imbalance["treatment"]);
        Assert.Equal("control", allocation.Arm);
    }

    [Fact]
    public void Allocate_Lim_In_with_standard_deviation_measure_gives_hand_computed_imbalance()
    {
        var allocation = Minimisation.Allocate(LimIn(ImbalanceMeasure.StandardDeviation, siteWeight: 1m), Patient15, LimInCounts, 14, ScriptedRandomSource.Ints());

        // SD of (x, y) = |x − y| / √2. Control: 3 / √2 = 2.12132034355964…; treatment: 5 / √2 = 3.53553390593273….
        // The code takes √ in double and converts to decimal (15 significant digits): tolerance 10⁻¹².
        Assert.InRange(Math.Abs(allocation.Imbalance["control"] - 2.1213203435596424m), 0m, 1e-12m);
        Assert.InRange(Math.Abs(allocation.Imbalance["treatment"] - 3.5355339059327373m), 0m, 1e-12m);
        Assert.Equal("control", allocation.Arm);
    }

    [Theory]
    [InlineData(ImbalanceMeasure.Range, 5.0)]
    [InlineData(ImbalanceMeasure.Variance, 7.0)]
    [InlineData(ImbalanceMeasure.StandardDeviation, 2.6457513110645906)]
    public void Measure_of_1_2_6_matches_hand_computation(ImbalanceMeasure measure, double expected)
    {
        // Range 6 − 1 = 5. Mean 3; squares 4 + 1 + 9 = 14; sample variance 14 / 2 = 7; SD √7 = 2.6457513110645906.
        var value = Minimisation.Measure(measure, [1m, 2m, 6m]);

        Assert.InRange(Math.Abs(value - (decimal)expected), 0m, 1e-12m);
    }

    [Fact]
    public void Measure_of_2_4_6_is_exact()
    {
        // Mean 4; squares 4 + 0 + 4 = 8; variance 8 / 2 = 4; SD 2; range 4.
        Assert.Equal(4m, Minimisation.Measure(ImbalanceMeasure.Range, [2m, 4m, 6m]));
        Assert.Equal(4m, Minimisation.Measure(ImbalanceMeasure.Variance, [2m, 4m, 6m]));
        Assert.Equal(2m, Minimisation.Measure(ImbalanceMeasure.StandardDeviation, [2m, 4m, 6m]));
    }

    [Fact]
    public void Measure_of_equal_values_is_0()
    {
        Assert.Equal(0m, Minimisation.Measure(ImbalanceMeasure.Range, [1.5m, 1.5m, 1.5m]));
        Assert.Equal(0m, Minimisation.Measure(ImbalanceMeasure.Variance, [1.5m, 1.5m, 1.5m]));
        Assert.Equal(0m, Minimisation.Measure(ImbalanceMeasure.StandardDeviation, [1.5m, 1.5m, 1.5m]));
    }

    [Fact]
    public void Validate_sound_scheme_passes()
    {
        LimIn(ImbalanceMeasure.Range, siteWeight: 1m).Validate(stratifiedBySite: false);
        new MinimisationScheme([new("A", 1), new("B", 1)], [new("sex", 1m)], PreferredProbability: 1m).Validate(stratifiedBySite: true);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    public void Validate_preferred_probability_outside_0_exclusive_1_inclusive_throws(double p)
    {
        var scheme = new MinimisationScheme([new("A", 1), new("B", 1)], [new("sex", 1m)], PreferredProbability: (decimal)p);

        var error = Assert.Throws<ArgumentException>(() => scheme.Validate(stratifiedBySite: false));

        Assert.Contains("(0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_single_arm_or_zero_ratio_throws()
    {
        var single = new MinimisationScheme([new("A", 1)], [new("sex", 1m)]);
        var zero = new MinimisationScheme([new("A", 1), new("B", 0)], [new("sex", 1m)]);

        Assert.Throws<ArgumentException>(() => single.Validate(stratifiedBySite: false));
        Assert.Throws<ArgumentException>(() => zero.Validate(stratifiedBySite: false));
    }

    [Fact]
    public void Validate_no_factor_or_non_positive_weight_throws()
    {
        var none = new MinimisationScheme([new("A", 1), new("B", 1)], []);
        var zeroWeight = new MinimisationScheme([new("A", 1), new("B", 1)], [new("sex", 0m)]);

        Assert.Throws<ArgumentException>(() => none.Validate(stratifiedBySite: false));
        Assert.Throws<ArgumentException>(() => zeroWeight.Validate(stratifiedBySite: false));
    }

    /// <summary>
    /// BUG (kept failing on purpose): ties are decided with exact decimal equality, but ratio-scaled counts
    /// (n / 3) are rounded at the 28th decimal, so mathematically equal G values can differ by 10⁻²⁸ and
    /// the "tie" becomes a strict preference. The class summary and trials.md §3.2 step 3 say that when
    /// every G is equal the allocation is random by ratio.
    /// </summary>
    [Fact]
    public void Allocate_imbalances_equal_in_exact_arithmetic_are_treated_as_a_tie()
    {
        // Ratios A 3, B 1; females A1/B1; ≥65 A3/B0; new female ≥65; p = 1.
        // If A: sex (2/3, 1) → 1/3; age (4/3, 0) → 4/3; G_A = 5/3.
        // If B: sex (1/3, 2) → 5/3; age (3/3, 1) → 0;   G_B = 5/3.
        // All G equal → random by ratio: A 3/4 = 0.75, B 1/4 = 0.25.
        // Decimal: G_A = 0.3333333333333333333333333333 + 1.3333333333333333333333333333 = 1.6666666666666666666666666666,
        //          G_B = 2 − 0.3333333333333333333333333333 = 1.6666666666666666666666666667, so A wins outright.
        var scheme = new MinimisationScheme([new("A", 3), new("B", 1)], [new("sex", 1m), new("age", 1m)], ImbalanceMeasure.Range, 1m);
        var counts = Counts(("sex", "F", Arms(("A", 1), ("B", 1))), ("age", ">=65", Arms(("A", 3))));
        var levels = new Dictionary<string, string> { ["sex"] = "F", ["age"] = ">=65" };

        var allocation = Minimisation.Allocate(scheme, levels, counts, 5, ScriptedRandomSource.Units(0.9));

        Assert.InRange(Math.Abs(allocation.Imbalance["A"] - (5m / 3)), 0m, 1e-26m);
        Assert.InRange(Math.Abs(allocation.Imbalance["B"] - (5m / 3)), 0m, 1e-26m);
        Assert.Equal(new Dictionary<string, double> { ["A"] = 0.75, ["B"] = 0.25 }, allocation.Probabilities);
        Assert.True(allocation.Random);

        // u = 0.9 ≥ 0.75 → B by ratio.
        Assert.Equal("B", allocation.Arm);
    }

    /// <summary>
    /// BUG (kept failing on purpose): with p = 1 and tied preferred arms, the preferred probabilities
    /// 1/6 + 4/6 + 1/6 add up in binary64 to 0.9999999999999999 = 1 − 2⁻⁵³, so u = 1 − 2⁻⁵³ (a value
    /// NextUnit may return: "[0, 1) with 2⁻⁵³ resolution") falls through every preferred arm and Pick
    /// returns the last arm, a non-preferred one whose probability is 0.
    /// </summary>
    [Fact]
    public void Allocate_p_1_never_gives_an_arm_of_probability_0_even_at_the_top_of_the_unit_interval()
    {
        // Ratios A 1, B 4, C 1, D 1; one female on D; new female; p = 1.
        // If A: (1, 0, 0, 1) → 1; B: (0, 1/4, 0, 1) → 1; C: (0, 0, 1, 1) → 1; D: (0, 0, 0, 2) → 2.
        // A, B, C tie: 1 · 1/6, 1 · 4/6, 1 · 1/6; D gets 1 − 1 = 0. u = 1 − 2⁻⁵³ lies in C's interval [5/6, 1).
        var scheme = new MinimisationScheme([new("A", 1), new("B", 4), new("C", 1), new("D", 1)], [new("sex", 1m)], ImbalanceMeasure.Range, 1m);
        var counts = Counts(("sex", "F", Arms(("D", 1))));

        var allocation = Minimisation.Allocate(scheme, Female, counts, 1, ScriptedRandomSource.Units(Math.BitDecrement(1.0)));

        Assert.Equal(0.0, allocation.Probabilities["D"]);
        Assert.Equal("C", allocation.Arm);
    }

    private static MinimisationScheme TiedTwoOfThree(decimal p) =>
        new([new("A", 1), new("B", 2), new("C", 1)], [new("sex", 1m)], ImbalanceMeasure.Range, p);

    private static MinimisationScheme TwoToOne(decimal p, int initialRandom) =>
        new([new("A", 2), new("B", 1)], [new("sex", 1m)], ImbalanceMeasure.Range, p, initialRandom);

    private static MinimisationScheme LimIn(ImbalanceMeasure measure, decimal siteWeight, decimal sexWeight = 1m, decimal ageWeight = 1m) =>
        new(
            [new("control", 1), new("treatment", 1)],
            [new(Minimisation.SiteFactor, siteWeight), new("sex", sexWeight), new("age", ageWeight)],
            measure,
            1m);

    private static Dictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>> Counts(
        params (string Factor, string Level, Dictionary<string, int> PerArm)[] rows) =>
        rows.ToDictionary(r => (r.Factor, r.Level), r => (IReadOnlyDictionary<string, int>)r.PerArm);

    private static Dictionary<string, int> Arms(params (string Arm, int Count)[] counts) =>
        counts.ToDictionary(c => c.Arm, c => c.Count);
}
