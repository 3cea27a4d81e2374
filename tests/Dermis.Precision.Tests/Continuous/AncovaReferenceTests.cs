using Dermis.Precision.Continuous;

namespace Dermis.Precision.Tests.Continuous;

/// <summary>
/// ANCOVA at W16 of the simulated trial against R 4.2.2 <c>lm(response ~ baseline + arm + region + severity)</c>
/// (Fixtures/fit_reference.R; LS means by hand with the emmeans weighting). Tolerances: 1e-9 relative + 1e-12 absolute
/// for estimates, SEs and limits (OLS has no iteration), p-values 1e-6 absolute.
/// </summary>
public sealed class AncovaReferenceTests
{
    private static AncovaResult Fit() => Ancova.Fit([.. TrialFixture.Trial().Where(r => r.Visit == "W16")], new AncovaOptions { ReferenceArm = "Placebo" });

    [Fact]
    public void FixedEffects_w16_matchLm()
    {
        var fit = Fit();
        var reference = TrialFixture.Reference().Where(r => r.Model == "Ancova").ToList();
        var fixedEffects = reference.Where(r => r.Kind == "fixef").ToList();
        Assert.Equal(fixedEffects.Count, fit.FixedEffects.Count);
        foreach (var r in fixedEffects)
        {
            var term = TrialFixture.TermOf(r.Term);
            var actual = Assert.Single(fit.FixedEffects, f => f.Term == term);
            Tolerance.Near(r.Estimate, actual.Estimate, 1e-9, 1e-12, $"{term} estimate");
            Tolerance.Near(r.Se, actual.StandardError, 1e-9, 1e-12, $"{term} SE");
            Tolerance.Near(r.P, actual.P, 0, 1e-6, $"{term} p");
            Assert.Equal(r.Df, actual.DegreesOfFreedom);
        }

        var sigma = Assert.Single(reference, r => r.Kind == "sigma");
        Tolerance.Near(sigma.Estimate, fit.ResidualStandardDeviation, 1e-9, 0, "residual SD");
        Assert.Equal((int)sigma.Df, fit.ResidualDegreesOfFreedom);
        Assert.Equal(fit.ResidualDegreesOfFreedom + 7, fit.Observations);
    }

    [Fact]
    public void LeastSquaresMeansAndContrasts_w16_matchHandComputedEmmeans()
    {
        var fit = Fit();
        var reference = TrialFixture.Reference().Where(r => r.Model == "Ancova").ToList();
        foreach (var r in reference.Where(r => r.Kind == "lsmean"))
        {
            var actual = Assert.Single(fit.LeastSquaresMeans, m => m.Arm == r.Arm);
            Tolerance.Near(r.Estimate, actual.Estimate, 1e-9, 1e-12, $"LS mean {r.Arm}");
            Tolerance.Near(r.Se, actual.StandardError, 1e-9, 1e-12, $"LS mean SE {r.Arm}");
            Tolerance.Near(r.Lower, actual.Lower, 1e-9, 1e-12, $"LS mean lower {r.Arm}");
            Tolerance.Near(r.Upper, actual.Upper, 1e-9, 1e-12, $"LS mean upper {r.Arm}");
        }

        foreach (var r in reference.Where(r => r.Kind == "contrast"))
        {
            var actual = Assert.Single(fit.Contrasts, c => c.Arm == r.Arm);
            Assert.Equal("W16", actual.Visit);
            Tolerance.Near(r.Estimate, actual.Estimate, 1e-9, 1e-12, $"contrast {r.Arm}");
            Tolerance.Near(r.Se, actual.StandardError, 1e-9, 1e-12, $"contrast SE {r.Arm}");
            Tolerance.Near(r.P, actual.P, 0, 1e-6, $"contrast p {r.Arm}");
            Tolerance.Near(r.Lower, actual.Lower, 1e-9, 1e-12, $"contrast lower {r.Arm}");
            Tolerance.Near(r.Upper, actual.Upper, 1e-9, 1e-12, $"contrast upper {r.Arm}");
        }
    }
}
