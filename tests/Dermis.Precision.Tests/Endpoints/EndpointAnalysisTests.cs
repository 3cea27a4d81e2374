using Dermis.Precision.Endpoints;
using Dermis.Precision.Reporting;
using Dermis.Precision.Responders;

namespace Dermis.Precision.Tests.Endpoints;

/// <summary>
/// The study-level analysis on a hand-made trial of 20 participants in two strata. Responder counts
/// are counted by hand below; the CMH and ANCOVA figures are R 4.2's on the same numbers:
/// <code>
/// mantelhaen.test(array(c(3,1,3,4, 2,0,2,5), dim = c(2,2,2)))   # rows active/placebo, columns responder/non, strata EU/NA
/// d &lt;- data.frame(...the 18 observed week-16 rows below...); d$pct &lt;- 100*(d$w16-d$base)/d$base
/// lm(pct ~ base + arm + region, data = d)   # arm: placebo reference
/// </code>
/// </summary>
public sealed class EndpointAnalysisTests
{
    private static readonly AnalysisVisit Week4 = new("week4", "Week 4", 29);
    private static readonly AnalysisVisit Week16 = new("week16", "Week 16", 113);

    /// <summary>(subject, arm, region, baseline EASI, week-16 EASI or null, discontinued on day).</summary>
    private static readonly (string Subject, string Arm, string Region, decimal Baseline, decimal? Week16, int? Discontinued)[] People =
    [
        // EU active: EASI-75 for T1 (80 %), T2 (exactly 75 %), T3 (24.4 → 6.1, exactly 75 %); T4 50 %; T5 missing; T6 25 %: 3 of 6.
        ("T1", "active", "EU", 20m, 4m, null), ("T2", "active", "EU", 30m, 7.5m, null), ("T3", "active", "EU", 24.4m, 6.1m, null),
        ("T4", "active", "EU", 20m, 10m, null), ("T5", "active", "EU", 40m, null, null), ("T6", "active", "EU", 16m, 12m, null),
        // EU placebo: C1 76 % only: 1 of 5.
        ("C1", "placebo", "EU", 20m, 4.8m, null), ("C2", "placebo", "EU", 30m, 25m, null), ("C3", "placebo", "EU", 22m, 20m, null),
        ("C4", "placebo", "EU", 18m, 19m, null), ("C5", "placebo", "EU", 25m, 15m, null),
        // NA active: T7 (exactly 75 %), T8: 2 of 4; T10 withdrew on day 60.
        ("T7", "active", "NA", 32m, 8m, null), ("T8", "active", "NA", 28m, 2m, null), ("T9", "active", "NA", 20m, 15m, null), ("T10", "active", "NA", 36m, null, 60),
        // NA placebo: none of 5.
        ("C6", "placebo", "NA", 20m, 18m, null), ("C7", "placebo", "NA", 26m, 26m, null), ("C8", "placebo", "NA", 30m, 20m, null),
        ("C9", "placebo", "NA", 17m, 16m, null), ("C10", "placebo", "NA", 40m, 35m, null),
    ];

    internal static EndpointDataset Dataset()
    {
        var participants = People.Select(p =>
        {
            var visits = new List<EndpointVisitValues>
            {
                // Week 4 half-way to week 16 (or 10 % better when week 16 is missing), so the MMRM has two visits.
                new("week4", new EndpointValues(p.Week16 is { } w ? (p.Baseline + w) / 2 : p.Baseline * 0.9m, null, null, null)),
            };
            if (p.Week16 is { } week16)
            {
                visits.Add(new EndpointVisitValues("week16", new EndpointValues(week16, null, null, null)));
            }

            return new EndpointParticipant(p.Subject, "DE01", p.Arm, [p.Region], new EndpointValues(p.Baseline, null, null, null), p.Discontinued, visits);
        }).ToList();
        return new EndpointDataset("DERM-T", [Week4, Week16], ["region"], "active", "placebo", participants);
    }

    [Fact]
    public void Run_easi75_at_week16_under_nri_counts_by_hand_and_matches_R_mantelhaen()
    {
        var results = EndpointAnalysis.Run(Dataset());

        Assert.Equal("week16", results.PrimaryVisit);
        var easi75 = results.Responders.Single(r => r.Endpoint == ResponderEndpoint.Easi75 && r.Visit == "week16" && r.Rule == IntercurrentEventRule.NonResponderImputation);
        var active = easi75.Arms.Single(a => a.Arm == "active");
        var placebo = easi75.Arms.Single(a => a.Arm == "placebo");
        Assert.Equal((5, 10), (active.Responders, active.Evaluable));
        Assert.Equal((1, 10), (placebo.Responders, placebo.Evaluable));
        var cmh = easi75.Cmh!;
        Assert.Equal(1.81377389256273, cmh.Statistic, 1e-9);
        Assert.Equal(0.178056178301392, cmh.P, 1e-9);
        Assert.Equal(8.07407407407407, cmh.CommonOddsRatio, 1e-9);
        Assert.Equal(0.727634079178034, cmh.OddsRatioLower, 1e-9);
        Assert.Equal(89.592659303804581, cmh.OddsRatioUpper, 1e-7);
    }

    [Fact]
    public void Run_as_observed_leaves_out_the_missing_and_the_withdrawn()
    {
        var results = EndpointAnalysis.Run(Dataset());

        var easi75 = results.Responders.Single(r => r.Endpoint == ResponderEndpoint.Easi75 && r.Visit == "week16" && r.Rule == IntercurrentEventRule.AsObserved);
        // T5 (missing) and T10 (withdrawn, missing) leave the active arm: 5 of 8.
        Assert.Equal((5, 8), (easi75.Arms.Single(a => a.Arm == "active").Responders, easi75.Arms.Single(a => a.Arm == "active").Evaluable));
        Assert.Equal((1, 10), (easi75.Arms.Single(a => a.Arm == "placebo").Responders, easi75.Arms.Single(a => a.Arm == "placebo").Evaluable));
    }

    [Fact]
    public void Run_ancova_of_easi_percent_change_at_week16_matches_R_lm()
    {
        var results = EndpointAnalysis.Run(Dataset());

        var easi = results.Continuous.Single(c => c.Endpoint == "EASI percent change");
        Assert.Null(easi.AncovaProblem);
        var contrast = easi.Ancova!.Contrasts.Single();
        Assert.Equal(-42.26572353209815, contrast.Estimate, 1e-8);
        Assert.Equal(11.75669393137213, contrast.StandardError, 1e-8);
        Assert.Equal(0.00292718008630278, contrast.P, 1e-6);
        Assert.Equal(14, easi.Ancova.ResidualDegreesOfFreedom);
        Assert.NotNull(easi.Mmrm);
        Assert.Equal(20, easi.Mmrm!.Subjects);
    }

    [Fact]
    public void Run_unknown_primary_visit_names_the_allowed_visits()
    {
        var e = Assert.Throws<ArgumentException>(() => EndpointAnalysis.Run(Dataset(), new EndpointAnalysisOptions { PrimaryVisit = "week99" }));

        Assert.StartsWith("primaryVisit: 'week99' is not an analysis visit; allowed: week4, week16.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_and_report_carry_the_primary_comparison()
    {
        var results = EndpointAnalysis.Run(Dataset());

        var responders = EndpointTables.Responders(results).Split("\r\n");
        Assert.StartsWith("EASI-75,week16,NRI,active,5,10,0.5,1.813773892562", responders.Single(l => l.StartsWith("EASI-75,week16,NRI,active,", StringComparison.Ordinal)), StringComparison.Ordinal);
        using var html = new StringWriter();
        EndpointReportHtml.Write(results, html);
        var text = html.ToString();
        // One forest-plot row per responder endpoint (EASI-50/75/90) and per continuous model (MMRM, ANCOVA).
        Assert.Equal(5, CountOf(text, "class=\"estimate\""));
        Assert.Contains("5/10 (50.0 %)", text, StringComparison.Ordinal);
        Assert.Contains("1/10 (10.0 %)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 10, 0.236593090512564, 0.763406909487436)]
    [InlineData(0, 10, 0, 0.277532799862889)]
    public void Wilson_interval_matches_R_prop_test_without_correction(int successes, int n, double lower, double upper)
    {
        // R: prop.test(5, 10, correct = FALSE)$conf.int; prop.test(0, 10, correct = FALSE)$conf.int
        var (l, u) = EndpointReportHtml.Wilson(successes, n);

        Assert.Equal(lower, l, 1e-9);
        Assert.Equal(upper, u, 1e-9);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
