namespace Dermis.Precision.Continuous;

/// <summary>One fixed-effect coefficient with its t test.</summary>
/// <param name="Term">
/// Term name: <c>(Intercept)</c>, <c>Baseline</c>, <c>Arm[B]</c>, <c>Visit[W4]</c>, <c>Stratum1[EU]</c> (1-based factor
/// position), <c>Arm[B]:Visit[W4]</c>, <c>Baseline:Visit[W4]</c>; the reference level of every factor is absorbed in the
/// intercept (treatment coding, as R).
/// </param>
/// <param name="Estimate">Coefficient.</param>
/// <param name="StandardError">Standard error (Kenward–Roger adjusted where that df method is chosen).</param>
/// <param name="DegreesOfFreedom">Denominator degrees of freedom of the t test.</param>
/// <param name="T">Estimate / standard error.</param>
/// <param name="P">Two-sided p-value of the t test.</param>
public sealed record FixedEffect(string Term, double Estimate, double StandardError, double DegreesOfFreedom, double T, double P);
