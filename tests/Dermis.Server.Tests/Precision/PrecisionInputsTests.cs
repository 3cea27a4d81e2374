using Dermis.Precision.Endpoints;
using Dermis.Server.Precision;

namespace Dermis.Server.Tests.Precision;

/// <summary>The model inputs built from a study, on three participants whose every feature is worked out by hand below.</summary>
public sealed class PrecisionInputsTests
{
    private static readonly AnalysisVisit Week16 = new("week16", "Week 16", 113);
    private static readonly AnalysisVisit Week52 = new("week52", "Week 52", 365);

    private static EndpointDataset Dataset() => new("DERM-T", [Week16, Week52], ["region"], "active", "placebo",
    [
        // P1: EASI 20 → 4 at week 16 (80 %: EASI-75), vIGA 3 → 1 (IGA 0/1), itch 6 → 1 (≥ 4 points); EASI 5 at week 52 (exactly 75 %).
        new("P1", "DE01", "active", ["EU"], new EndpointValues(20m, 3m, 6m, null), null,
            [new("week16", new EndpointValues(4m, 1m, 1m, null)), new("week52", new EndpointValues(5m, 1m, 1m, null))]),
        // P2: EASI 30 → 27 (−10 %), vIGA 4 → 4, itch baseline 3 (under 4: not evaluable); withdrew on day 200, so week 52 is a known non-response.
        new("P2", "DE01", "placebo", ["NA"], new EndpointValues(30m, 4m, 3m, null), 200,
            [new("week16", new EndpointValues(27m, 4m, 2m, null))]),
        // P3: no data after baseline and still on study: the week-52 outcome is unknown, so P3 is left out.
        new("P3", "DE01", "active", ["EU"], new EndpointValues(25m, 3m, 7m, null), null, []),
    ]);

    private static Dictionary<string, ParticipantFeatures> Features() => new()
    {
        // Baseline nights are days −14…7: days −3 and 5 → scratch (100 + 200) / 2 = 150 s/h, sleep efficiency (80 + 90) / 2 = 85 %.
        ["P1"] = new ParticipantFeatures([(-3, 100, 80), (5, 200, 90), (120, 50, 95)], [(1, new Dictionary<string, double> { ["B cells"] = 0.1, ["T cells"] = 0.9 })]),
    };

    [Fact]
    public void EarlyResponse_features_and_outcomes_are_the_hand_computed_ones()
    {
        var rows = PrecisionInputs.EarlyResponse(Dataset(), Features(), "week16", "week52");

        Assert.Equal(["P1", "P2"], rows.Select(r => r.Subject));
        var p1 = rows[0].Features;
        Assert.True(rows[0].Outcome);
        Assert.Equal(1, p1[PrecisionInputs.Treated]);
        Assert.Equal(1, p1[PrecisionInputs.EarlyEasi75]);
        Assert.Equal(-80, p1[PrecisionInputs.EarlyEasiChange]);
        Assert.Equal(1, p1[PrecisionInputs.EarlyIga]);
        Assert.Equal(1, p1[PrecisionInputs.EarlyItch]);
        Assert.Equal(20, p1[PrecisionInputs.BaselineEasi]);
        Assert.Equal(150, p1[PrecisionInputs.BaselineScratch]);
        Assert.Equal(85, p1[PrecisionInputs.BaselineSleepEfficiency]);
        Assert.Equal(0.1, p1[PrecisionInputs.CellPrefix + "B cells"]);
        var p2 = rows[1].Features;
        Assert.False(rows[1].Outcome);
        Assert.Equal(0, p2[PrecisionInputs.Treated]);
        Assert.Equal(0, p2[PrecisionInputs.EarlyEasi75]);
        Assert.Equal(-10, p2[PrecisionInputs.EarlyEasiChange]);
        Assert.Equal(0, p2[PrecisionInputs.EarlyIga]);
        Assert.Null(p2[PrecisionInputs.EarlyItch]);
        Assert.Null(p2[PrecisionInputs.BaselineScratch]);
    }

    [Fact]
    public void UsableFeatures_drop_constant_and_rarely_measured_ones()
    {
        var rows = PrecisionInputs.EarlyResponse(Dataset(), Features(), "week16", "week52");

        // Measured in both and varying: treated, EASI-75, EASI change, IGA, baseline EASI/vIGA/itch. Scratch, sleep and cells are
        // measured in 1 of 2 (not the 2 a feature needs at least); itch ≥ 4 only in P1.
        Assert.Equal(
            // (in ordinal order of the names)
            [PrecisionInputs.EarlyEasiChange, PrecisionInputs.EarlyEasi75, PrecisionInputs.EarlyIga, PrecisionInputs.BaselineEasi, PrecisionInputs.BaselineItch, PrecisionInputs.BaselineViga, PrecisionInputs.Treated],
            PrecisionInputs.UsableFeatures(rows.Select(r => r.Features)));
    }

    [Fact]
    public void Biomarkers_pair_the_week_before_each_visit_and_the_nearest_visit_of_a_sample()
    {
        var pairs = PrecisionInputs.Biomarkers(Dataset(), Features());

        // Scratch: only the 7 nights before day 1 hold a night (day −3: 100 s/h); days 106–112 and 358–364 hold none.
        var scratch = Assert.Single(pairs[("nightly scratch s/h", "EASI")]);
        Assert.Equal(("P1", 1.0, 100.0, 20.0), (scratch.Subject, scratch.Time, scratch.Biomarker, scratch.Outcome));
        // The day-1 sample pairs with the baseline: EASI 20, itch 6.
        Assert.Equal(0.9, Assert.Single(pairs[("cells: T cells", "EASI")]).Biomarker);
        Assert.Equal(6.0, Assert.Single(pairs[("cells: B cells", "itch NRS")]).Outcome);
    }
}
