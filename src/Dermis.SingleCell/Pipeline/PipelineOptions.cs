using Dermis.SingleCell.Annotation;
using Dermis.SingleCell.Markers;
using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Pipeline;

/// <summary>Community detection used by <see cref="SingleCellPipeline"/>.</summary>
public enum ClusteringMethod
{
    /// <summary>Louvain with Seurat's <c>FindClusters(algorithm = 1)</c> defaults (10 starts × 10 iterations).</summary>
    Louvain,

    /// <summary>Leiden (Traag et al. 2019), one start, as Seurat <c>algorithm = 4</c>.</summary>
    Leiden,
}

/// <summary>
/// Every parameter of <see cref="SingleCellPipeline.Run"/>; the defaults are the Seurat v4 PBMC3k tutorial
/// (Satija lab, "Seurat – Guided Clustering Tutorial").
/// </summary>
public sealed record PipelineOptions
{
    /// <summary>Prefilter: keep genes expressed in at least this many cells (<c>min.cells</c>, 3).</summary>
    public int MinCellsPerGene { get; init; } = 3;

    /// <summary>Prefilter: keep cells with at least this many expressed genes (<c>min.features</c>, 200).</summary>
    public int MinGenesPerCell { get; init; } = 200;

    /// <summary>QC bounds (strict), default 200 &lt; n_genes &lt; 2,500 and percent_mt &lt; 5.</summary>
    public CellQcThresholds Qc { get; init; } = CellQcThresholds.SeuratTutorial;

    /// <summary>Mitochondrial gene pattern (<c>^MT-</c> human, <c>^mt-</c> mouse).</summary>
    public string MitoPattern { get; init; } = QualityControl.HumanMitoPattern;

    /// <summary>LogNormalize target count per cell (1e4).</summary>
    public double ScaleFactor { get; init; } = Normalization.DefaultScaleFactor;

    /// <summary>Number of vst variable genes (2,000).</summary>
    public int VariableGeneCount { get; init; } = 2000;

    /// <summary>Scaled values are clipped above this (10).</summary>
    public double ScaleMaxValue { get; init; } = Scaling.DefaultMaxValue;

    /// <summary>Principal components computed (50).</summary>
    public int PcaComponents { get; init; } = 50;

    /// <summary>PCA seed (Seurat <c>seed.use</c> 42).</summary>
    public int PcaSeed { get; init; } = 42;

    /// <summary>Leading PCs used by neighbours, clustering and UMAP (tutorial <c>dims = 1:10</c>).</summary>
    public int Dimensions { get; init; } = 10;

    /// <summary>Neighbours for the SNN graph, self included (<c>k.param</c> 20).</summary>
    public int NeighborCount { get; init; } = 20;

    /// <summary>SNN Jaccard pruning (<c>prune.SNN</c> 1/15).</summary>
    public double SnnPrune { get; init; } = Neighbors.SharedNearestNeighbors.SeuratPrune;

    /// <summary>Community detection (Louvain).</summary>
    public ClusteringMethod Clustering { get; init; } = ClusteringMethod.Louvain;

    /// <summary>Modularity resolution (tutorial 0.5).</summary>
    public double Resolution { get; init; } = 0.5;

    /// <summary>Clustering seed (Seurat <c>random.seed</c> 0).</summary>
    public ulong ClusterSeed { get; init; }

    /// <summary>False to skip UMAP (the result then has no coordinates).</summary>
    public bool RunUmap { get; init; } = true;

    /// <summary>UMAP neighbours, self included (<c>n.neighbors</c> 30, cosine).</summary>
    public int UmapNeighborCount { get; init; } = 30;

    /// <summary>UMAP <c>min.dist</c> (0.3).</summary>
    public double UmapMinDist { get; init; } = 0.3;

    /// <summary>UMAP epochs; 0 = 500 up to 10,000 cells, else 200.</summary>
    public int UmapEpochs { get; init; }

    /// <summary>UMAP seed (42).</summary>
    public ulong UmapSeed { get; init; } = 42;

    /// <summary>Marker filters (tutorial: only.pos, min.pct 0.25, logfc 0.25).</summary>
    public MarkerOptions Markers { get; init; } = MarkerOptions.SeuratTutorial;

    /// <summary>An annotated reference, trained on against the query's genes in the annotation step; null for none.</summary>
    public CellTypeReference? Reference { get; init; }

    /// <summary>A trained classifier (used instead of <see cref="Reference"/> when both are set); null for none.</summary>
    public CellTypeClassifier? Classifier { get; init; }

    /// <summary>Marker panel used when neither <see cref="Reference"/> nor <see cref="Classifier"/> is given.</summary>
    public MarkerPanel Panel { get; init; } = MarkerPanel.Immune;

    /// <summary>Cells whose classifier confidence is below this, in [0, 1], are <see cref="CellTypeClassifier.Unassigned"/> (0.5).</summary>
    public double UnassignedBelow { get; init; } = 0.5;

    /// <summary>Clock used for the per-step wall times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinCellsPerGene);
        ArgumentOutOfRangeException.ThrowIfNegative(MinGenesPerCell);
        ArgumentNullException.ThrowIfNull(Qc);
        ArgumentNullException.ThrowIfNull(Markers);
        ArgumentNullException.ThrowIfNull(Panel);
        ArgumentNullException.ThrowIfNull(Time);
        if (Dimensions < 1 || Dimensions > PcaComponents)
        {
            throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions, $"Dimensions must be in [1, PcaComponents = {PcaComponents}].");
        }

        if (!(Resolution > 0) || double.IsInfinity(Resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(Resolution), Resolution, "Resolution must be a finite number > 0 (tutorial 0.5).");
        }

        if (!(UnassignedBelow >= 0 && UnassignedBelow <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(UnassignedBelow), UnassignedBelow, "UnassignedBelow must be in [0, 1] (default 0.5).");
        }
    }
}
