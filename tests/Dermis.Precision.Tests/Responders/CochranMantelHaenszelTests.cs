using Dermis.Precision.Responders;

namespace Dermis.Precision.Tests.Responders;

// Reference: Fixtures/cmh.csv from Fixtures/make_fixtures.R — stats::mantelhaen.test (exact = FALSE, correct = TRUE/FALSE)
// on five 2×2×K tables (R's Rabbits example with two zero-margin strata, UCBAdmissions, an unequal-strata dermatology table,
// a heterogeneous-OR table, two small strata); Breslow–Day with Tarone's correction from breslow_day() written in that script.
// Tolerances: statistics and odds ratios 1e-6 relative (+1e-12 absolute), p-values 1e-4 relative (+1e-12 absolute).
public sealed class CochranMantelHaenszelTests
{
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var row in Fixture.Read("Responders", "cmh.csv"))
        {
            data.Add(row["dataset"], row["correct"] == "TRUE");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_RFixture_MatchesMantelhaenTestAndBreslowDay(string dataset, bool correct)
    {
        var row = Fixture.Read("Responders", "cmh.csv").Single(r => r["dataset"] == dataset && (r["correct"] == "TRUE") == correct);
        var result = CochranMantelHaenszel.Test(Fixture.Strata(row["strata"]), correct);

        Fixture.Near(row.Number("statistic"), result.Statistic, 1e-6, 1e-12, "statistic");
        Assert.Equal(1, result.DegreesOfFreedom);
        Fixture.Near(row.Number("p"), result.P, 1e-4, 1e-12, "p");
        Fixture.Near(row.Number("odds_ratio"), result.CommonOddsRatio, 1e-6, 1e-12, "odds ratio");
        Fixture.Near(row.Number("or_lower"), result.OddsRatioLower, 1e-6, 1e-12, "OR lower");
        Fixture.Near(row.Number("or_upper"), result.OddsRatioUpper, 1e-6, 1e-12, "OR upper");
        Fixture.Near(row.Number("breslow_day"), result.BreslowDayStatistic, 1e-6, 1e-10, "Breslow-Day");
        Fixture.Near(row.Number("breslow_day_p"), result.BreslowDayP, 1e-4, 1e-12, "Breslow-Day p");
        Assert.Equal((int)row.Number("breslow_day_df"), result.BreslowDayDegreesOfFreedom);
    }

    [Fact]
    public void Test_RabbitsExample_MatchesPublishedRHelpOutput()
    {
        // ?mantelhaen.test prints for the Rabbits data: Mantel-Haenszel X-squared = 3.9286, df = 1, p-value = 0.04747,
        // common odds ratio 7, 95 % CI 1.026713 to 47.725133 (4 to 7 significant digits as printed).
        var strata = Fixture.Strata("0 6 0 5|3 6 0 6|6 6 2 6|5 6 6 6|2 2 5 5");
        var result = CochranMantelHaenszel.Test(strata);
        Fixture.Near(3.9286, result.Statistic, 0, 5e-5, "statistic");
        Fixture.Near(0.04747, result.P, 0, 5e-6, "p");
        Fixture.Near(7.0, result.CommonOddsRatio, 1e-12, 0, "OR");
        Fixture.Near(1.026713, result.OddsRatioLower, 0, 5e-7, "lower");
        Fixture.Near(47.725133, result.OddsRatioUpper, 0, 5e-6, "upper");
        Assert.Equal(3, result.InformativeStrata);
    }

    [Fact]
    public void Test_SingleStratumHandComputed_MatchesClosedForm()
    {
        // 2×2: a = 30/50 treated, c = 10/50 control. E[a] = 50·40/100 = 20; V = 50·50·40·60/(100²·99) = 6.060606…;
        // uncorrected χ² = (30 − 20)² / V = 16.5; OR = (30·40)/(20·10) = 6.
        var result = CochranMantelHaenszel.Test([new StratumCounts("all", 30, 50, 10, 50)], continuityCorrection: false);
        Fixture.Near(16.5, result.Statistic, 1e-12, 0, "statistic");
        Fixture.Near(6.0, result.CommonOddsRatio, 1e-12, 0, "OR");
        Assert.True(double.IsNaN(result.BreslowDayStatistic), "one stratum has no homogeneity test");
    }

    [Fact]
    public void Test_ZeroMarginStrataAdded_ResultUnchanged()
    {
        var strata = Fixture.Strata("31 62 9 60|12 21 4 23|48 110 17 104|5 8 1 9");
        var padded = strata.Concat([new StratumCounts("empty-control", 3, 4, 0, 0), new StratumCounts("all-respond", 2, 2, 3, 3), new StratumCounts("one", 0, 1, 0, 0)]).ToList();
        var a = CochranMantelHaenszel.Test(strata);
        var b = CochranMantelHaenszel.Test(padded);
        Assert.Equal(a.Statistic, b.Statistic, 12);
        Assert.Equal(a.CommonOddsRatio, b.CommonOddsRatio, 12);
        Assert.Equal(a.BreslowDayStatistic, b.BreslowDayStatistic, 10);
        Assert.Equal(4, b.InformativeStrata);
    }

    [Fact]
    public void Test_NoInformativeStratum_ThrowsNamingStrata()
    {
        var ex = Assert.Throws<ArgumentException>(() => CochranMantelHaenszel.Test([new StratumCounts("a", 0, 5, 0, 5)]));
        Assert.Equal("strata", ex.ParamName);
        Assert.Contains("zero margin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_RespondersAboveTotal_ThrowsNamingFieldAndRange()
    {
        var ex = Assert.Throws<ArgumentException>(() => CochranMantelHaenszel.Test([new StratumCounts("EU", 7, 5, 1, 5)]));
        Assert.Contains("RespondersTreated = 7", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0–5", ex.Message, StringComparison.Ordinal);
    }
}
