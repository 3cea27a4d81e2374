namespace Dermis.Sensing.Sweat;

/// <summary>One estimated calibration parameter.</summary>
/// <param name="Name">A, B, C, D or E for the logistic models (<see cref="CurveModel"/>); Intercept or Slope for log-linear.</param>
/// <param name="Value">The least-squares estimate, in the model's units (C in concentration units).</param>
/// <param name="StandardError">√ of the diagonal of s²·(JᵀWJ)⁻¹; null when that matrix is singular (the parameter is not identifiable from these standards).</param>
public sealed record FittedParameter(string Name, double Value, double? StandardError);
