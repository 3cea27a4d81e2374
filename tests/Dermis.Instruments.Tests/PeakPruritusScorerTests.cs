using Dermis.Instruments.PeakPruritus;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

public sealed class PeakPruritusScorerTests
{
    // Worked example of instruments.md §4.9.
    private static readonly int?[] BaselineWeek = [8, 7, 8, 9, 8, 7, 8];
    private static readonly int?[] CurrentWeek = [4, 3, 4, 3, 4, 3, 4];

    [Fact]
    public void Score_worked_example_is_responder_with_exact_fractions()
    {
        // §4.9: baseline 55/7 = 7.857…; week 16 25/7 = 3.571…; improvement 30/7 = 4.286 ≥ 4 → responder.
        var score = PeakPruritusScorer.Score(BaselineWeek, CurrentWeek);

        Assert.Equal(7, score.Baseline.DaysAnswered);
        Assert.Equal(55, score.Baseline.Sum);
        Assert.Equal(55m / 7m, score.Baseline.Mean);
        Assert.Equal(25m / 7m, score.Current.Mean);
        Assert.Equal(30m / 7m, score.Improvement);
        Assert.True(score.Responder);
        Assert.Equal("ppnrs", score.Instrument.Id);
    }

    [Fact]
    public void Score_worked_example_rounds_to_published_three_decimals()
    {
        // §4.9 prints 7.857, 3.571, 4.286.
        var score = PeakPruritusScorer.Score(BaselineWeek, CurrentWeek);

        Assert.Equal(7.857m, Math.Round(score.Baseline.Mean!.Value, 3));
        Assert.Equal(3.571m, Math.Round(score.Current.Mean!.Value, 3));
        Assert.Equal(4.286m, Math.Round(score.Improvement!.Value, 3));
    }

    [Fact]
    public void Score_exactly_4_points_improvement_is_responder()
    {
        // 55/7 − 27/7 = 28/7 = 4 exactly → responder (≥ 4).
        var score = PeakPruritusScorer.Score(BaselineWeek, [4, 4, 4, 4, 4, 4, 3]);

        Assert.Equal(4m, score.Improvement);
        Assert.True(score.Responder);
    }

    [Fact]
    public void Score_just_under_4_points_is_not_responder()
    {
        // 55/7 − 28/7 = 27/7 = 3.857… < 4.
        var score = PeakPruritusScorer.Score(BaselineWeek, [4, 4, 4, 4, 4, 4, 4]);

        Assert.Equal(27m / 7m, score.Improvement);
        Assert.False(score.Responder);
    }

    [Fact]
    public void Score_unequal_day_counts_compare_exact_fractions()
    {
        // Baseline 6 days sum 47 → 47/6 = 7.8333…; current 5 days sum 19 → 3.8;
        // improvement 47/6 − 19/5 = (235 − 114)/30 = 121/30 = 4.0333… ≥ 4 → responder.
        var score = PeakPruritusScorer.Score([8, 8, 8, 8, 8, 7, null], [4, 4, 4, 4, 3, null, null]);

        Assert.Equal(6, score.Baseline.DaysAnswered);
        Assert.Equal(5, score.Current.DaysAnswered);
        Assert.Equal(121m / 30m, score.Improvement);
        Assert.True(score.Responder);
    }

    [Fact]
    public void Score_week_below_minimum_days_has_no_improvement()
    {
        // Baseline has 3 entries; with minimumDays 4 the week has no usable mean.
        int?[] sparse = [8, null, 8, null, 8, null, null];
        var score = PeakPruritusScorer.Score(sparse, CurrentWeek, minimumDays: 4);

        Assert.Equal(3, score.Baseline.DaysAnswered);
        Assert.Equal(8m, score.Baseline.Mean);
        Assert.Null(score.Improvement);
        Assert.Null(score.Responder);
        Assert.Equal(4, score.MinimumDays);
    }

    [Fact]
    public void Score_week_at_minimum_days_is_scored()
    {
        // 3 entries with minimumDays 3: 8 − 25/7 = 31/7 = 4.428… → responder.
        int?[] sparse = [8, null, 8, null, 8, null, null];
        var score = PeakPruritusScorer.Score(sparse, CurrentWeek, minimumDays: 3);

        Assert.Equal(31m / 7m, score.Improvement);
        Assert.True(score.Responder);
    }

    [Fact]
    public void Score_empty_week_with_default_minimum_has_no_mean()
    {
        var score = PeakPruritusScorer.Score(BaselineWeek, [null, null, null, null, null, null, null]);

        Assert.Null(score.Current.Mean);
        Assert.Null(score.Improvement);
        Assert.Null(score.Responder);
    }

    [Fact]
    public void Score_entry_11_and_minimum_days_0_are_rejected_together()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            PeakPruritusScorer.Score([8, 7, 11, 9, 8, 7, 8], [4, 3, 4, 3, 4, -1, 4], minimumDays: 0));

        Assert.Equal(["baseline[2]", "current[5]", "minimumDays"], ex.Errors.Select(e => e.Field));
        Assert.Contains("0–10", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_six_day_week_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => PeakPruritusScorer.Score(BaselineWeek, [4, 3, 4, 3, 4, 3]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("current", error.Field);
        Assert.Contains("exactly 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Week_mean_of_worked_baseline_is_55_over_7()
    {
        var week = PeakPruritusScorer.Week(BaselineWeek);

        Assert.Equal(new PeakPruritusWeek(7, 55), week);
        Assert.Equal(55m / 7m, week.Mean);
    }
}
