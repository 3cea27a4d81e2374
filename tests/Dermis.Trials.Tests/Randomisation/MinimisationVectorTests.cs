using Dermis.Trials.Randomisation;

namespace Dermis.Trials.Tests.Randomisation;

/// <summary>
/// The published minimisation vectors M1–M5 of shared/reference/trials.md §3.2: Lim &amp; In 2019
/// Table 4 (M1), Slice #239 (M2), and the ttscience/unbiased tests (M3–M5).
/// </summary>
public sealed class MinimisationVectorTests
{
    private static readonly IReadOnlyList<ArmRatio> ControlTreatment = [new("control", 1), new("treatment", 1)];

    private static readonly IReadOnlyList<MinimisationFactor> SiteSexAge =
        [new(Minimisation.SiteFactor, 1m), new("sex", 1m), new("age", 1m)];

    /// <summary>Lim &amp; In 2019 Table 4: counts (control/treatment) of the 14 patients before patient 15.</summary>
    private static readonly Dictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>> LimInCounts = new()
    {
        [("site", "1")] = Arms(("control", 4), ("treatment", 2)),
        [("site", "2")] = Arms(("control", 3), ("treatment", 5)),
        [("sex", "male")] = Arms(("control", 4), ("treatment", 4)),
        [("sex", "female")] = Arms(("control", 3), ("treatment", 3)),
        [("age", "<20")] = Arms(("control", 2), ("treatment", 2)),
        [("age", "20-64")] = Arms(("control", 2), ("treatment", 2)),
        [("age", ">=65")] = Arms(("control", 3), ("treatment", 3)),
    };

    /// <summary>Patient 15: female, 74 years, site 2.</summary>
    private static readonly Dictionary<string, string> Patient15 = new() { ["site"] = "2", ["sex"] = "female", ["age"] = ">=65" };

    private static readonly Dictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>> Slice239Counts = new()
    {
        [("site", "s1")] = Arms(("A", 5), ("B", 3)),
        [("sex", "male")] = Arms(("A", 5), ("B", 1)),
    };

    private static readonly Dictionary<string, string> Slice239Male = new() { ["site"] = "s1", ["sex"] = "male" };

    private static readonly Dictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>> ExistingFemaleOnA = new()
    {
        [("sex", "F")] = Arms(("A", 1)),
    };

    private static readonly Dictionary<string, string> Female = new() { ["sex"] = "F" };

    [Fact]
    public void M1_Lim_In_patient_15_has_imbalance_3_for_control_and_5_for_treatment_and_gets_control()
    {
        var scheme = new MinimisationScheme(ControlTreatment, SiteSexAge, ImbalanceMeasure.Range, 1m);
        var random = ScriptedRandomSource.Ints();

        var allocation = Minimisation.Allocate(scheme, Patient15, LimInCounts, 14, random);

        // Control: site 2 (4−5) + female (4−3) + ≥65 (4−3) = 1 + 1 + 1 = 3.
        // Treatment: site 2 (6−3) + female (4−3) + ≥65 (4−3) = 3 + 1 + 1 = 5.
        Assert.Equal(3m, allocation.Imbalance["control"]);
        Assert.Equal(5m, allocation.Imbalance["treatment"]);
        Assert.Equal("control", allocation.Arm);
        Assert.False(allocation.Random);

        // p = 1 and one preferred arm: probability 1 and 1 − 1 = 0, and no randomness consumed.
        Assert.Equal(new Dictionary<string, double> { ["control"] = 1.0, ["treatment"] = 0.0 }, allocation.Probabilities);
        Assert.Equal(0, random.Draws);
    }

    [Fact]
    public void M1_scheme_with_site_factor_is_valid_when_not_stratified_by_site()
    {
        var scheme = new MinimisationScheme(ControlTreatment, SiteSexAge, ImbalanceMeasure.Range, 1m);

        scheme.Validate(stratifiedBySite: false);
    }

    [Fact]
    public void M2_Slice_239_sex_only_gives_B()
    {
        var allocation = Minimisation.Allocate(Slice239Scheme([new("sex", 1m)]), Slice239Male, Slice239Counts, 14, ScriptedRandomSource.Ints());

        // Ratios A 3, B 1; male counts A5/B1. If A: (6/3, 1/1) = (2, 1) → range 1.
        // If B: (5/3, 2/1) → range 2 − 5/3 = 1/3, computed in exact units (counts × 3/ratio) and reported as 1m/3.
        Assert.Equal(1m, allocation.Imbalance["A"]);
        Assert.Equal(1m / 3, allocation.Imbalance["B"]);
        Assert.InRange(Math.Abs(allocation.Imbalance["B"] - (1m / 3)), 0m, 1e-26m);
        Assert.Equal("B", allocation.Arm);
    }

    [Fact]
    public void M2_Slice_239_site_and_sex_counts_site_twice_and_flips_to_A()
    {
        var allocation = Minimisation.Allocate(
            Slice239Scheme([new(Minimisation.SiteFactor, 1m), new("sex", 1m)]), Slice239Male, Slice239Counts, 14, ScriptedRandomSource.Ints());

        // Site counts A5/B3. If A: site (6/3, 3/1) → 1, sex 1 → G = 2.
        // If B: site (5/3, 4/1) → 4 − 5/3 = 7/3, sex 1/3 → G = 8/3, computed exactly and reported as 8m/3.
        Assert.Equal(2m, allocation.Imbalance["A"]);
        Assert.Equal(8m / 3, allocation.Imbalance["B"]);
        Assert.InRange(Math.Abs(allocation.Imbalance["B"] - (8m / 3)), 0m, 1e-26m);
        Assert.Equal("A", allocation.Arm);
    }

    [Fact]
    public void M2_Validate_stratified_by_site_with_a_site_factor_throws()
    {
        var scheme = Slice239Scheme([new(Minimisation.SiteFactor, 1m), new("sex", 1m)]);

        var error = Assert.Throws<ArgumentException>(() => scheme.Validate(stratifiedBySite: true));

        Assert.Contains("counted twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void M2_Validate_stratified_by_site_without_a_site_factor_passes()
    {
        Slice239Scheme([new("sex", 1m)]).Validate(stratifiedBySite: true);
    }

    [Fact]
    public void M2_Validate_site_as_the_only_factor_throws()
    {
        var scheme = Slice239Scheme([new(Minimisation.SiteFactor, 1m)]);

        var error = Assert.Throws<ArgumentException>(() => scheme.Validate(stratifiedBySite: false));

        Assert.Contains("participant factor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void M3_existing_female_on_A_sends_a_new_female_to_B()
    {
        var allocation = Minimisation.Allocate(M3Scheme(1m), Female, ExistingFemaleOnA, 1, ScriptedRandomSource.Ints());

        // If A: (2, 0) → 2; if B: (1, 1) → 0.
        Assert.Equal(2m, allocation.Imbalance["A"]);
        Assert.Equal(0m, allocation.Imbalance["B"]);
        Assert.Equal("B", allocation.Arm);
        Assert.False(allocation.Random);
    }

    [Fact]
    public void M4_first_patient_of_three_arms_is_uniform()
    {
        var scheme = new MinimisationScheme([new("A", 1), new("B", 1), new("C", 1)], [new("sex", 1m)], ImbalanceMeasure.Range, 1m);
        var random = RandomSource.Seeded(4);
        var counts = new int[3];
        var none = new Dictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>>();

        for (var i = 0; i < 3_000; i++)
        {
            var allocation = Minimisation.Allocate(scheme, Female, none, 0, random);

            // Every candidate gives counts (1, 0, 0) in some order: range 1, so all G equal → random.
            Assert.True(allocation.Random);
            Assert.All(allocation.Imbalance.Values, g => Assert.Equal(1m, g));
            counts[allocation.Arm[0] - 'A']++;
        }

        // Expected 1,000 each; χ²(2) at α = 0.001 is 13.816.
        Assert.InRange(Frequencies.ChiSquare(counts, [1.0 / 3, 1.0 / 3, 1.0 / 3]), 0, Frequencies.ChiSquare2DfAt0001);
    }

    [Fact]
    public void M5_p_0_6_gives_B_probability_0_6_and_A_0_4()
    {
        var allocation = Minimisation.Allocate(M3Scheme(0.6m), Female, ExistingFemaleOnA, 1, ScriptedRandomSource.Units(0.5));

        // Preferred B gets p = 0.6; the other arm 1 − 0.6 = 0.4 (exact in binary64: 1 − 0.6 == 0.4).
        Assert.Equal(new Dictionary<string, double> { ["B"] = 0.6, ["A"] = 0.4 }, allocation.Probabilities);
        Assert.False(allocation.Random);
    }

    [Fact]
    public void M5_p_0_6_gives_B_about_60_percent_of_the_time()
    {
        var scheme = M3Scheme(0.6m);
        var random = RandomSource.Seeded(5);
        var b = 0;
        const int N = 10_000;

        for (var i = 0; i < N; i++)
        {
            b += Minimisation.Allocate(scheme, Female, ExistingFemaleOnA, 1, random).Arm == "B" ? 1 : 0;
        }

        // Binomial(10,000, 0.6): mean 6,000, SD √(10,000 · 0.6 · 0.4) = 49.0; ±200 is 4.1 SD (two-sided p ≈ 5·10⁻⁵).
        Assert.InRange(b, 5_800, 6_200);
        Assert.Equal(N, random.Draws);
    }

    private static MinimisationScheme Slice239Scheme(IReadOnlyList<MinimisationFactor> factors) =>
        new([new("A", 3), new("B", 1)], factors, ImbalanceMeasure.Range, 1m);

    private static MinimisationScheme M3Scheme(decimal p) =>
        new([new("A", 1), new("B", 1)], [new("sex", 1m)], ImbalanceMeasure.Range, p);

    private static Dictionary<string, int> Arms(params (string Arm, int Count)[] counts) =>
        counts.ToDictionary(c => c.Arm, c => c.Count);
}
