using Dermis.Precision.Responders;

namespace Dermis.Precision.Tests.Responders;

// Reference: counts are hand-derived from the listed participants; the CMH and MN figures are then checked against the
// R fixture of the same counts (Fixtures/cmh.csv "small": strata 3/5 vs 1/6 and 4/7 vs 2/6).
public sealed class ResponderAnalysesTests
{
    private static List<ResponderInput> SmallTrial()
    {
        var rows = new List<ResponderInput>();
        var id = 0;
        void Add(string arm, string stratum, int responders, int total)
        {
            for (var i = 0; i < total; i++)
            {
                // Baseline 20.0; responders reach 5.0 (75 %), non-responders 10.0 (50 %).
                rows.Add(new ResponderInput($"P{++id}", arm, stratum, 20.0m, i < responders ? 5.0m : 10.0m, false, false));
            }
        }

        Add("dupi", "IGA3", 3, 5);
        Add("pbo", "IGA3", 1, 6);
        Add("dupi", "IGA4", 4, 7);
        Add("pbo", "IGA4", 2, 6);
        return rows;
    }

    [Fact]
    public void Analyse_SmallTrial_MatchesRFixtureOfItsCounts()
    {
        var result = ResponderAnalyses.Analyse(ResponderEndpoint.Easi75, "Week 16", SmallTrial(), "dupi", "pbo", IntercurrentEventRule.NonResponderImputation);
        var row = Fixture.Read("Responders", "cmh.csv").Single(r => r["dataset"] == "small" && r["correct"] == "TRUE");
        Assert.Equal(new ArmResponse("dupi", 7, 12, 7.0 / 12), result.Arms[0]);
        Assert.Equal(new ArmResponse("pbo", 3, 12, 3.0 / 12), result.Arms[1]);
        Fixture.Near(row.Number("statistic"), result.Cmh!.Statistic, 1e-6, 0, "CMH");
        Fixture.Near(row.Number("odds_ratio"), result.Cmh.CommonOddsRatio, 1e-6, 0, "OR");
        var mn = Fixture.Read("Responders", "mn_stratified.csv").Single(r => r["dataset"] == "small" && r["weighting"] == "cmh");
        Fixture.Near(mn.Number("lower"), result.Difference!.Lower, 1e-6, 1e-9, "MN lower");
        Assert.Empty(result.ExcludedFromCmh);
    }

    [Fact]
    public void Analyse_RescueUnderNriVersusAsObserved_CountsDiffer()
    {
        var rows = SmallTrial();
        rows[0] = rows[0] with { RescuedBefore = true };             // a dupi responder rescued
        rows[1] = rows[1] with { Value = null };                     // a dupi responder missing
        var nri = ResponderAnalyses.Analyse(ResponderEndpoint.Easi75, "W16", rows, "dupi", "pbo", IntercurrentEventRule.NonResponderImputation);
        var observed = ResponderAnalyses.Analyse(ResponderEndpoint.Easi75, "W16", rows, "dupi", "pbo", IntercurrentEventRule.AsObserved);
        Assert.Equal((5, 12), (nri.Arms[0].Responders, nri.Arms[0].Evaluable));           // both become non-responders
        Assert.Equal((6, 11), (observed.Arms[0].Responders, observed.Arms[0].Evaluable)); // rescued counts as observed; missing dropped
        Assert.Equal(1, observed.NotEvaluable);
    }

    [Fact]
    public void Analyse_StratumWithOneArmOnly_ExcludedFromCmhWithReason()
    {
        var rows = SmallTrial();
        rows.Add(new ResponderInput("X1", "dupi", "Asia", 30m, 3m, false, false));
        rows.Add(new ResponderInput("X2", "pbo", "Japan", 30m, 3m, false, false));
        rows.Add(new ResponderInput("X3", "pbo", "Japan", 30m, 3m, false, false));
        rows.Add(new ResponderInput("X4", "dupi", "Japan", 30m, 2m, false, false));
        var result = ResponderAnalyses.Analyse(ResponderEndpoint.Easi75, "W16", rows, "dupi", "pbo", IntercurrentEventRule.NonResponderImputation);
        var reference = CochranMantelHaenszel.Test(Fixture.Strata("3 5 1 6|4 7 2 6"));
        Assert.Equal(
            [new ExcludedStratum("Asia", "no evaluable participant in the control arm"), new ExcludedStratum("Japan", "every evaluable participant responded")],
            result.ExcludedFromCmh);
        Assert.Equal(reference.Statistic, result.Cmh!.Statistic, 12);
        Assert.Equal(9, result.Arms[0].Responders); // 7 + Asia + Japan
    }

    [Fact]
    public void Analyse_NoRespondersAnywhere_CmhNullDifferenceZero()
    {
        var rows = SmallTrial().Select(r => r with { Value = 19m }).ToList();
        var result = ResponderAnalyses.Analyse(ResponderEndpoint.Easi75, "W16", rows, "dupi", "pbo", IntercurrentEventRule.AsObserved);
        Assert.Null(result.Cmh);
        Assert.Equal(0.0, result.Difference!.Estimate);
        Assert.Equal(1.0, result.Difference.P);
        Assert.Equal(2, result.ExcludedFromCmh.Count);
    }

    [Fact]
    public void Analyse_DuplicateSubject_ThrowsNamingSubject()
    {
        var rows = SmallTrial();
        rows.Add(rows[0]);
        var ex = Assert.Throws<ArgumentException>(() => ResponderAnalyses.Analyse(ResponderEndpoint.Easi75, "W16", rows, "dupi", "pbo", IntercurrentEventRule.AsObserved));
        Assert.Contains("'P1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_SameArmTwice_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ResponderAnalyses.Analyse(ResponderEndpoint.Easi75, "W16", SmallTrial(), "pbo", "pbo", IntercurrentEventRule.AsObserved));
        Assert.Equal("controlArm", ex.ParamName);
    }
}
