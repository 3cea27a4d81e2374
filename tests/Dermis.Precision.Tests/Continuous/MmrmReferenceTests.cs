using Dermis.Precision.Continuous;

namespace Dermis.Precision.Tests.Continuous;

/// <summary>
/// MMRM against R 4.2.2 nlme 3.1-162 gls (REML) on the simulated trial with monotone dropout and intermittent misses
/// (Fixtures/fit_reference.R). Tolerances: estimates, standard errors, covariance and CI limits 1e-6 relative
/// (+1e-9 absolute for values near 0), p-values 1e-4 absolute, REML log-likelihood 1e-6 relative.
/// </summary>
public sealed class MmrmReferenceTests
{
    private const double Relative = 1e-6;
    private const double Absolute = 1e-9;

    public static TheoryData<CovarianceStructure> Structures => [CovarianceStructure.Unstructured, CovarianceStructure.CompoundSymmetry, CovarianceStructure.Ar1];

    private static MmrmResult FitResidual(CovarianceStructure structure) => Mmrm.Fit(
        TrialFixture.Trial(),
        new MmrmOptions { VisitOrder = TrialFixture.Visits, ReferenceArm = "Placebo", Covariance = structure, DegreesOfFreedom = DegreesOfFreedomMethod.Residual });

    [Theory]
    [MemberData(nameof(Structures))]
    public void FixedEffects_residualDf_matchNlmeGls(CovarianceStructure structure)
    {
        var fit = FitResidual(structure);
        var reference = TrialFixture.Reference().Where(r => r.Model == structure.ToString() && r.Kind == "fixef").ToList();
        Assert.True(fit.Converged);
        Assert.Equal(reference.Count, fit.FixedEffects.Count);
        foreach (var r in reference)
        {
            var term = TrialFixture.TermOf(r.Term);
            var actual = Assert.Single(fit.FixedEffects, f => f.Term == term);
            Tolerance.Near(r.Estimate, actual.Estimate, Relative, Absolute, $"{term} estimate");
            Tolerance.Near(r.Se, actual.StandardError, Relative, Absolute, $"{term} SE");
            Tolerance.Near(r.T, actual.T, Relative, 1e-7, $"{term} t");
            Tolerance.Near(r.P, actual.P, 0, 1e-4, $"{term} p");
            Assert.Equal(r.Df, actual.DegreesOfFreedom);
        }
    }

    [Theory]
    [MemberData(nameof(Structures))]
    public void LeastSquaresMeansAndContrasts_residualDf_matchHandComputedEmmeans(CovarianceStructure structure)
    {
        var fit = FitResidual(structure);
        var reference = TrialFixture.Reference().Where(r => r.Model == structure.ToString()).ToList();
        foreach (var r in reference.Where(r => r.Kind == "lsmean"))
        {
            var actual = Assert.Single(fit.LeastSquaresMeans, m => m.Arm == r.Arm && m.Visit == r.Visit);
            Tolerance.Near(r.Estimate, actual.Estimate, Relative, Absolute, $"LS mean {r.Arm} {r.Visit}");
            Tolerance.Near(r.Se, actual.StandardError, Relative, Absolute, $"LS mean SE {r.Arm} {r.Visit}");
            Tolerance.Near(r.Lower, actual.Lower, Relative, 1e-7, $"LS mean lower {r.Arm} {r.Visit}");
            Tolerance.Near(r.Upper, actual.Upper, Relative, 1e-7, $"LS mean upper {r.Arm} {r.Visit}");
        }

        Assert.Equal(12, fit.LeastSquaresMeans.Count);
        Assert.Equal(8, fit.Contrasts.Count);
        foreach (var r in reference.Where(r => r.Kind == "contrast"))
        {
            var actual = Assert.Single(fit.Contrasts, c => c.Arm == r.Arm && c.Visit == r.Visit);
            Assert.Equal("Placebo", actual.ReferenceArm);
            Tolerance.Near(r.Estimate, actual.Estimate, Relative, Absolute, $"contrast {r.Arm} {r.Visit}");
            Tolerance.Near(r.Se, actual.StandardError, Relative, Absolute, $"contrast SE {r.Arm} {r.Visit}");
            Tolerance.Near(r.P, actual.P, 0, 1e-4, $"contrast p {r.Arm} {r.Visit}");
            Tolerance.Near(r.Lower, actual.Lower, Relative, 1e-7, $"contrast lower {r.Arm} {r.Visit}");
            Tolerance.Near(r.Upper, actual.Upper, Relative, 1e-7, $"contrast upper {r.Arm} {r.Visit}");
        }
    }

    [Theory]
    [MemberData(nameof(Structures))]
    public void CovarianceAndLogLikelihood_any_matchNlmeGls(CovarianceStructure structure)
    {
        var fit = FitResidual(structure);
        var reference = TrialFixture.Reference().Where(r => r.Model == structure.ToString()).ToList();
        foreach (var r in reference.Where(r => r.Kind == "cov"))
        {
            var cell = r.Term.Split(';').Select(int.Parse).ToArray();
            Tolerance.Near(r.Estimate, fit.ResidualCovariance[cell[0], cell[1]], Relative, Absolute, $"Σ[{r.Term}]");
        }

        var logLik = Assert.Single(reference, r => r.Kind == "loglik");
        Tolerance.Near(logLik.Estimate, fit.RestrictedLogLikelihood, Relative, 0, "REML log-likelihood");
        Assert.Equal((int)Assert.Single(reference, r => r.Kind == "count").Estimate, fit.Observations);
        Assert.Equal(149, fit.Subjects);   // 150 randomised, S007 has no response
    }
}
