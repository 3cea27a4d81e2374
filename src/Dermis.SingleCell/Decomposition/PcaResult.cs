namespace Dermis.SingleCell.Decomposition;

/// <summary>The result of <see cref="Pca.Run"/>.</summary>
/// <param name="StandardDeviations">Standard deviation of each component's cell scores, σ / sqrt(cells − 1), descending (Seurat <c>Stdev</c>).</param>
/// <param name="VarianceRatio">Each component's variance over the total variance of the genes used (Scanpy <c>variance_ratio</c>).</param>
/// <param name="GeneIndices">The genes used, in increasing index order.</param>
/// <param name="Embedding">Cells × components scores U·Σ, row-major (also stored as the embedding "pca").</param>
public sealed record PcaResult(double[] StandardDeviations, double[] VarianceRatio, int[] GeneIndices, DenseMatrix Embedding);
