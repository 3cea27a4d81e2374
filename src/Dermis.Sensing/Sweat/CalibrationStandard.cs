namespace Dermis.Sensing.Sweat;

/// <summary>One calibration standard well or strip: a nominal concentration and its measured response. Replicates are separate rows.</summary>
/// <param name="Concentration">Nominal concentration in the lot's unit (pg/mL for the sweat cytokines), finite and ≥ 0; 0 is a blank.</param>
/// <param name="Response">The transducer response (OD, ΔZ/Z₀ in %, reflectance…), finite; any sign (blank-subtracted signals go negative).</param>
public sealed record CalibrationStandard(double Concentration, double Response);
