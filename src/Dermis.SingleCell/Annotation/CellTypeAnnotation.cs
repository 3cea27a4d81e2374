namespace Dermis.SingleCell.Annotation;

/// <summary>A cell type and a confidence for each cell.</summary>
/// <param name="CellTypes">Cell type of each cell; <see cref="CellTypeClassifier.Unassigned"/> when no type is confident enough.</param>
/// <param name="Confidence">
/// Confidence of each call in [0, 1]: the classifier's maximum class probability, or for a marker panel the share
/// of the cell's cluster whose own best-scoring type is the cluster's type.
/// </param>
/// <param name="Method">"reference classifier" or "marker panel".</param>
public sealed record CellTypeAnnotation(IReadOnlyList<string> CellTypes, IReadOnlyList<double> Confidence, string Method);
