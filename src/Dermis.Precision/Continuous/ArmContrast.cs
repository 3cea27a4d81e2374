namespace Dermis.Precision.Continuous;

/// <summary>Difference of LS means, one arm minus the reference arm, at one visit, with its t test and interval.</summary>
/// <param name="Arm">The compared arm.</param>
/// <param name="ReferenceArm">The reference arm (subtracted).</param>
/// <param name="Visit">Visit.</param>
/// <param name="Estimate">LS-mean difference.</param>
/// <param name="StandardError">Standard error.</param>
/// <param name="DegreesOfFreedom">Denominator degrees of freedom.</param>
/// <param name="T">Estimate / standard error.</param>
/// <param name="P">Two-sided p-value.</param>
/// <param name="Lower">Lower confidence limit.</param>
/// <param name="Upper">Upper confidence limit.</param>
public sealed record ArmContrast(
    string Arm,
    string ReferenceArm,
    string Visit,
    double Estimate,
    double StandardError,
    double DegreesOfFreedom,
    double T,
    double P,
    double Lower,
    double Upper);
