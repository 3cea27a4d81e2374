namespace Dermis.Precision.Continuous;

/// <summary>
/// A residual covariance structure Σ(θ) over the scheduled visits with its first and second derivatives, the pieces
/// the REML score, information and the Kenward–Roger adjustment need.
/// </summary>
internal abstract class CovarianceModel
{
    protected CovarianceModel(int visits) => Visits = visits;

    /// <summary>Scheduled visits T (Σ is T × T).</summary>
    public int Visits { get; }

    /// <summary>Number of covariance parameters.</summary>
    public abstract int ParameterCount { get; }

    /// <summary>Whether Σ is linear in θ (then ∂²Σ = 0 and the Kenward–Roger R term vanishes).</summary>
    public abstract bool IsLinear { get; }

    /// <summary>Writes Σ(θ), row-major T × T.</summary>
    public abstract void Fill(ReadOnlySpan<double> theta, Span<double> sigma);

    /// <summary>Whether θ lies in the parameter space before positive definiteness is checked (|ρ| &lt; 1 for AR(1)).</summary>
    public virtual bool IsAdmissible(ReadOnlySpan<double> theta) => true;

    /// <summary>∂Σ/∂θ_k for every k.</summary>
    public abstract MatrixEntries[] Derivatives(ReadOnlySpan<double> theta);

    /// <summary>∂²Σ/∂θ_k∂θ_l (empty for linear structures).</summary>
    public virtual MatrixEntries SecondDerivative(ReadOnlySpan<double> theta, int k, int l) => new();

    /// <summary>Starting θ from a moment estimate of Σ (row-major T × T, from OLS residuals; may be indefinite).</summary>
    public abstract double[] Start(ReadOnlySpan<double> moments);

    /// <summary>Creates the model of <paramref name="structure"/> for <paramref name="visits"/> visits.</summary>
    public static CovarianceModel Create(CovarianceStructure structure, int visits) => structure switch
    {
        CovarianceStructure.Unstructured => new UnstructuredCovariance(visits),
        CovarianceStructure.CompoundSymmetry => new CompoundSymmetryCovariance(visits),
        CovarianceStructure.Ar1 => new Ar1Covariance(visits),
        _ => throw new ArgumentOutOfRangeException(nameof(structure), structure, "Covariance must be Unstructured, CompoundSymmetry or Ar1."),
    };

    /// <summary>Mean of the diagonal and mean of the off-diagonal cells of a moment matrix.</summary>
    protected static (double Variance, double Covariance) MeanMoments(ReadOnlySpan<double> moments, int visits)
    {
        double variance = 0, covariance = 0;
        for (var i = 0; i < visits; i++)
        {
            for (var j = 0; j < visits; j++)
            {
                if (i == j)
                {
                    variance += moments[(i * visits) + j];
                }
                else
                {
                    covariance += moments[(i * visits) + j];
                }
            }
        }

        variance /= visits;
        covariance = visits > 1 ? covariance / (visits * (visits - 1)) : 0;
        return (variance, covariance);
    }
}
