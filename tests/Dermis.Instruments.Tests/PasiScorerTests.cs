using Dermis.Instruments.Pasi;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

public sealed class PasiScorerTests
{
    // Worked example of instruments.md §4.3: head 2,2,1 area 2; arms 3,2,2 area 3; trunk 2,2,2 area 4; legs 3,3,2 area 4.
    private static readonly RegionScores<PasiRegion> WorkedExample = new(
        new PasiRegion(2, 2, 1, 2),
        new PasiRegion(3, 2, 2, 3),
        new PasiRegion(2, 2, 2, 4),
        new PasiRegion(3, 3, 2, 4));

    private static readonly PasiRegion Clear = new(0, 0, 0, 0);

    [Fact]
    public void Score_worked_example_is_25_2()
    {
        // instruments.md §4.3: 0.1×5×2 = 1.0; 0.2×7×3 = 4.2; 0.3×6×4 = 7.2; 0.4×8×4 = 12.8; PASI 25.2.
        var score = PasiScorer.Score(WorkedExample);

        Assert.Equal(25.2m, score.Total);
        Assert.Equal(1.0m, score.Regions.Head);
        Assert.Equal(4.2m, score.Regions.UpperLimbs);
        Assert.Equal(7.2m, score.Regions.Trunk);
        Assert.Equal(12.8m, score.Regions.LowerLimbs);
        Assert.Null(score.MissingReason);
        Assert.Equal("pasi", score.Instrument.Id);
    }

    [Fact]
    public void Score_all_maximum_is_72()
    {
        // instruments.md §4.3: range 0–72: 12 × 6 × (0.1 + 0.2 + 0.3 + 0.4) = 72.
        var max = new PasiRegion(4, 4, 4, 6);
        Assert.Equal(72m, PasiScorer.Score(new(max, max, max, max)).Total);
    }

    [Fact]
    public void Score_all_clear_is_0()
    {
        Assert.Equal(0m, PasiScorer.Score(new(Clear, Clear, Clear, Clear)).Total);
    }

    [Fact]
    public void Score_smallest_step_is_0_1_on_head()
    {
        // Head erythema 1 × area 1 × 0.1 = 0.1 (granularity 0.1, §4.3).
        Assert.Equal(0.1m, PasiScorer.Score(new(new PasiRegion(1, 0, 0, 1), Clear, Clear, Clear)).Total);
    }

    [Fact]
    public void Score_missing_sign_in_region_with_area_is_not_scored()
    {
        var arms = new PasiRegion(3, null, 2, 3);
        var score = PasiScorer.Score(new(WorkedExample.Head, arms, WorkedExample.Trunk, WorkedExample.LowerLimbs));

        Assert.Null(score.Total);
        Assert.Null(score.Regions.UpperLimbs);
        Assert.Equal(1.0m, score.Regions.Head);
        Assert.Contains("regions.upperLimbs", score.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_missing_sign_in_region_with_area_0_is_scored()
    {
        // 4.2 + 7.2 + 12.8 = 24.2 without the head.
        var head = new PasiRegion(null, null, null, 0);
        var score = PasiScorer.Score(new(head, WorkedExample.UpperLimbs, WorkedExample.Trunk, WorkedExample.LowerLimbs));

        Assert.Equal(24.2m, score.Total);
        Assert.Equal(0m, score.Regions.Head);
    }

    [Fact]
    public void Score_sign_5_is_rejected()
    {
        // instruments.md §4.3: signs 0–4.
        var head = new PasiRegion(5, 2, 1, 2);
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            PasiScorer.Score(new(head, WorkedExample.UpperLimbs, WorkedExample.Trunk, WorkedExample.LowerLimbs)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("regions.head.erythema", error.Field);
        Assert.Contains("0–4", error.Message, StringComparison.Ordinal);
        Assert.Equal("pasi", ex.Instrument);
    }

    [Fact]
    public void Score_area_7_is_rejected()
    {
        var legs = new PasiRegion(3, 3, 2, 7);
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            PasiScorer.Score(new(WorkedExample.Head, WorkedExample.UpperLimbs, WorkedExample.Trunk, legs)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("regions.lowerLimbs.area", error.Field);
        Assert.Contains("0–6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_signs_with_area_0_are_rejected()
    {
        var trunk = new PasiRegion(0, 0, 1, 0);
        var ex = Assert.Throws<InstrumentValidationException>(() => PasiScorer.Score(new(Clear, Clear, trunk, Clear)));

        Assert.Equal("regions.trunk", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_several_errors_are_reported_together()
    {
        var head = new PasiRegion(-1, 2, 1, 2);
        var trunk = new PasiRegion(2, 2, 5, 4);
        var legs = new PasiRegion(3, 3, 2, 9);
        var ex = Assert.Throws<InstrumentValidationException>(() => PasiScorer.Score(new(head, WorkedExample.UpperLimbs, trunk, legs)));

        Assert.Equal(["regions.head.erythema", "regions.trunk.desquamation", "regions.lowerLimbs.area"], ex.Errors.Select(e => e.Field));
    }
}
