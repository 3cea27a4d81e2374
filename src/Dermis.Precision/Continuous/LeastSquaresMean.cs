namespace Dermis.Precision.Continuous;

/// <summary>
/// Least-squares (estimated marginal) mean of one arm at one visit: the model prediction with baseline at its mean
/// over the analysed subjects and every stratum level weighted equally (the R <c>emmeans</c> default weighting).
/// </summary>
/// <param name="Arm">Arm.</param>
/// <param name="Visit">Visit.</param>
/// <param name="Estimate">LS mean.</param>
/// <param name="StandardError">Standard error.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the interval.</param>
/// <param name="Lower">Lower confidence limit at the requested level (two-sided t interval).</param>
/// <param name="Upper">Upper confidence limit.</param>
public sealed record LeastSquaresMean(string Arm, string Visit, double Estimate, double StandardError, double DegreesOfFreedom, double Lower, double Upper);
