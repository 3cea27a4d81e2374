using Dermis.Instruments.Scoring;
using Dermis.Instruments.Viga;

namespace Dermis.Instruments.Tests;

public sealed class VigaScorerTests
{
    [Theory]
    // instruments.md §4.5 test vectors: 3 → 1 responder; 4 → 1 responder; 2 → 1 non-responder (one grade only).
    [InlineData(3, 1, true)]
    [InlineData(4, 1, true)]
    [InlineData(2, 1, false)]
    // IGA 0/1 requires current 0 or 1: 3 → 2 is a 1-grade drop to mild; 4 → 2 drops 2 grades but stays at mild.
    [InlineData(3, 2, false)]
    [InlineData(4, 2, false)]
    // Clear with ≥ 2 grades reduction: 2 → 0, 4 → 0 are responders; 1 → 0 is only 1 grade.
    [InlineData(2, 0, true)]
    [InlineData(4, 0, true)]
    [InlineData(1, 0, false)]
    // Worsening or unchanged.
    [InlineData(1, 1, false)]
    [InlineData(0, 1, false)]
    public void Score_responder_is_grade_0_or_1_with_two_grade_reduction(int baseline, int current, bool expected)
    {
        var score = VigaScorer.Score(baseline, current);

        Assert.Equal(expected, score.Responder);
        Assert.Equal((VigaGrade)current, score.Grade);
        Assert.Equal((VigaGrade)baseline, score.Baseline);
        Assert.Equal(expected, VigaScorer.IsResponder(baseline, current));
    }

    [Theory]
    [InlineData(0, VigaGrade.Clear)]
    [InlineData(1, VigaGrade.AlmostClear)]
    [InlineData(2, VigaGrade.Mild)]
    [InlineData(3, VigaGrade.Moderate)]
    [InlineData(4, VigaGrade.Severe)]
    public void Score_grade_alone_has_label_and_no_response(int grade, VigaGrade expected)
    {
        // instruments.md §4.5: 0 clear, 1 almost clear, 2 mild, 3 moderate, 4 severe.
        var score = VigaScorer.Score(grade);

        Assert.Equal(expected, score.Grade);
        Assert.Null(score.Responder);
        Assert.Null(score.Baseline);
        Assert.Equal("viga", score.Instrument.Id);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void Score_grade_outside_0_to_4_is_rejected(int grade)
    {
        // §4.5: 5-point scale 0–4 (the 6-point IGA with grade 5 is a different instrument).
        var ex = Assert.Throws<InstrumentValidationException>(() => VigaScorer.Score(grade));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("grade", error.Field);
        Assert.Contains("0–4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_baseline_5_and_current_minus_1_are_both_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => VigaScorer.Score(5, -1));

        Assert.Equal(["baseline", "current"], ex.Errors.Select(e => e.Field));
    }
}
