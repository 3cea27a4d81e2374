namespace Dermis.Precision.Advice;

/// <summary>Per-arm predicted response for one patient profile and the contrast between the two best arms.</summary>
/// <param name="Arms">Every arm, in ordinal name order.</param>
/// <param name="BestArm">Arm with the highest point prediction.</param>
/// <param name="Difference">Best minus next-best point prediction (≥ 0), on the probability scale.</param>
/// <param name="DifferenceLower">2.5th percentile of the bootstrap differences (same two arms, same resample); an interval containing 0 means the data do not separate the arms for this profile.</param>
/// <param name="DifferenceUpper">97.5th percentile of the bootstrap differences.</param>
/// <param name="TrainedOn">Plain statement of what the advice rests on: participants and responders per arm, features, outcome, and that it models a trial population and is not a prescription.</param>
public sealed record TreatmentAdvice(IReadOnlyList<ArmPrediction> Arms, string BestArm, double Difference, double DifferenceLower, double DifferenceUpper, string TrainedOn);
