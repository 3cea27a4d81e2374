namespace Dermis.Sensing.Sweat;

/// <summary>How the fitted curve treats one calibration standard.</summary>
/// <param name="Concentration">Nominal concentration; 0 for a blank.</param>
/// <param name="Response">Measured response.</param>
/// <param name="Fitted">The curve's response at the nominal concentration; for a blank on a log-linear curve (no response at x = 0) the measured response.</param>
/// <param name="Residual">Response − Fitted (unweighted); 0 for a blank on a log-linear curve.</param>
/// <param name="BackCalculated">The curve's inverse at the measured response; null when the response lies outside the curve's asymptotes.</param>
/// <param name="RecoveryPercent">100 · BackCalculated / Concentration; null for blanks or when there is no back-calculated value. 85–115 % is the usual acceptance inside the range (FDA Bioanalytical Method Validation, 2018, §III.B).</param>
/// <param name="InFit">False for a blank left out of the fit (log-linear, or <see cref="CalibrationFitOptions.IncludeBlanksInFit"/> false).</param>
public sealed record StandardFit(double Concentration, double Response, double Fitted, double Residual, double? BackCalculated, double? RecoveryPercent, bool InFit);
