using Dermis.Instruments.Poem;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

public sealed class PoemScorerTests
{
    [Fact]
    public void Score_worked_example_is_16_moderate()
    {
        // instruments.md §4.8: 4+2+1+0+2+3+4 = 16 → moderate (8–16).
        var score = PoemScorer.Score([4, 2, 1, 0, 2, 3, 4]);

        Assert.Equal(16, score.Total);
        Assert.Equal(PoemBand.Moderate, score.Band);
        Assert.Null(score.MissingReason);
        Assert.Equal("poem", score.Instrument.Id);
    }

    [Theory]
    // Charman 2013 bands (§4.8): 0–2 clear/almost clear; 3–7 mild; 8–16 moderate; 17–24 severe; 25–28 very severe.
    [InlineData(0, PoemBand.ClearOrAlmostClear)]
    [InlineData(2, PoemBand.ClearOrAlmostClear)]
    [InlineData(3, PoemBand.Mild)]
    [InlineData(7, PoemBand.Mild)]
    [InlineData(8, PoemBand.Moderate)]
    [InlineData(16, PoemBand.Moderate)]
    [InlineData(17, PoemBand.Severe)]
    [InlineData(24, PoemBand.Severe)]
    [InlineData(25, PoemBand.VerySevere)]
    [InlineData(28, PoemBand.VerySevere)]
    public void BandOf_edges(int total, PoemBand expected)
    {
        Assert.Equal(expected, PoemScorer.BandOf(total));
    }

    [Theory]
    // Totals spread over the seven answers (at most 4 each), scored through Score.
    [InlineData(2, PoemBand.ClearOrAlmostClear)]
    [InlineData(3, PoemBand.Mild)]
    [InlineData(7, PoemBand.Mild)]
    [InlineData(8, PoemBand.Moderate)]
    [InlineData(16, PoemBand.Moderate)]
    [InlineData(17, PoemBand.Severe)]
    [InlineData(24, PoemBand.Severe)]
    [InlineData(25, PoemBand.VerySevere)]
    [InlineData(28, PoemBand.VerySevere)]
    public void Score_band_edges_from_answers(int total, PoemBand expected)
    {
        var answers = new int?[7];
        var left = total;
        for (var q = 0; q < 7; q++)
        {
            answers[q] = Math.Min(4, left);
            left -= answers[q]!.Value;
        }

        var score = PoemScorer.Score(answers);

        Assert.Equal(total, score.Total);
        Assert.Equal(expected, score.Band);
    }

    [Fact]
    public void Score_one_missing_scores_it_0()
    {
        // §4.8: one unanswered → 0 and total out of 28 as usual: 2+1+0+2+3+4 = 12 (question 1 missing).
        var score = PoemScorer.Score([null, 2, 1, 0, 2, 3, 4]);

        Assert.Equal(12, score.Total);
        Assert.Equal(PoemBand.Moderate, score.Band);
        Assert.Null(score.MissingReason);
    }

    [Fact]
    public void Score_two_missing_is_not_scored()
    {
        // §4.8: ≥ 2 unanswered → not scored.
        var score = PoemScorer.Score([null, 2, 1, null, 2, 3, 4]);

        Assert.Null(score.Total);
        Assert.Null(score.Band);
        Assert.NotNull(score.MissingReason);
        Assert.Contains("(1, 4)", score.MissingReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void Score_answer_outside_0_to_4_is_rejected(int answer)
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => PoemScorer.Score([4, 2, answer, 0, 2, 3, 4]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("answers[2]", error.Field);
        Assert.Contains("0–4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_several_wrong_answers_are_reported_together()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => PoemScorer.Score([5, 2, 1, 0, 2, 3, 9]));

        Assert.Equal(["answers[0]", "answers[6]"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Score_six_answers_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => PoemScorer.Score([4, 2, 1, 0, 2, 3]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("answers", error.Field);
        Assert.Contains("exactly 7", error.Message, StringComparison.Ordinal);
    }
}
