namespace Dermis.Precision.Prediction;

/// <summary>How much a feature matters to a cross-validated model.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="StandardisedCoefficient">Coefficient per standard deviation in the final (all-data) model.</param>
/// <param name="AucDrop">
/// Permutation importance: out-of-fold AUC minus the mean out-of-fold AUC after shuffling this
/// feature (values and missingness together) among each held-out fold's participants and
/// re-predicting with that fold's model; 10 seeded shuffles. Near 0 (or slightly negative) for a
/// feature the model does not use.
/// </param>
public sealed record FeatureImportance(string Feature, double StandardisedCoefficient, double AucDrop);
