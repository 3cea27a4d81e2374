using Dermis.Instruments.Gppga;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

public sealed class GppgaScorerTests
{
    [Theory]
    // GPPGA (Burden 2022, as in the brief): 0 when all 0; 1 when 0 < mean < 1.5; 2 when 1.5 ≤ mean < 2.5;
    // 3 when 2.5 ≤ mean < 3.5; 4 when mean ≥ 3.5. Mean = sum / 3.
    [InlineData(0, 0, 0, 0)]        // sum 0
    [InlineData(1, 0, 0, 1)]        // mean 0.333
    [InlineData(1, 1, 2, 1)]        // mean 4/3 = 1.333 < 1.5
    [InlineData(2, 2, 1, 2)]        // mean 5/3 = 1.667 ≥ 1.5
    [InlineData(2, 2, 3, 2)]        // mean 7/3 = 2.333 < 2.5
    [InlineData(3, 3, 2, 3)]        // mean 8/3 = 2.667 ≥ 2.5
    [InlineData(4, 3, 3, 3)]        // mean 10/3 = 3.333 < 3.5
    [InlineData(4, 4, 3, 4)]        // mean 11/3 = 3.667 ≥ 3.5
    [InlineData(4, 4, 4, 4)]        // mean 4
    [InlineData(0, 4, 0, 1)]        // mean 1.333: pustules alone cannot lift it to 2
    public void Score_total_from_composite_mean(int erythema, int pustules, int scaling, int expected)
    {
        var score = GppgaScorer.Score(erythema, pustules, scaling);

        Assert.Equal(expected, score.Total);
        Assert.Equal(pustules, score.Pustules);
        Assert.Equal("gppga", score.Instrument.Id);
    }

    [Fact]
    public void Score_composite_mean_is_unrounded()
    {
        // (1 + 1 + 2) / 3 = 4/3 and (2 + 2 + 1) / 3 = 5/3.
        Assert.Equal(4m / 3m, GppgaScorer.Score(1, 1, 2).CompositeMean);
        Assert.Equal(5m / 3m, GppgaScorer.Score(2, 2, 1).CompositeMean);
        Assert.Equal(1.3333m, Math.Round(GppgaScorer.Score(1, 1, 2).CompositeMean, 4));
        Assert.Equal(1.6667m, Math.Round(GppgaScorer.Score(2, 2, 1).CompositeMean, 4));
    }

    [Fact]
    public void Score_every_combination_matches_mean_thresholds()
    {
        // Independent recomputation from the mean thresholds (not the sum shortcut) over all 125 inputs.
        for (var e = 0; e <= 4; e++)
        {
            for (var p = 0; p <= 4; p++)
            {
                for (var s = 0; s <= 4; s++)
                {
                    var mean = (e + p + s) / 3m;
                    var expected = e + p + s == 0 ? 0 : mean < 1.5m ? 1 : mean < 2.5m ? 2 : mean < 3.5m ? 3 : 4;
                    Assert.Equal(expected, GppgaScorer.Score(e, p, s).Total);
                }
            }
        }
    }

    [Fact]
    public void Score_erythema_5_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => GppgaScorer.Score(5, 1, 1));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("erythema", error.Field);
        Assert.Contains("0–4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_several_out_of_range_components_are_reported_together()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => GppgaScorer.Score(1, -1, 5));

        Assert.Equal(["pustules", "scaling"], ex.Errors.Select(e => e.Field));
    }
}
