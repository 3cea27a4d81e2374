using Dermis.Precision.Numerics;

namespace Dermis.Precision.Continuous;

/// <summary>
/// Estimate, standard error, degrees of freedom, t test and interval of one linear combination Lᵀβ of an MMRM fit.
/// </summary>
/// <remarks>
/// For a single contrast the Kenward–Roger df reduce to m = 2(LᵀΦL)² / Σ_kl W_kl (LᵀΦP_kΦL)(LᵀΦP_lΦL) (their eq. 12
/// with q = 1, where A1 = A2, g = −1, λ = 1; as R <c>pbkrtest</c> and <c>mmrm</c>), the Satterthwaite formula with
/// the gradient ∂(LᵀΦL)/∂θ_k = LᵀΦP_kΦL — so the two methods differ by W (expected vs observed information) and by
/// the standard error (Φ_A vs Φ).
/// </remarks>
internal sealed class MmrmInference(MmrmDesign design, RemlEvaluator evaluator, double[] covariance, double[]? weights, double level)
{
    private readonly double[] _phi = evaluator.Phi;
    private readonly double[][] _m = evaluator.M;

    /// <summary>Lᵀβ with its standard error, df, t, two-sided p and confidence limits.</summary>
    public (double Estimate, double Se, double Df, double T, double P, double Lower, double Upper) Estimate(double[] l)
    {
        var p = design.P;
        var estimate = RemlEvaluator.Dot(l, evaluator.Beta);
        var se = Math.Sqrt(Quadratic(covariance, l, p));
        var df = weights is null ? design.N - p : ApproximateDf(l);
        var t = estimate / se;
        var critical = StudentT.Critical(level, df);
        return (estimate, se, df, t, StudentT.TwoSidedP(t, df), estimate - (critical * se), estimate + (critical * se));
    }

    private double ApproximateDf(double[] l)
    {
        var p = design.P;
        var q = _m.Length;
        var phiL = RemlEvaluator.Multiply(_phi, l, p, 1);
        var variance = RemlEvaluator.Dot(l, phiL);
        var g = new double[q];
        for (var k = 0; k < q; k++)
        {
            g[k] = Quadratic(_m[k], phiL, p);
        }

        var denominator = 0.0;
        for (var k = 0; k < q; k++)
        {
            for (var j = 0; j < q; j++)
            {
                denominator += g[k] * weights![(k * q) + j] * g[j];
            }
        }

        // A contrast whose variance does not depend on θ has unbounded df (the normal limit).
        return denominator > 0 ? 2 * variance * variance / denominator : double.PositiveInfinity;
    }

    private static double Quadratic(double[] matrix, double[] v, int p)
    {
        var sum = 0.0;
        for (var i = 0; i < p; i++)
        {
            var vi = v[i];
            if (vi == 0)
            {
                continue;
            }

            var row = matrix.AsSpan(i * p, p);
            sum += vi * RemlEvaluator.Dot(row, v);
        }

        return sum;
    }
}
