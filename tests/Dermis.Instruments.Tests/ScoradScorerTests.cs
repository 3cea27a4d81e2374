using Dermis.Instruments.Scorad;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

public sealed class ScoradScorerTests
{
    // Worked example of instruments.md §4.4: B = 2+2+1+2+1+2 = 10.
    private static readonly ScoradIntensity WorkedIntensity = new(2, 2, 1, 2, 1, 2);

    private static ScoradIntensity IntensitySum(int sum)
    {
        // Spread a sum 0–18 over the six items, at most 3 each.
        var items = new int[6];
        for (var i = 0; i < 6; i++)
        {
            items[i] = Math.Min(3, sum);
            sum -= items[i];
        }

        return new ScoradIntensity(items[0], items[1], items[2], items[3], items[4], items[5]);
    }

    [Fact]
    public void Score_worked_example_is_54_2_with_objective_42_2_severe()
    {
        // instruments.md §4.4: A = 36, B = 10, C = 7 + 5 → 36/5 + 7×10/2 + 12 = 7.2 + 35 + 12 = 54.2; oSCORAD 42.2.
        var score = ScoradScorer.Score(new ScoradInput(36m, WorkedIntensity, 7m, 5m));

        Assert.Equal(54.2m, score.Total);
        Assert.Equal(42.2m, score.Objective);
        Assert.Equal(ScoradBand.Severe, score.Band);
        Assert.Equal("scorad", score.Instrument.Id);
    }

    [Fact]
    public void Score_objective_only_worked_example_is_42_2_severe()
    {
        // instruments.md §4.4: oSCORAD = 7.2 + 35 = 42.2 > 40 → severe.
        var score = ScoradScorer.Score(new ScoradInput(36m, WorkedIntensity, null, null));

        Assert.Null(score.Total);
        Assert.Equal(42.2m, score.Objective);
        Assert.Equal(ScoradBand.Severe, score.Band);
        Assert.Equal("oscorad", score.Instrument.Id);
    }

    [Theory]
    // Bands (§4.4): < 25 mild, 25–50 moderate, > 50 severe.
    // A=0, B=4 (14): C = 5.9 + 5 = 10.9 → 24.9; C = 6 + 5 = 11 → 25.
    [InlineData(0, 4, 5.9, 5, 24.9, ScoradBand.Mild)]
    [InlineData(0, 4, 6, 5, 25, ScoradBand.Moderate)]
    // A=0, B=10 (35): C = 10 + 5 = 15 → 50; A = 0.5 (0.1) → 50.1.
    [InlineData(0, 10, 10, 5, 50, ScoradBand.Moderate)]
    [InlineData(0.5, 10, 10, 5, 50.1, ScoradBand.Severe)]
    public void Score_band_edges(double extent, int intensity, double pruritus, double sleeplessness, double expectedTotal, ScoradBand expected)
    {
        var score = ScoradScorer.Score(new ScoradInput((decimal)extent, IntensitySum(intensity), (decimal)pruritus, (decimal)sleeplessness));

        Assert.Equal((decimal)expectedTotal, score.Total);
        Assert.Equal(expected, score.Band);
    }

    [Theory]
    // oSCORAD bands (§4.4): < 15 mild, 15–40 moderate, > 40 severe.
    // B=4 (14): A = 4.5 → 0.9 → 14.9; A = 5 → 1 → 15. B=10 (35): A = 25 → 5 → 40; A = 25.5 → 5.1 → 40.1.
    [InlineData(4.5, 4, 14.9, ScoradBand.Mild)]
    [InlineData(5, 4, 15, ScoradBand.Moderate)]
    [InlineData(25, 10, 40, ScoradBand.Moderate)]
    [InlineData(25.5, 10, 40.1, ScoradBand.Severe)]
    public void Score_objective_band_edges(double extent, int intensity, double expectedObjective, ScoradBand expected)
    {
        var score = ScoradScorer.Score(new ScoradInput((decimal)extent, IntensitySum(intensity), null, null));

        Assert.Equal((decimal)expectedObjective, score.Objective);
        Assert.Equal(expected, score.Band);
    }

    [Fact]
    public void Score_maximum_is_103_and_objective_83()
    {
        // §4.4: 100/5 + 7×18/2 + 10 + 10 = 20 + 63 + 20 = 103; objective 83.
        var score = ScoradScorer.Score(new ScoradInput(100m, new ScoradIntensity(3, 3, 3, 3, 3, 3), 10m, 10m));

        Assert.Equal(103m, score.Total);
        Assert.Equal(83m, score.Objective);
    }

    [Fact]
    public void Score_decimal_vas_and_odd_intensity_are_exact()
    {
        // A = 33 → 6.6; B = 7 → 24.5; C = 2.3 + 1.45 = 3.75 → 34.85 (moderate).
        var score = ScoradScorer.Score(new ScoradInput(33m, IntensitySum(7), 2.3m, 1.45m));

        Assert.Equal(34.85m, score.Total);
        Assert.Equal(31.1m, score.Objective);
        Assert.Equal(ScoradBand.Moderate, score.Band);
    }

    [Fact]
    public void Score_negative_pruritus_vas_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => ScoradScorer.Score(new ScoradInput(36m, WorkedIntensity, -1m, 5m)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("pruritusVas", error.Field);
        Assert.Contains("0 to 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_only_one_vas_requires_the_other()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => ScoradScorer.Score(new ScoradInput(36m, WorkedIntensity, 7m, null)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("sleeplessnessVas", error.Field);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_several_out_of_range_values_are_reported_together()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            ScoradScorer.Score(new ScoradInput(101m, new ScoradIntensity(4, 2, 1, 2, 1, -1), 7m, 10.5m)));

        Assert.Equal(["extentPercent", "intensity.erythema", "intensity.dryness", "sleeplessnessVas"], ex.Errors.Select(e => e.Field));
    }
}
