namespace Dermis.Precision.Continuous;

/// <summary>Result of a single-visit ANCOVA (ordinary least squares, as R <c>lm</c>).</summary>
public sealed record AncovaResult
{
    /// <summary>Coefficients: <c>(Intercept)</c>, <c>Baseline</c>, <c>Arm[..]</c>, <c>Stratum1[..]</c>, …</summary>
    public required IReadOnlyList<FixedEffect> FixedEffects { get; init; }

    /// <summary>Residual standard deviation √(RSS / (n − p)).</summary>
    public required double ResidualStandardDeviation { get; init; }

    /// <summary>n − p.</summary>
    public required int ResidualDegreesOfFreedom { get; init; }

    /// <summary>Rows analysed (non-missing response).</summary>
    public required int Observations { get; init; }

    /// <summary>LS mean per arm (baseline at its mean, stratum levels weighted equally).</summary>
    public required IReadOnlyList<LeastSquaresMean> LeastSquaresMeans { get; init; }

    /// <summary>Each non-reference arm minus the reference arm.</summary>
    public required IReadOnlyList<ArmContrast> Contrasts { get; init; }
}
