namespace Dermis.Precision.Advice;

/// <summary>Predicted response probability on one arm for one baseline profile.</summary>
/// <param name="Arm">Arm name.</param>
/// <param name="Probability">Point prediction from the arm's model fitted to all of the arm's participants.</param>
/// <param name="Lower">2.5th percentile of the bootstrap predictions (percentile bootstrap, participants resampled within arm).</param>
/// <param name="Upper">97.5th percentile of the bootstrap predictions.</param>
public sealed record ArmPrediction(string Arm, double Probability, double Lower, double Upper);
