namespace Dermis.SingleCell;

/// <summary>
/// Dense centred and scaled expression of a gene subset (Seurat's <c>scale.data</c>), cells × genes row-major.
/// </summary>
/// <param name="GeneIndices">Index in the <see cref="CellMatrix"/> of each scaled column, increasing.</param>
/// <param name="Values">Cells × <c>GeneIndices.Length</c> scaled values.</param>
/// <param name="Means">Mean of each scaled gene before centring.</param>
/// <param name="StandardDeviations">Standard deviation (n − 1) of each gene before scaling; 1 when scaling was off.</param>
/// <param name="MaxValue">The clip applied (values above it were set to it); +∞ when none.</param>
public sealed record ScaledData(int[] GeneIndices, DenseMatrix Values, double[] Means, double[] StandardDeviations, double MaxValue);
