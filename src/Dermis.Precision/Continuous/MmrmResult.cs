namespace Dermis.Precision.Continuous;

/// <summary>
/// Result of an MMRM fit: REML fixed effects, residual covariance, LS means and arm contrasts per visit. When
/// <see cref="Converged"/> is false the numbers are those of the last iterate and must not be reported.
/// </summary>
public sealed record MmrmResult
{
    /// <summary>Fixed-effect coefficients in design order (see <see cref="FixedEffect.Term"/> for the names).</summary>
    public required IReadOnlyList<FixedEffect> FixedEffects { get; init; }

    /// <summary>Estimated within-subject residual covariance, visits × visits in <see cref="MmrmOptions.VisitOrder"/> order.</summary>
    public required double[,] ResidualCovariance { get; init; }

    /// <summary>
    /// Maximised REML log-likelihood −½[(N−p)·log 2π + Σ log|Σ_i| + log|XᵀV⁻¹X| + rᵀV⁻¹r], as R <c>nlme::gls</c> reports it.
    /// </summary>
    public required double RestrictedLogLikelihood { get; init; }

    /// <summary>Subjects with at least one observed response (subjects without any are not analysed).</summary>
    public required int Subjects { get; init; }

    /// <summary>Observed responses analysed.</summary>
    public required int Observations { get; init; }

    /// <summary>Optimisation steps taken.</summary>
    public required int Iterations { get; init; }

    /// <summary>Whether the REML optimisation met <see cref="MmrmOptions.Tolerance"/> within the iteration limit.</summary>
    public required bool Converged { get; init; }

    /// <summary>LS mean of every arm at every visit (arms: reference first, then ordinal order; visits in order).</summary>
    public required IReadOnlyList<LeastSquaresMean> LeastSquaresMeans { get; init; }

    /// <summary>Each non-reference arm minus the reference arm at every visit.</summary>
    public required IReadOnlyList<ArmContrast> Contrasts { get; init; }

    /// <summary>Covariance structure that was fitted.</summary>
    public required CovarianceStructure Covariance { get; init; }

    /// <summary>Degrees-of-freedom method used for the tests and intervals.</summary>
    public required DegreesOfFreedomMethod DegreesOfFreedom { get; init; }

    /// <summary>Covariance parameters at the optimum (UN: σ_ij row-wise upper triangle; CS: residual, common covariance; AR(1): σ², ρ).</summary>
    public required IReadOnlyList<double> CovarianceParameters { get; init; }

    /// <summary>
    /// Covariance matrix of the fixed effects used for the standard errors (Kenward–Roger adjusted for that df method,
    /// model-based otherwise), p × p in <see cref="FixedEffects"/> order.
    /// </summary>
    public required double[,] FixedEffectsCovariance { get; init; }

    /// <summary>The fit's inference engine (β̂, Φ, Φ_A, information), kept for <see cref="Estimate"/>.</summary>
    internal MmrmInference? Inference { get; init; }

    /// <summary>
    /// Estimate, standard error, df, t test and interval of Σ_j weights[j]·β_j, for contrasts the result does not list
    /// (for example an arm effect averaged over visits). Weights follow <see cref="FixedEffects"/> order.
    /// </summary>
    /// <exception cref="ArgumentException">The number of weights differs from the number of fixed effects, or one is not finite.</exception>
    public LinearEstimate Estimate(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != FixedEffects.Count || weights.Any(w => !double.IsFinite(w)))
        {
            throw new ArgumentException($"weights has {weights.Count} values; give {FixedEffects.Count} finite weights, one per fixed effect in FixedEffects order.", nameof(weights));
        }

        var inference = Inference ?? throw new InvalidOperationException("This MmrmResult was not produced by Mmrm.Fit; refit to get contrasts.");
        var (estimate, se, df, t, p, lower, upper) = inference.Estimate([.. weights]);
        return new LinearEstimate(estimate, se, df, t, p, lower, upper);
    }
}
