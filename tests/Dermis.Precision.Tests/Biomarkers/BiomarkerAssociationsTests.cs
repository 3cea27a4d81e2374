using Dermis.Precision.Biomarkers;
using Dermis.Precision.Tests.Prediction;

namespace Dermis.Precision.Tests.Biomarkers;

/// <summary>
/// Against R (Fixtures/biomarker_reference.R): cor.test, lm(outcome ~ factor(subject) + biomarker)
/// with drop1 (the rmcorr construction) and nlme::lme REML on 72 unbalanced observations of 14
/// participants.
/// </summary>
public sealed class BiomarkerAssociationsTests
{
    private static readonly Dictionary<string, double> Reference = FixtureFiles.Reference("Biomarkers", "biomarker_reference.csv");

    internal static List<BiomarkerObservation> FixtureData()
    {
        var data = new List<BiomarkerObservation>();
        foreach (var f in FixtureFiles.Read("Biomarkers", "biomarker_data.csv"))
        {
            data.Add(new BiomarkerObservation(f[0], FixtureFiles.Parse(f[1]), FixtureFiles.Parse(f[2]), FixtureFiles.Parse(f[3])));
        }

        return data;
    }

    [Fact]
    public void Analyse_pooledCorrelations_equalRCorTest()
    {
        var result = BiomarkerAssociations.Analyse("scratch", "easi", FixtureData());

        Assert.Equal(14, result.Subjects);
        Assert.Equal(72, result.Observations);
        // Closed-form statistics: relative 1e-9 + absolute 1e-12.
        Close(Reference["pearson"], result.Pearson, 1e-9);
        Close(Reference["pearson_lower"], result.PearsonLower, 1e-9);
        Close(Reference["pearson_upper"], result.PearsonUpper, 1e-9);
        Close(Reference["spearman"], result.Spearman, 1e-9);
        Close(Reference["spearman_p"], result.SpearmanP, 1e-7);
    }

    [Fact]
    public void Analyse_repeatedMeasuresCorrelation_equalsAncovaPartialCorrelation()
    {
        var result = BiomarkerAssociations.Analyse("scratch", "easi", FixtureData());

        Assert.Equal((int)Reference["rmcorr_df"], result.RmcorrDf);
        Close(Reference["rmcorr"], result.RepeatedMeasuresCorrelation, 1e-9);
        Close(Reference["rmcorr_lower"], result.RmcorrLower, 1e-9);
        Close(Reference["rmcorr_upper"], result.RmcorrUpper, 1e-9);
        Close(Reference["rmcorr_p"], result.RmcorrP, 1e-7);
    }

    [Fact]
    public void Analyse_mixedModel_equalsNlmeLmeReml()
    {
        var result = BiomarkerAssociations.Analyse("scratch", "easi", FixtureData());

        // Brief: estimates and SE to 1e-5 relative, p to 1e-4 relative.
        Close(Reference["lme_slope"], result.MixedModelSlope, 1e-5);
        Close(Reference["lme_slope_se"], result.MixedModelSlopeSe, 1e-5);
        Assert.Equal((int)Reference["lme_slope_df"], result.MixedModelDf);
        Close(Reference["lme_slope_p"], result.MixedModelP, 1e-4, 0);
        Close(Reference["lme_sigma"], result.ResidualSd, 1e-5);
        Close(Reference["lme_tau"], result.RandomInterceptSd, 1e-5);
    }

    [Fact]
    public void RandomInterceptModel_fixture_matchesNlmeInterceptTimeAndRestrictedLogLik()
    {
        var data = FixtureData();
        var groups = new Dictionary<string, int>();
        var x = new double[data.Count * 3];
        var y = new double[data.Count];
        var g = new int[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            g[i] = groups.TryGetValue(data[i].Subject, out var k) ? k : groups[data[i].Subject] = groups.Count;
            (x[i * 3], x[i * 3 + 1], x[i * 3 + 2], y[i]) = (1, data[i].Biomarker, data[i].Time, data[i].Outcome);
        }

        var model = RandomInterceptModel.Fit(x, 3, y, g, groups.Count);

        Close(Reference["lme_intercept"], model.Beta[0], 1e-5);
        Close(Reference["lme_time"], model.Beta[2], 1e-5);
        Close(Reference["lme_time_se"], Math.Sqrt(model.Covariance[8]), 1e-5);
        Close(Reference["lme_reml_loglik"], model.RestrictedLogLikelihood, 1e-8);
    }

    private static void Close(double expected, double actual, double relative, double absolute = 1e-12) =>
        PenalisedLogisticRegressionTests.AssertClose(expected, actual, relative, absolute);
}
