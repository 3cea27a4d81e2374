using Dermis.Precision.Continuous;

namespace Dermis.Precision.Tests.Continuous;

/// <summary>
/// Invariants of the REML fit on the fixture trial: y → a + b·y moves the intercept and LS means affinely, scales
/// contrasts and SEs by |b| and Σ by b², and leaves every df unchanged (df are scale-free); subject order does not
/// matter. Tolerances 1e-7 relative + 1e-9 absolute.
/// </summary>
public sealed class MmrmPropertyTests
{
    private static readonly MmrmOptions Options = new() { VisitOrder = TrialFixture.Visits, ReferenceArm = "Placebo" };

    [Theory]
    [InlineData(5.0, 2.0)]
    [InlineData(-3.0, 0.5)]
    public void Fit_affineResponse_transformsEquivariantly(double shift, double scale)
    {
        var data = TrialFixture.Trial();
        var fit = Mmrm.Fit(data, Options);
        var moved = Mmrm.Fit([.. data.Select(r => r with { Response = shift + (scale * r.Response) })], Options);
        Assert.True(moved.Converged);
        for (var i = 0; i < fit.LeastSquaresMeans.Count; i++)
        {
            Tolerance.Near(shift + (scale * fit.LeastSquaresMeans[i].Estimate), moved.LeastSquaresMeans[i].Estimate, 1e-7, 1e-9, "LS mean");
            Tolerance.Near(scale * fit.LeastSquaresMeans[i].StandardError, moved.LeastSquaresMeans[i].StandardError, 1e-7, 1e-9, "LS mean SE");
            Tolerance.Near(fit.LeastSquaresMeans[i].DegreesOfFreedom, moved.LeastSquaresMeans[i].DegreesOfFreedom, 1e-6, 0, "LS mean df");
        }

        for (var i = 0; i < fit.Contrasts.Count; i++)
        {
            Tolerance.Near(scale * fit.Contrasts[i].Estimate, moved.Contrasts[i].Estimate, 1e-7, 1e-9, "contrast");
            Tolerance.Near(fit.Contrasts[i].P, moved.Contrasts[i].P, 0, 1e-8, "contrast p");
        }

        Tolerance.Near(scale * scale * fit.ResidualCovariance[2, 3], moved.ResidualCovariance[2, 3], 1e-7, 1e-9, "Σ[2,3]");
    }

    [Fact]
    public void Fit_subjectsReversed_sameResult()
    {
        var data = TrialFixture.Trial();
        var fit = Mmrm.Fit(data, Options);
        var reversed = Mmrm.Fit([.. Enumerable.Reverse(data)], Options);
        for (var i = 0; i < fit.FixedEffects.Count; i++)
        {
            Tolerance.Near(fit.FixedEffects[i].Estimate, reversed.FixedEffects[i].Estimate, 1e-7, 1e-9, fit.FixedEffects[i].Term);
            Tolerance.Near(fit.FixedEffects[i].DegreesOfFreedom, reversed.FixedEffects[i].DegreesOfFreedom, 1e-6, 0, fit.FixedEffects[i].Term + " df");
        }
    }
}
