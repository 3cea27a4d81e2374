namespace Dermis.Precision.Continuous;

/// <summary>
/// Compound symmetry Σ = τ·I + ω·J parametrised by (τ, ω) — the residual variance and the common covariance, as SAS
/// <c>TYPE=CS</c> — so Σ is linear in θ; total variance τ + ω, correlation ω / (τ + ω).
/// </summary>
internal sealed class CompoundSymmetryCovariance(int visits) : CovarianceModel(visits)
{
    public override int ParameterCount => 2;

    public override bool IsLinear => true;

    public override void Fill(ReadOnlySpan<double> theta, Span<double> sigma)
    {
        for (var i = 0; i < Visits; i++)
        {
            for (var j = 0; j < Visits; j++)
            {
                sigma[(i * Visits) + j] = theta[1] + (i == j ? theta[0] : 0);
            }
        }
    }

    public override MatrixEntries[] Derivatives(ReadOnlySpan<double> theta)
    {
        var residual = new MatrixEntries();
        var common = new MatrixEntries();
        for (var i = 0; i < Visits; i++)
        {
            residual.Add(i, i, 1);
            for (var j = 0; j < Visits; j++)
            {
                common.Add(i, j, 1);
            }
        }

        return [residual, common];
    }

    public override double[] Start(ReadOnlySpan<double> moments)
    {
        var (variance, covariance) = MeanMoments(moments, Visits);
        covariance = Math.Clamp(covariance, 0, 0.9 * variance);
        return [variance - covariance, covariance];
    }
}
