namespace Dermis.Sensing.Sweat;

/// <summary>
/// A fitted calibration curve for one (lot, cytokine): model, parameters with standard errors and covariance, fit
/// statistics, each standard's back-calculation, detection limits and the calibrated range. Plain properties, so it
/// round-trips through System.Text.Json and can be stored as the lot's calibration version; quantify with
/// <see cref="SweatQuantifier"/>. Formulas and references in docs/sweat.md.
/// </summary>
public sealed record CalibrationCurve
{
    /// <summary>The model fitted.</summary>
    public required CurveModel Model { get; init; }

    /// <summary>The weighting of the fit.</summary>
    public required CurveWeighting Weighting { get; init; }

    /// <summary>The UCUM unit of concentrations (standards, C, LOD/LOQ, range), e.g. "pg/mL".</summary>
    public required string ConcentrationUnit { get; init; }

    /// <summary>Parameters in model order (A, B, C, D[, E] or Intercept, Slope).</summary>
    public required IReadOnlyList<FittedParameter> Parameters { get; init; }

    /// <summary>
    /// Covariance of the parameters, s²·(JᵀWJ)⁻¹ with J the Jacobian at the estimate and s² = SSE/df (Seber &amp; Wild,
    /// Nonlinear Regression, 1989, §2.1.2), rows and columns in model order; null when JᵀWJ is singular.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>>? Covariance { get; init; }

    /// <summary>Weighted residual sum of squares Σ wᵢ(yᵢ − ŷᵢ)² over the fitted standards (unweighted: the plain SSE).</summary>
    public required double Sse { get; init; }

    /// <summary>Weighted coefficient of determination 1 − SSE/Σwᵢ(yᵢ − ȳ_w)², ≤ 1.</summary>
    public required double RSquared { get; init; }

    /// <summary>Residual SD s = √(SSE/df), in response units (for weighted fits, at weight 1).</summary>
    public required double ResidualSd { get; init; }

    /// <summary>Residual degrees of freedom: fitted standards − parameters, ≥ 1.</summary>
    public required int DegreesOfFreedom { get; init; }

    /// <summary>Levenberg–Marquardt iterations of the chosen start.</summary>
    public required int Iterations { get; init; }

    /// <summary>Every standard, in input order, with its fitted value, residual and back-calculated concentration.</summary>
    public required IReadOnlyList<StandardFit> Standards { get; init; }

    /// <summary>LOD and LOQ from the blanks.</summary>
    public required DetectionLimits Limits { get; init; }

    /// <summary>The lowest non-zero standard concentration.</summary>
    public required double LowestStandard { get; init; }

    /// <summary>The highest standard concentration: the upper limit of quantification (ULOQ).</summary>
    public required double HighestStandard { get; init; }

    /// <summary>Whether the fitted response rises or falls with concentration.</summary>
    public required CurveDirection Direction { get; init; }

    /// <summary>True when the mean response per concentration level (blank included) moves in <see cref="Direction"/> at every step.</summary>
    public required bool StandardsMonotone { get; init; }

    /// <summary>The levels whose mean response goes against <see cref="Direction"/> relative to the next lower level (hook effect, noise).</summary>
    public required IReadOnlyList<double> MonotonicityBreaks { get; init; }

    /// <summary>
    /// The lower limit of quantification: the larger of the LOQ (when known) and the lowest standard; below it a
    /// concentration is reported with <see cref="ReadingFlag.BelowLoq"/>.
    /// </summary>
    public double LowerLimitOfQuantification => Math.Max(Limits.Loq ?? 0, LowestStandard);

    /// <summary>The value of the named parameter (A, B, C, D, E, Intercept or Slope).</summary>
    /// <exception cref="ArgumentException">The model has no parameter of that name.</exception>
    public double Value(string name)
    {
        foreach (var p in Parameters)
        {
            if (string.Equals(p.Name, name, StringComparison.Ordinal))
            {
                return p.Value;
            }
        }

        throw new ArgumentException($"A {Model} curve has no parameter '{name}'; it has {string.Join(", ", CurveFunctions.ParameterNames(Model))}.", nameof(name));
    }

    /// <summary>The curve's response at a concentration ≥ 0 (&gt; 0 for log-linear).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The concentration is negative, not finite, or 0 on a log-linear curve.</exception>
    public double Response(double concentration)
    {
        if (!double.IsFinite(concentration) || concentration < 0 || (concentration == 0 && Model == CurveModel.LogLinear))
        {
            throw new ArgumentOutOfRangeException(nameof(concentration), concentration, Model == CurveModel.LogLinear ? "Allowed: a finite concentration > 0." : "Allowed: a finite concentration ≥ 0.");
        }

        return CurveFunctions.Response(Model, ParameterValues(), concentration);
    }

    /// <summary>
    /// The concentration whose response is <paramref name="response"/> (the inverse curve, no flags or limits); null
    /// when the response lies outside the curve's asymptotes or is not finite. Use <see cref="SweatQuantifier"/> for readings.
    /// </summary>
    public double? Concentration(double response) =>
        CurveFunctions.TryConcentration(Model, ParameterValues(), response, out var x) ? x : null;

    /// <summary>The parameter values in model order, checked against the model.</summary>
    internal double[] ParameterValues()
    {
        var count = CurveFunctions.ParameterCount(Model);
        if (Parameters is null || Parameters.Count != count)
        {
            throw new InvalidOperationException($"A {Model} curve needs {count} parameters ({string.Join(", ", CurveFunctions.ParameterNames(Model))}); this one has {Parameters?.Count ?? 0}. Refit the standards with CalibrationFitter.Fit.");
        }

        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Parameters[i].Value;
        }

        return values;
    }
}
