using Dermis.Precision.Continuous;

namespace Dermis.Precision.Tests.Continuous;

/// <summary>
/// The analytic REML score and observed information against central finite differences of the REML log-likelihood
/// itself, on the fixture trial with missing visits, for all three structures (AR(1) exercises ∂²Σ). Step h = 1e-4·max(1,|θ_k|);
/// tolerance 1e-5 relative + 1e-5 absolute (finite-difference truncation and rounding of ℓ ≈ 1.5e3).
/// </summary>
public sealed class RemlDerivativeTests
{
    [Theory]
    [InlineData(CovarianceStructure.Unstructured)]
    [InlineData(CovarianceStructure.CompoundSymmetry)]
    [InlineData(CovarianceStructure.Ar1)]
    public void Derivatives_awayFromOptimum_matchFiniteDifferences(CovarianceStructure structure)
    {
        var options = new MmrmOptions { VisitOrder = TrialFixture.Visits, ReferenceArm = "Placebo", Covariance = structure };
        var design = MmrmDesign.Build(TrialFixture.Trial(), options);
        var model = CovarianceModel.Create(structure, design.T);
        var evaluator = new RemlEvaluator(design, model);
        var theta = Mmrm.Fit(TrialFixture.Trial(), options).CovarianceParameters.Select((x, k) => x * (1 + (0.05 * ((k % 3) - 1)))).ToArray();
        theta[0] *= 1.1;
        Assert.True(evaluator.Prepare(theta));
        var (gradient, _, observed) = evaluator.Derivatives(theta);
        var q = theta.Length;
        double Ell(double[] t)
        {
            Assert.True(evaluator.Prepare(t));
            return evaluator.LogLikelihood;
        }

        for (var k = 0; k < q; k++)
        {
            var hk = 1e-4 * Math.Max(1, Math.Abs(theta[k]));
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[k] += hk;
            minus[k] -= hk;
            Tolerance.Near((Ell(plus) - Ell(minus)) / (2 * hk), gradient[k], 1e-5, 1e-5, $"score[{k}]");
            for (var l = 0; l < q; l++)
            {
                var hl = 1e-4 * Math.Max(1, Math.Abs(theta[l]));
                double Cross(int sk, int sl)
                {
                    var t = (double[])theta.Clone();
                    t[k] += sk * hk;
                    t[l] += sl * hl;
                    return Ell(t);
                }

                var second = (Cross(1, 1) - Cross(1, -1) - Cross(-1, 1) + Cross(-1, -1)) / (4 * hk * hl);
                Tolerance.Near(-second, observed[(k * q) + l], 1e-4, 1e-4, $"observed information[{k},{l}]");
            }
        }
    }
}
