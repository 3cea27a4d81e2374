namespace Dermis.Precision.Continuous;

/// <summary>Settings of an MMRM fit (<see cref="Mmrm.Fit"/>).</summary>
public sealed record MmrmOptions
{
    /// <summary>Scheduled post-baseline visits in time order; the first is the reference level of the visit factor.</summary>
    public required IReadOnlyList<string> VisitOrder { get; init; }

    /// <summary>Control arm; contrasts are every other arm minus this one.</summary>
    public required string ReferenceArm { get; init; }

    /// <summary>Within-subject residual covariance structure.</summary>
    public CovarianceStructure Covariance { get; init; } = CovarianceStructure.Unstructured;

    /// <summary>Denominator degrees of freedom for tests and intervals.</summary>
    public DegreesOfFreedomMethod DegreesOfFreedom { get; init; } = DegreesOfFreedomMethod.KenwardRoger;

    /// <summary>Two-sided confidence level of the intervals, in (0, 1).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Most Newton / Fisher-scoring iterations of the REML optimisation, at least 1.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// Convergence when the Newton decrement gᵀH⁻¹g of the REML log-likelihood (log-likelihood units) falls below this,
    /// in (0, 1).
    /// </summary>
    public double Tolerance { get; init; } = 1e-10;
}
