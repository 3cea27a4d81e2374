namespace Dermis.Precision.Continuous;

/// <summary>A user-defined linear combination Lᵀβ of MMRM fixed effects with its t test (<see cref="MmrmResult.Estimate"/>).</summary>
/// <param name="Estimate">Lᵀβ̂.</param>
/// <param name="StandardError">√(LᵀΦL), with the Kenward–Roger adjusted Φ where that df method was chosen.</param>
/// <param name="DegreesOfFreedom">Denominator degrees of freedom (the fit's method).</param>
/// <param name="T">Estimate / standard error.</param>
/// <param name="P">Two-sided p-value.</param>
/// <param name="Lower">Lower confidence limit at the fit's confidence level.</param>
/// <param name="Upper">Upper confidence limit.</param>
public sealed record LinearEstimate(double Estimate, double StandardError, double DegreesOfFreedom, double T, double P, double Lower, double Upper);
