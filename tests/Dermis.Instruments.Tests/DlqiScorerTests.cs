using Dermis.Instruments.Dlqi;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

public sealed class DlqiScorerTests
{
    // Worked example of instruments.md §4.7: 3, 2, 1, NR, 2, 0, Q7 "No" + "A little" (1), 1, NR, 2.
    private static DlqiAnswer?[] WorkedExample() =>
    [
        DlqiAnswer.VeryMuch, DlqiAnswer.ALot, DlqiAnswer.ALittle, DlqiAnswer.NotRelevant, DlqiAnswer.ALot,
        DlqiAnswer.NotAtAll, DlqiAnswer.ALittle, DlqiAnswer.ALittle, DlqiAnswer.NotRelevant, DlqiAnswer.ALot,
    ];

    [Fact]
    public void Score_worked_example_is_12_veryLarge()
    {
        // §4.7: 3+2+1+0+2+0+1+1+0+2 = 12 → very large (11–20).
        var score = DlqiScorer.Score(WorkedExample());

        Assert.Equal(12, score.Total);
        Assert.Equal(DlqiBand.VeryLarge, score.Band);
        Assert.Equal(2, score.NotRelevantCount);
        Assert.Null(score.MissingReason);
        Assert.Equal("dlqi", score.Instrument.Id);
    }

    [Fact]
    public void Score_worked_example_subscales()
    {
        // §4.7 subscales: Q1–2 = 3+2 = 5; Q3–4 = 1+0 = 1; Q5–6 = 2+0 = 2; Q7 = 1; Q8–9 = 1+0 = 1; Q10 = 2.
        var subscales = DlqiScorer.Score(WorkedExample()).Subscales;

        Assert.Equal(new DlqiSubscales(5, 1, 2, 1, 1, 2), subscales);
    }

    [Fact]
    public void Score_question_7_yes_scores_3_total_14()
    {
        // §4.7: Q7 "Yes" instead of "No"+"A little" → 12 − 1 + 3 = 14.
        var answers = WorkedExample();
        answers[6] = DlqiAnswer.Yes;
        var score = DlqiScorer.Score(answers);

        Assert.Equal(14, score.Total);
        Assert.Equal(DlqiBand.VeryLarge, score.Band);
        Assert.Equal(3, score.Subscales.WorkAndSchool);
    }

    [Theory]
    // Hongbo bands (§4.7): 0–1 no effect; 2–5 small; 6–10 moderate; 11–20 very large; 21–30 extremely large.
    [InlineData(0, DlqiBand.NoEffect)]
    [InlineData(1, DlqiBand.NoEffect)]
    [InlineData(2, DlqiBand.Small)]
    [InlineData(5, DlqiBand.Small)]
    [InlineData(6, DlqiBand.Moderate)]
    [InlineData(10, DlqiBand.Moderate)]
    [InlineData(11, DlqiBand.VeryLarge)]
    [InlineData(20, DlqiBand.VeryLarge)]
    [InlineData(21, DlqiBand.ExtremelyLarge)]
    [InlineData(30, DlqiBand.ExtremelyLarge)]
    public void BandOf_edges(int total, DlqiBand expected)
    {
        Assert.Equal(expected, DlqiScorer.BandOf(total));
    }

    [Theory]
    // Totals built from "a little" (1) answers on the first n questions, the rest "not at all".
    [InlineData(1, DlqiBand.NoEffect)]
    [InlineData(2, DlqiBand.Small)]
    [InlineData(5, DlqiBand.Small)]
    [InlineData(6, DlqiBand.Moderate)]
    [InlineData(10, DlqiBand.Moderate)]
    public void Score_band_edges_from_answers(int aLittleCount, DlqiBand expected)
    {
        var answers = new DlqiAnswer?[10];
        for (var q = 0; q < 10; q++)
        {
            answers[q] = q < aLittleCount ? DlqiAnswer.ALittle : DlqiAnswer.NotAtAll;
        }

        var score = DlqiScorer.Score(answers);

        Assert.Equal(aLittleCount, score.Total);
        Assert.Equal(expected, score.Band);
    }

    [Fact]
    public void Score_maximum_is_30_extremelyLarge()
    {
        // Nine "very much" (3) and Q7 "yes" (3): 10 × 3 = 30.
        var answers = Enumerable.Repeat<DlqiAnswer?>(DlqiAnswer.VeryMuch, 10).ToArray();
        answers[6] = DlqiAnswer.Yes;
        var score = DlqiScorer.Score(answers);

        Assert.Equal(30, score.Total);
        Assert.Equal(DlqiBand.ExtremelyLarge, score.Band);
    }

    [Fact]
    public void Score_one_unanswered_scores_it_0()
    {
        // §4.7: one unanswered question → scored 0 and total still reported. Q10 (2 points) unanswered: 12 − 2 = 10.
        var answers = WorkedExample();
        answers[9] = null;
        var score = DlqiScorer.Score(answers);

        Assert.Equal(10, score.Total);
        Assert.Equal(DlqiBand.Moderate, score.Band);
        Assert.Equal(0, score.Subscales.Treatment);
        Assert.Null(score.MissingReason);
    }

    [Fact]
    public void Score_two_unanswered_is_not_scored_with_reason_naming_questions()
    {
        // §4.7: ≥ 2 unanswered → not scored. Q3 and Q10 unanswered.
        var answers = WorkedExample();
        answers[2] = null;
        answers[9] = null;
        var score = DlqiScorer.Score(answers);

        Assert.Null(score.Total);
        Assert.Null(score.Band);
        Assert.NotNull(score.MissingReason);
        Assert.Contains("(3, 10)", score.MissingReason, StringComparison.Ordinal);
        // Subscales whose questions are all answered are still reported: Q1–2 = 5, Q5–6 = 2, Q7 = 1, Q8–9 = 1.
        Assert.Equal(new DlqiSubscales(5, null, 2, 1, 1, null), score.Subscales);
    }

    [Fact]
    public void Score_question_7_very_much_is_rejected()
    {
        // §4.7: question 7 is Yes (3) or, after No, a lot / a little / not at all / not relevant.
        var answers = WorkedExample();
        answers[6] = DlqiAnswer.VeryMuch;
        var ex = Assert.Throws<InstrumentValidationException>(() => DlqiScorer.Score(answers));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("answers[6]", error.Field);
        Assert.Contains("yes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_yes_outside_question_7_is_rejected()
    {
        var answers = WorkedExample();
        answers[0] = DlqiAnswer.Yes;
        var ex = Assert.Throws<InstrumentValidationException>(() => DlqiScorer.Score(answers));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("answers[0]", error.Field);
        Assert.Contains("only an answer to question 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_several_wrong_answers_are_reported_together()
    {
        var answers = WorkedExample();
        answers[3] = DlqiAnswer.Yes;
        answers[6] = DlqiAnswer.VeryMuch;
        answers[8] = DlqiAnswer.Yes;
        var ex = Assert.Throws<InstrumentValidationException>(() => DlqiScorer.Score(answers));

        Assert.Equal(["answers[3]", "answers[6]", "answers[8]"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Score_nine_answers_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => DlqiScorer.Score(WorkedExample()[..9]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("answers", error.Field);
        Assert.Contains("exactly 10", error.Message, StringComparison.Ordinal);
    }
}
