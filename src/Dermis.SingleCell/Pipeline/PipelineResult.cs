using Dermis.SingleCell.Annotation;
using Dermis.SingleCell.Clustering;
using Dermis.SingleCell.Decomposition;
using Dermis.SingleCell.Markers;
using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Pipeline;

/// <summary>What <see cref="SingleCellPipeline.Run"/> produced.</summary>
/// <param name="Matrix">
/// The cells that passed QC: X log-normalised, layer <c>"counts"</c>, cell columns n_genes, n_counts, percent_mt,
/// <see cref="SingleCellPipeline.ClusterColumn"/>, <see cref="SingleCellPipeline.CellTypeColumn"/>,
/// <see cref="SingleCellPipeline.ConfidenceColumn"/>, embeddings <c>"pca"</c> and (when run) <c>"umap"</c>.
/// </param>
/// <param name="CellsRead">Cells in the input.</param>
/// <param name="GenesRead">Genes in the input.</param>
/// <param name="GenesAfterPrefilter">Genes kept by the prefilter (the genes of <paramref name="Matrix"/>).</param>
/// <param name="Qc">QC metrics of every cell that passed the prefilter, with the QC decision.</param>
/// <param name="VariableGenes">The vst variable genes.</param>
/// <param name="Pca">The PCA.</param>
/// <param name="Clusters">Cluster of each cell of <paramref name="Matrix"/>.</param>
/// <param name="Umap">Cells × 2 UMAP coordinates, row-major; null when <see cref="PipelineOptions.RunUmap"/> is false.</param>
/// <param name="Markers">Markers of every cluster.</param>
/// <param name="Annotation">Cell type and confidence of each cell.</param>
/// <param name="Steps">Wall time and memory of each step, in run order.</param>
/// <param name="Options">The options of the run.</param>
public sealed record PipelineResult(
    CellMatrix Matrix,
    int CellsRead,
    int GenesRead,
    int GenesAfterPrefilter,
    QcMetrics Qc,
    VariableGeneSelection VariableGenes,
    PcaResult Pca,
    CellClusters Clusters,
    float[]? Umap,
    IReadOnlyList<MarkerGene> Markers,
    CellTypeAnnotation Annotation,
    IReadOnlyList<PipelineStep> Steps,
    PipelineOptions Options)
{
    /// <summary>Cells that passed QC.</summary>
    public int CellsAfterQc => Matrix.CellCount;

    /// <summary>Peak process working set over the run, MB.</summary>
    public double PeakWorkingSetMegabytes
    {
        get
        {
            var peak = 0.0;
            foreach (var step in Steps)
            {
                peak = Math.Max(peak, step.PeakWorkingSetMegabytes);
            }

            return peak;
        }
    }
}

/// <summary>QC metrics of the cells entering the QC filter (after the prefilter), for plots and summaries.</summary>
/// <param name="GenesPerCell">Expressed genes per cell (n_genes).</param>
/// <param name="CountsPerCell">UMIs per cell (n_counts).</param>
/// <param name="PercentMito">Mitochondrial percentage per cell (percent_mt).</param>
/// <param name="Passed">True for the cells kept by the QC thresholds.</param>
public sealed record QcMetrics(double[] GenesPerCell, double[] CountsPerCell, double[] PercentMito, bool[] Passed);
