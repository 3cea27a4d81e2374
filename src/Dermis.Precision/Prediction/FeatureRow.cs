namespace Dermis.Precision.Prediction;

/// <summary>
/// One participant's candidate predictors and binary outcome (for example week-16 response and
/// baseline severity as features, week-52 maintenance as outcome).
/// </summary>
/// <param name="Subject">Participant identifier; must be unique within a data set.</param>
/// <param name="Features">
/// Feature values by name. A <see langword="null"/> value, or a name absent from the dictionary,
/// means "not measured" (sensor and cell-composition data exist only for a subset); it is handled
/// by mean imputation plus a missingness indicator (see <see cref="LogisticModel"/>).
/// NaN and infinite values are rejected.
/// </param>
/// <param name="Outcome">The binary outcome; <see langword="null"/> rows are skipped when fitting.</param>
public sealed record FeatureRow(string Subject, IReadOnlyDictionary<string, double?> Features, bool? Outcome);
