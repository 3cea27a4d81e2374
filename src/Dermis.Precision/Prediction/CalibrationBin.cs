namespace Dermis.Precision.Prediction;

/// <summary>One bin of a calibration plot (bins are equal-count groups of sorted predictions).</summary>
/// <param name="MeanPredicted">Mean predicted probability in the bin.</param>
/// <param name="ObservedRate">Observed event proportion in the bin.</param>
/// <param name="Count">Participants in the bin.</param>
public sealed record CalibrationBin(double MeanPredicted, double ObservedRate, int Count);
