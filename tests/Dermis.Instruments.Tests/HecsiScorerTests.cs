using Dermis.Instruments.Hecsi;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

public sealed class HecsiScorerTests
{
    private static readonly HecsiLocation Clear = HecsiLocation.Clear;

    // Worked example of instruments.md §4.6.
    private static readonly HecsiInput WorkedExample = new(
        new HecsiLocation(1, 1, 0, 2, 1, 0, 2),
        new HecsiLocation(2, 1, 1, 1, 2, 0, 3),
        new HecsiLocation(2, 2, 2, 1, 2, 1, 2),
        new HecsiLocation(1, 1, 0, 0, 1, 0, 1),
        Clear);

    [Fact]
    public void Score_worked_example_is_54_severe()
    {
        // instruments.md §4.6: 5×2 = 10; 7×3 = 21; 10×2 = 20; 3×1 = 3; wrists 0 → 54 (severe).
        var score = HecsiScorer.Score(WorkedExample);

        Assert.Equal(54, score.Total);
        Assert.Equal(HecsiBand.Severe, score.Band);
        Assert.Equal("hecsi", score.Instrument.Id);
    }

    [Fact]
    public void Score_all_maximum_is_360_verySevere()
    {
        // §4.6: 18 × 4 × 5 locations = 360.
        var max = new HecsiLocation(3, 3, 3, 3, 3, 3, 4);
        var score = HecsiScorer.Score(new HecsiInput(max, max, max, max, max));

        Assert.Equal(360, score.Total);
        Assert.Equal(HecsiBand.VerySevere, score.Band);
    }

    [Theory]
    // Oosterhaven bands (§4.6): clear 0, almost clear 1–16, moderate 17–37, severe 38–116, very severe ≥ 117.
    [InlineData(0, HecsiBand.Clear)]
    [InlineData(1, HecsiBand.AlmostClear)]
    [InlineData(16, HecsiBand.AlmostClear)]
    [InlineData(17, HecsiBand.Moderate)]
    [InlineData(37, HecsiBand.Moderate)]
    [InlineData(38, HecsiBand.Severe)]
    [InlineData(116, HecsiBand.Severe)]
    [InlineData(117, HecsiBand.VerySevere)]
    [InlineData(360, HecsiBand.VerySevere)]
    public void BandOf_edges(int total, HecsiBand expected)
    {
        Assert.Equal(expected, HecsiScorer.BandOf(total));
    }

    [Theory]
    // Sums × extents built to land on the edges: 16 = 8×2; 17 = 17×1; 37 = 18×2 + 1×1; 38 = 18×2 + 2×1;
    // 116 = 18×4 + 11×4; 117 = 18×4 + 15×3.
    [InlineData(8, 2, 0, 0, 16, HecsiBand.AlmostClear)]
    [InlineData(17, 1, 0, 0, 17, HecsiBand.Moderate)]
    [InlineData(18, 2, 1, 1, 37, HecsiBand.Moderate)]
    [InlineData(18, 2, 2, 1, 38, HecsiBand.Severe)]
    [InlineData(18, 4, 11, 4, 116, HecsiBand.Severe)]
    [InlineData(18, 4, 15, 3, 117, HecsiBand.VerySevere)]
    public void Score_band_edges_from_graded_locations(int sum1, int extent1, int sum2, int extent2, int expectedTotal, HecsiBand expected)
    {
        var score = HecsiScorer.Score(new HecsiInput(Location(sum1, extent1), Location(sum2, extent2), Clear, Clear, Clear));

        Assert.Equal(expectedTotal, score.Total);
        Assert.Equal(expected, score.Band);
    }

    [Fact]
    public void Score_extent_5_is_rejected()
    {
        // §4.6: extent 0–4.
        var wrists = new HecsiLocation(1, 0, 0, 0, 0, 0, 5);
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            HecsiScorer.Score(WorkedExample with { Wrists = wrists }));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("locations.wrists.extent", error.Field);
        Assert.Contains("0–4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_sign_4_is_rejected()
    {
        var palms = new HecsiLocation(2, 2, 4, 1, 2, 1, 2);
        var ex = Assert.Throws<InstrumentValidationException>(() => HecsiScorer.Score(WorkedExample with { Palms = palms }));

        Assert.Equal("locations.palms.vesicles", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_signs_with_extent_0_are_rejected()
    {
        var wrists = new HecsiLocation(0, 0, 0, 0, 1, 0, 0);
        var ex = Assert.Throws<InstrumentValidationException>(() => HecsiScorer.Score(WorkedExample with { Wrists = wrists }));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("locations.wrists", error.Field);
        Assert.Contains("extent 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_several_errors_are_reported_together()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => HecsiScorer.Score(WorkedExample with
        {
            Fingertips = new HecsiLocation(-1, 1, 0, 2, 1, 0, 2),
            Backs = new HecsiLocation(1, 1, 0, 0, 1, 0, 5),
        }));

        Assert.Equal(["locations.fingertips.erythema", "locations.backs.extent"], ex.Errors.Select(e => e.Field));
    }

    private static HecsiLocation Location(int sum, int extent)
    {
        var items = new int[6];
        for (var i = 0; i < 6; i++)
        {
            items[i] = Math.Min(3, sum);
            sum -= items[i];
        }

        return new HecsiLocation(items[0], items[1], items[2], items[3], items[4], items[5], extent);
    }
}
