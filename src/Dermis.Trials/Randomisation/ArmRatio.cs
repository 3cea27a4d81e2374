namespace Dermis.Trials.Randomisation;

/// <summary>An arm and its allocation weight (2 and 1 for a 2:1 allocation).</summary>
/// <param name="Arm">Arm id.</param>
/// <param name="Ratio">Positive integer weight.</param>
public sealed record ArmRatio(string Arm, int Ratio);
