using Dermis.Precision.Responders;

namespace Dermis.Precision.Tests.Responders;

// References: (1) Newcombe RG (1998) Stat Med 17:873–890, Table II, method 6 (Miettinen–Nurminen score interval), 95 %,
// printed to 4 decimals — NB: method 10 in that table is Newcombe's hybrid score interval, not MN. (2) Fixtures/mn_*.csv
// from the independent R implementation in Fixtures/make_fixtures.R (uniroot on the MN score with the FM cubic), which
// itself reproduces (1) before writing. Tolerances: estimates and limits 1e-6 relative + 1e-9 absolute; p 1e-4 relative + 1e-12.
public sealed class MiettinenNurminenTests
{
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0528, 0.3382)]
    [InlineData(9, 10, 3, 10, 0.1700, 0.8406)]
    [InlineData(6, 7, 2, 7, 0.0342, 0.8534)]
    [InlineData(5, 56, 0, 29, -0.0326, 0.1933)]
    [InlineData(0, 10, 0, 20, -0.1658, 0.2844)]
    [InlineData(0, 10, 0, 10, -0.2879, 0.2879)]
    [InlineData(10, 10, 0, 20, 0.7156, 1.0000)]
    [InlineData(10, 10, 0, 10, 0.6636, 1.0000)]
    public void Unstratified_Newcombe1998TableII_MatchesMethod6To4Decimals(int x1, int n1, int x0, int n0, double lower, double upper)
    {
        var rd = MiettinenNurminen.Unstratified(x1, n1, x0, n0);
        Assert.Equal(lower, Math.Round(rd.Lower, 4), 10);
        Assert.Equal(upper, Math.Round(rd.Upper, 4), 10);
        Fixture.Near((double)x1 / n1 - ((double)x0 / n0), rd.Estimate, 1e-14, 1e-15, "estimate");
    }

    public static TheoryData<string, double> UnstratifiedCases()
    {
        var data = new TheoryData<string, double>();
        foreach (var row in Fixture.Read("Responders", "mn_unstratified.csv"))
        {
            data.Add(row["counts"], row.Number("level"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnstratifiedCases))]
    public void Unstratified_RFixture_MatchesScoreInterval(string counts, double level)
    {
        var row = Fixture.Read("Responders", "mn_unstratified.csv").Single(r => r["counts"] == counts && r.Number("level") == level);
        var s = Fixture.Strata(counts)[0];
        var rd = MiettinenNurminen.Unstratified(s.RespondersTreated, s.TotalTreated, s.RespondersControl, s.TotalControl, level);
        Fixture.Near(row.Number("estimate"), rd.Estimate, 1e-6, 1e-9, "estimate");
        Fixture.Near(row.Number("lower"), rd.Lower, 1e-6, 1e-9, "lower");
        Fixture.Near(row.Number("upper"), rd.Upper, 1e-6, 1e-9, "upper");
        Fixture.Near(row.Number("p"), rd.P, 1e-4, 1e-12, "p");
    }

    public static TheoryData<string, string> StratifiedCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Fixture.Read("Responders", "mn_stratified.csv"))
        {
            data.Add(row["dataset"], row["weighting"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StratifiedCases))]
    public void Stratified_RFixture_MatchesEveryWeighting(string dataset, string weighting)
    {
        var row = Fixture.Read("Responders", "mn_stratified.csv").Single(r => r["dataset"] == dataset && r["weighting"] == weighting);
        var w = weighting switch
        {
            "cmh" => StratumWeighting.CochranMantelHaenszel,
            "ss" => StratumWeighting.SampleSize,
            "equal" => StratumWeighting.Equal,
            _ => StratumWeighting.MiettinenNurminen,
        };
        var rd = MiettinenNurminen.Stratified(Fixture.Strata(row["strata"]), w);
        Fixture.Near(row.Number("estimate"), rd.Estimate, 1e-6, 1e-9, "estimate");
        Fixture.Near(row.Number("lower"), rd.Lower, 1e-6, 1e-9, "lower");
        Fixture.Near(row.Number("upper"), rd.Upper, 1e-6, 1e-9, "upper");
        Fixture.Near(row.Number("p"), rd.P, 1e-4, 1e-12, "p");
    }

    [Theory]
    [InlineData(StratumWeighting.CochranMantelHaenszel)]
    [InlineData(StratumWeighting.SampleSize)]
    [InlineData(StratumWeighting.Equal)]
    [InlineData(StratumWeighting.MiettinenNurminen)]
    public void Stratified_OneStratum_EqualsUnstratified(StratumWeighting weighting)
    {
        var u = MiettinenNurminen.Unstratified(31, 62, 9, 60);
        var s = MiettinenNurminen.Stratified([new StratumCounts("x", 31, 62, 9, 60)], weighting);
        Assert.Equal(u.Estimate, s.Estimate, 9);
        Assert.Equal(u.Lower, s.Lower, 9);
        Assert.Equal(u.Upper, s.Upper, 9);
    }

    [Fact]
    public void Unstratified_ZeroTotal_ThrowsNamingStrataField()
    {
        var ex = Assert.Throws<ArgumentException>(() => MiettinenNurminen.Unstratified(0, 0, 1, 10));
        Assert.Contains("both arms", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Unstratified_LevelOutsideUnitInterval_Throws(double level)
    {
        var ex = Assert.Throws<ArgumentException>(() => MiettinenNurminen.Unstratified(5, 10, 3, 10, level));
        Assert.Equal("confidenceLevel", ex.ParamName);
    }

    [Fact]
    public void Unstratified_AnyCounts_IntervalContainsEstimateAndLevelsNest()
    {
        // Property: for every table with n ≤ 12 per arm the 95 % interval contains d̂ and the 90 % interval lies inside it.
        for (var n1 = 1; n1 <= 12; n1 += 3)
        {
            for (var n0 = 1; n0 <= 12; n0 += 4)
            {
                for (var x1 = 0; x1 <= n1; x1++)
                {
                    for (var x0 = 0; x0 <= n0; x0++)
                    {
                        var wide = MiettinenNurminen.Unstratified(x1, n1, x0, n0, 0.95);
                        var narrow = MiettinenNurminen.Unstratified(x1, n1, x0, n0, 0.90);
                        Assert.InRange(wide.Estimate, wide.Lower - 1e-12, wide.Upper + 1e-12);
                        Assert.True(wide.Lower <= narrow.Lower + 1e-9 && narrow.Upper <= wide.Upper + 1e-9, $"{x1}/{n1} − {x0}/{n0}");
                        Assert.InRange(wide.Lower, -1.0, 1.0);
                        Assert.InRange(wide.Upper, -1.0, 1.0);
                    }
                }
            }
        }
    }
}
