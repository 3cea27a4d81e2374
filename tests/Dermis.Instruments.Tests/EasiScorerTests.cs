using Dermis.Instruments.Easi;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

public sealed class EasiScorerTests
{
    // Worked example of instruments.md §4.1:
    // H 2,1,1,0 (=4) area 2; U 2,2,1.5,1 (=6.5) area 3; T 1,1,1,0 (=3) area 2; L 2.5,2,2,2 (=8.5) area 4.
    private static readonly RegionScores<EasiRegion> WorkedExample = new(
        new EasiRegion(2m, 1m, 1m, 0m, 2),
        new EasiRegion(2m, 2m, 1.5m, 1m, 3),
        new EasiRegion(1m, 1m, 1m, 0m, 2),
        new EasiRegion(2.5m, 2m, 2m, 2m, 4));

    private static readonly EasiRegion Clear = EasiRegion.Clear;

    public static TheoryData<decimal, EasiBand> BandEdges => new()
    {
        // instruments.md §4.1: 0 clear; ≤1.0 almost clear; ≤7.0 mild; ≤21.0 moderate; ≤50.0 severe; above very severe.
        { 0m, EasiBand.Clear },
        { 0.05m, EasiBand.AlmostClear },
        { 1.0m, EasiBand.AlmostClear },
        { 1.05m, EasiBand.Mild },
        { 7.0m, EasiBand.Mild },
        { 7.05m, EasiBand.Moderate },
        { 21.0m, EasiBand.Moderate },
        { 21.05m, EasiBand.Severe },
        { 50.0m, EasiBand.Severe },
        { 50.05m, EasiBand.VerySevere },
        { 72m, EasiBand.VerySevere },
    };

    [Fact]
    public void Score_adult_worked_example_is_20_10_moderate()
    {
        // instruments.md §4.1: 4×2×0.1 = 0.8; 6.5×3×0.2 = 3.90; 3×2×0.3 = 1.8; 8.5×4×0.4 = 13.60; EASI 20.10.
        var score = EasiScorer.Score(new EasiInput(35m, WorkedExample));

        Assert.False(score.ChildWeights);
        Assert.Equal(20.10m, score.Total);
        Assert.Equal(EasiBand.Moderate, score.Band);
        Assert.Equal(0.8m, score.Regions.Head);
        Assert.Equal(3.90m, score.Regions.UpperLimbs);
        Assert.Equal(1.8m, score.Regions.Trunk);
        Assert.Equal(13.60m, score.Regions.LowerLimbs);
        Assert.Null(score.MissingReason);
        Assert.Equal("easi", score.Instrument.Id);
    }

    [Fact]
    public void Score_child_worked_example_is_17_50_moderate()
    {
        // instruments.md §4.1, child 0–7 y weights 0.2/0.2/0.3/0.3: 4×2×0.2 = 1.6; 6.5×3×0.2 = 3.90;
        // 3×2×0.3 = 1.8; 8.5×4×0.3 = 10.20; EASI 17.50.
        var score = EasiScorer.Score(new EasiInput(5m, WorkedExample));

        Assert.True(score.ChildWeights);
        Assert.Equal(17.50m, score.Total);
        Assert.Equal(EasiBand.Moderate, score.Band);
        Assert.Equal(1.6m, score.Regions.Head);
        Assert.Equal(3.90m, score.Regions.UpperLimbs);
        Assert.Equal(1.8m, score.Regions.Trunk);
        Assert.Equal(10.20m, score.Regions.LowerLimbs);
    }

    [Theory]
    [InlineData(7.99, true, 17.50)]
    [InlineData(8, false, 20.10)]
    [InlineData(0, true, 17.50)]
    public void Score_age_threshold_eight_years_switches_to_adult_weights(double age, bool child, double expectedTotal)
    {
        // instruments.md §4.1: age ≥ 8 y adult weights, 0–7 y child weights; totals from the worked example.
        var score = EasiScorer.Score(new EasiInput((decimal)age, WorkedExample));

        Assert.Equal(child, score.ChildWeights);
        Assert.Equal((decimal)expectedTotal, score.Total);
    }

    [Fact]
    public void Score_total_is_exact_with_two_decimals_from_half_points()
    {
        // Head only: 3 + 3 + 3 + 1.5 = 10.5 × area 1 × 0.1 = 1.05 (not 1.0499999…).
        var score = EasiScorer.Score(new EasiInput(30m, new(new EasiRegion(3m, 3m, 3m, 1.5m, 1), Clear, Clear, Clear)));

        Assert.Equal(1.05m, score.Total);
        Assert.Equal("1.05", score.Total!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(EasiBand.Mild, score.Band);
    }

    [Fact]
    public void Score_all_clear_is_0_clear()
    {
        var score = EasiScorer.Score(new EasiInput(30m, new(Clear, Clear, Clear, Clear)));

        Assert.Equal(0m, score.Total);
        Assert.Equal(EasiBand.Clear, score.Band);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(4)]
    public void Score_all_maximum_is_72_for_both_weight_sets(int age)
    {
        // instruments.md §4.1: range 0–72 for both weight sets: 12 × 6 × (0.1+0.2+0.3+0.4) = 12 × 6 × (0.2+0.2+0.3+0.3) = 72.
        var max = new EasiRegion(3m, 3m, 3m, 3m, 6);
        var score = EasiScorer.Score(new EasiInput(age, new(max, max, max, max)));

        Assert.Equal(72m, score.Total);
        Assert.Equal(EasiBand.VerySevere, score.Band);
    }

    [Theory]
    [MemberData(nameof(BandEdges))]
    public void BandOf_edges_follow_upper_bounds(decimal total, EasiBand expected)
    {
        Assert.Equal(expected, EasiScorer.BandOf(total));
    }

    [Fact]
    public void Score_total_1_0_is_almostClear_and_1_05_is_mild()
    {
        // Head 3,3,2,2 (=10) × 1 × 0.1 = 1.0; head 3,3,3,1.5 (=10.5) × 1 × 0.1 = 1.05.
        var at = EasiScorer.Score(new EasiInput(30m, new(new EasiRegion(3m, 3m, 2m, 2m, 1), Clear, Clear, Clear)));
        var above = EasiScorer.Score(new EasiInput(30m, new(new EasiRegion(3m, 3m, 3m, 1.5m, 1), Clear, Clear, Clear)));

        Assert.Equal(1.0m, at.Total);
        Assert.Equal(EasiBand.AlmostClear, at.Band);
        Assert.Equal(1.05m, above.Total);
        Assert.Equal(EasiBand.Mild, above.Band);
    }

    [Fact]
    public void Score_total_7_0_is_mild_and_7_05_is_moderate()
    {
        // Upper limbs 3,3,2,2 (=10) × 3 × 0.2 = 6.0; plus head 10 × 1 × 0.1 = 1.0 → 7.0,
        // or head 10.5 × 1 × 0.1 = 1.05 → 7.05.
        var upper = new EasiRegion(3m, 3m, 2m, 2m, 3);
        var at = EasiScorer.Score(new EasiInput(30m, new(new EasiRegion(3m, 3m, 2m, 2m, 1), upper, Clear, Clear)));
        var above = EasiScorer.Score(new EasiInput(30m, new(new EasiRegion(3m, 3m, 3m, 1.5m, 1), upper, Clear, Clear)));

        Assert.Equal(7.0m, at.Total);
        Assert.Equal(EasiBand.Mild, at.Band);
        Assert.Equal(7.05m, above.Total);
        Assert.Equal(EasiBand.Moderate, above.Band);
    }

    [Fact]
    public void Score_total_21_0_is_moderate_and_21_05_is_severe()
    {
        // Lower limbs 3,3,2,2 (=10) × 5 × 0.4 = 20.0; plus head 1.0 → 21.0, or head 1.05 → 21.05.
        var lower = new EasiRegion(3m, 3m, 2m, 2m, 5);
        var at = EasiScorer.Score(new EasiInput(30m, new(new EasiRegion(3m, 3m, 2m, 2m, 1), Clear, Clear, lower)));
        var above = EasiScorer.Score(new EasiInput(30m, new(new EasiRegion(3m, 3m, 3m, 1.5m, 1), Clear, Clear, lower)));

        Assert.Equal(21.0m, at.Total);
        Assert.Equal(EasiBand.Moderate, at.Band);
        Assert.Equal(21.05m, above.Total);
        Assert.Equal(EasiBand.Severe, above.Band);
    }

    [Fact]
    public void Score_total_50_0_is_severe_and_50_05_is_verySevere()
    {
        // Lower 3,3,3,3 (=12) × 6 × 0.4 = 28.8; trunk 3,3,2,2 (=10) × 6 × 0.3 = 18.0 → 46.8.
        // Head 2,2,2,2 (=8) × 4 × 0.1 = 3.2 → 50.0; head 1.5,2,3,0 (=6.5) × 5 × 0.1 = 3.25 → 50.05.
        var lower = new EasiRegion(3m, 3m, 3m, 3m, 6);
        var trunk = new EasiRegion(3m, 3m, 2m, 2m, 6);
        var at = EasiScorer.Score(new EasiInput(30m, new(new EasiRegion(2m, 2m, 2m, 2m, 4), Clear, trunk, lower)));
        var above = EasiScorer.Score(new EasiInput(30m, new(new EasiRegion(1.5m, 2m, 3m, 0m, 5), Clear, trunk, lower)));

        Assert.Equal(50.0m, at.Total);
        Assert.Equal(EasiBand.Severe, at.Band);
        Assert.Equal(50.05m, above.Total);
        Assert.Equal(EasiBand.VerySevere, above.Band);
    }

    [Fact]
    public void Score_missing_sign_in_region_with_area_is_not_scored_with_reason()
    {
        // instruments.md §4.1: any missing sign in a region with area > 0 → total missing.
        var head = new EasiRegion(2m, null, 1m, 0m, 2);
        var score = EasiScorer.Score(new EasiInput(35m, new(head, WorkedExample.UpperLimbs, WorkedExample.Trunk, WorkedExample.LowerLimbs)));

        Assert.Null(score.Total);
        Assert.Null(score.Band);
        Assert.Null(score.Regions.Head);
        Assert.Equal(3.90m, score.Regions.UpperLimbs);
        Assert.Equal(13.60m, score.Regions.LowerLimbs);
        Assert.NotNull(score.MissingReason);
        Assert.Contains("regions.head", score.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_missing_area_is_not_scored()
    {
        var trunk = new EasiRegion(1m, 1m, 1m, 0m, null);
        var score = EasiScorer.Score(new EasiInput(35m, new(WorkedExample.Head, WorkedExample.UpperLimbs, trunk, WorkedExample.LowerLimbs)));

        Assert.Null(score.Total);
        Assert.Null(score.Regions.Trunk);
        Assert.Contains("regions.trunk", score.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_missing_sign_in_region_with_area_0_is_still_scored()
    {
        // instruments.md §4.1: a region with area 0 contributes 0. Remaining regions: 3.90 + 1.8 + 13.60 = 19.30.
        var head = new EasiRegion(null, null, 0m, null, 0);
        var score = EasiScorer.Score(new EasiInput(35m, new(head, WorkedExample.UpperLimbs, WorkedExample.Trunk, WorkedExample.LowerLimbs)));

        Assert.Equal(19.30m, score.Total);
        Assert.Equal(0m, score.Regions.Head);
        Assert.Equal(EasiBand.Moderate, score.Band);
        Assert.Null(score.MissingReason);
    }

    [Fact]
    public void Score_sign_0_5_is_rejected_naming_field_and_allowed_values()
    {
        // instruments.md §4.1: half points allowed between 1 and 3 (1.5, 2.5) but not 0.5.
        var head = new EasiRegion(0.5m, 1m, 1m, 0m, 2);
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            EasiScorer.Score(new EasiInput(35m, new(head, WorkedExample.UpperLimbs, WorkedExample.Trunk, WorkedExample.LowerLimbs))));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("regions.head.erythema", error.Field);
        Assert.Contains("0, 1, 1.5, 2, 2.5, 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.5", error.Message, StringComparison.Ordinal);
        Assert.Equal("easi", ex.Instrument);
    }

    [Theory]
    [InlineData(3.5)]
    [InlineData(-1)]
    [InlineData(1.25)]
    [InlineData(4)]
    public void Score_sign_outside_half_point_scale_is_rejected(double sign)
    {
        var upper = new EasiRegion(2m, 2m, (decimal)sign, 1m, 3);
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            EasiScorer.Score(new EasiInput(35m, new(WorkedExample.Head, upper, WorkedExample.Trunk, WorkedExample.LowerLimbs))));

        Assert.Equal("regions.upperLimbs.excoriation", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_area_7_is_rejected()
    {
        // instruments.md §4.1: area score per region 0–6.
        var lower = new EasiRegion(2.5m, 2m, 2m, 2m, 7);
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            EasiScorer.Score(new EasiInput(35m, new(WorkedExample.Head, WorkedExample.UpperLimbs, WorkedExample.Trunk, lower))));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("regions.lowerLimbs.area", error.Field);
        Assert.Contains("0–6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_signs_with_area_0_are_rejected()
    {
        // A region with area 0 has no eczema, so erythema 2 there is a contradiction.
        var head = new EasiRegion(2m, 0m, 0m, 0m, 0);
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            EasiScorer.Score(new EasiInput(35m, new(head, Clear, Clear, Clear))));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("regions.head", error.Field);
        Assert.Contains("area 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_negative_age_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => EasiScorer.Score(new EasiInput(-1m, WorkedExample)));

        Assert.Equal("ageYears", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_several_errors_are_reported_together_in_input_order()
    {
        var head = new EasiRegion(0.5m, 1m, 1m, 0m, 2);
        var trunk = new EasiRegion(1m, 1m, 1m, 0m, 7);
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            EasiScorer.Score(new EasiInput(-3m, new(head, WorkedExample.UpperLimbs, trunk, WorkedExample.LowerLimbs))));

        Assert.Equal(["ageYears", "regions.head.erythema", "regions.trunk.area"], ex.Errors.Select(e => e.Field));
    }
}
