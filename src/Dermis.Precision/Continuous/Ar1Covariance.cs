namespace Dermis.Precision.Continuous;

/// <summary>
/// First-order autoregressive Σ_ij = σ²·ρ^|i−j| over the visit index, parametrised by (σ², ρ) as SAS <c>TYPE=AR(1)</c>;
/// non-linear in ρ, so the Kenward–Roger adjustment includes its second-derivative term.
/// </summary>
internal sealed class Ar1Covariance(int visits) : CovarianceModel(visits)
{
    public override int ParameterCount => 2;

    public override bool IsLinear => false;

    public override bool IsAdmissible(ReadOnlySpan<double> theta) => theta[0] > 0 && Math.Abs(theta[1]) < 1;

    public override void Fill(ReadOnlySpan<double> theta, Span<double> sigma)
    {
        for (var i = 0; i < Visits; i++)
        {
            for (var j = 0; j < Visits; j++)
            {
                sigma[(i * Visits) + j] = theta[0] * Math.Pow(theta[1], Math.Abs(i - j));
            }
        }
    }

    public override MatrixEntries[] Derivatives(ReadOnlySpan<double> theta)
    {
        var variance = new MatrixEntries();
        var correlation = new MatrixEntries();
        for (var i = 0; i < Visits; i++)
        {
            for (var j = 0; j < Visits; j++)
            {
                var lag = Math.Abs(i - j);
                variance.Add(i, j, Math.Pow(theta[1], lag));
                if (lag > 0)
                {
                    correlation.Add(i, j, theta[0] * lag * Math.Pow(theta[1], lag - 1));
                }
            }
        }

        return [variance, correlation];
    }

    public override MatrixEntries SecondDerivative(ReadOnlySpan<double> theta, int k, int l)
    {
        var result = new MatrixEntries();
        if (k == 0 && l == 0)
        {
            return result;
        }

        for (var i = 0; i < Visits; i++)
        {
            for (var j = 0; j < Visits; j++)
            {
                var lag = Math.Abs(i - j);
                if (k != l && lag > 0)
                {
                    result.Add(i, j, lag * Math.Pow(theta[1], lag - 1));
                }
                else if (k == 1 && l == 1 && lag > 1)
                {
                    result.Add(i, j, theta[0] * lag * (lag - 1) * Math.Pow(theta[1], lag - 2));
                }
            }
        }

        return result;
    }

    public override double[] Start(ReadOnlySpan<double> moments)
    {
        var variance = 0.0;
        var lagOne = 0.0;
        for (var i = 0; i < Visits; i++)
        {
            variance += moments[(i * Visits) + i];
            if (i > 0)
            {
                lagOne += moments[(i * Visits) + i - 1];
            }
        }

        variance /= Visits;
        var rho = Visits > 1 ? lagOne / (Visits - 1) / variance : 0;
        return [variance, Math.Clamp(rho, -0.9, 0.9)];
    }
}
