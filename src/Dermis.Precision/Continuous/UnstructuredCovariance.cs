using Dermis.Precision.Numerics;

namespace Dermis.Precision.Continuous;

/// <summary>
/// Unstructured Σ parametrised by its own elements σ_ij, i ≤ j, row-wise (as SAS <c>TYPE=UN</c>): Σ is linear in θ, so
/// the Kenward–Roger second-derivative term is zero; positive definiteness is kept by step halving in the optimiser.
/// </summary>
internal sealed class UnstructuredCovariance(int visits) : CovarianceModel(visits)
{
    public override int ParameterCount => Visits * (Visits + 1) / 2;

    public override bool IsLinear => true;

    public override void Fill(ReadOnlySpan<double> theta, Span<double> sigma)
    {
        var k = 0;
        for (var i = 0; i < Visits; i++)
        {
            for (var j = i; j < Visits; j++)
            {
                sigma[(i * Visits) + j] = theta[k];
                sigma[(j * Visits) + i] = theta[k];
                k++;
            }
        }
    }

    public override MatrixEntries[] Derivatives(ReadOnlySpan<double> theta)
    {
        var result = new MatrixEntries[ParameterCount];
        var k = 0;
        for (var i = 0; i < Visits; i++)
        {
            for (var j = i; j < Visits; j++)
            {
                result[k] = new MatrixEntries();
                result[k].AddSymmetric(i, j, 1);
                k++;
            }
        }

        return result;
    }

    public override double[] Start(ReadOnlySpan<double> moments)
    {
        var theta = new double[ParameterCount];
        // Pairwise-complete moments need not be positive definite under missing data; fall back to their diagonal.
        var definite = DenseCholesky.TryInverse(moments, Visits) is not null;
        var k = 0;
        for (var i = 0; i < Visits; i++)
        {
            for (var j = i; j < Visits; j++)
            {
                theta[k++] = i == j || definite ? moments[(i * Visits) + j] : 0;
            }
        }

        return theta;
    }
}
