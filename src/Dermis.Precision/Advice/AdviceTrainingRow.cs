namespace Dermis.Precision.Advice;

/// <summary>One randomised participant: arm, baseline characteristics and whether they responded.</summary>
/// <param name="Subject">Participant identifier, unique.</param>
/// <param name="Arm">Treatment arm as randomised (for example "placebo", "dupilumab").</param>
/// <param name="Baseline">Baseline features by name; null or absent = not measured (mean-imputed with a missingness indicator).</param>
/// <param name="Responded">The binary response (for example EASI-75 at week 16).</param>
public sealed record AdviceTrainingRow(string Subject, string Arm, IReadOnlyDictionary<string, double?> Baseline, bool Responded);
