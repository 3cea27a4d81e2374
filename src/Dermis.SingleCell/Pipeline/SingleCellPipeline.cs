using System.Globalization;
using Dermis.SingleCell.Annotation;
using Dermis.SingleCell.Clustering;
using Dermis.SingleCell.Decomposition;
using Dermis.SingleCell.Embedding;
using Dermis.SingleCell.Neighbors;
using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Pipeline;

/// <summary>
/// The whole Seurat PBMC3k tutorial in one call (Satija lab, "Seurat – Guided Clustering Tutorial"; Hao et al.,
/// Cell 184:3573, 2021): prefilter, QC, LogNormalize, vst variable genes, scaling, PCA, kNN + SNN, Louvain or
/// Leiden, UMAP, one-vs-rest markers, then cell types from a reference classifier or a marker panel.
/// </summary>
public static class SingleCellPipeline
{
    /// <summary>Cell text column with each cell's cluster ("0" = largest).</summary>
    public const string ClusterColumn = "cluster";

    /// <summary>Cell text column with each cell's type.</summary>
    public const string CellTypeColumn = "cell_type";

    /// <summary>Cell numeric column with the confidence of the cell type, in [0, 1].</summary>
    public const string ConfidenceColumn = "confidence";

    /// <summary>Embedding name of the UMAP coordinates.</summary>
    public const string UmapEmbedding = "umap";

    private const int StepCount = 11;

    /// <summary>
    /// Runs every step on raw counts. Each step's wall time (from <see cref="PipelineOptions.Time"/>) and the process
    /// memory after it are recorded in <see cref="PipelineResult.Steps"/>; the same seeds give the same result on any
    /// thread count.
    /// </summary>
    /// <param name="counts">Raw UMI counts as read by <c>TenXReader.ReadMex</c> (not modified).</param>
    /// <param name="options">Parameters; null for the tutorial's.</param>
    /// <param name="progress">Told when each step starts; may be null.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">Too few cells or genes are left after QC for the requested PCs or neighbours (the message says how many).</exception>
    public static PipelineResult Run(CellMatrix counts, PipelineOptions? options = null, IProgress<PipelineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        options ??= new PipelineOptions();
        options.Validate();
        var meter = new StepMeter(options.Time, progress, StepCount);
        var cellsRead = counts.CellCount;
        var genesRead = counts.GeneCount;

        // The raw counts are passed as state, not captured, so they can be collected once the prefilter has copied them.
        var m = meter.Run("prefilter", Size(counts.CellCount, counts.GeneCount), counts, raw =>
            QualityControl.Prefilter(raw, options.MinCellsPerGene, options.MinGenesPerCell));
        var genesKept = m.GeneCount;
        QcMetrics? qc = null;
        m = meter.Run("qc", Size(m.CellCount, m.GeneCount), () =>
        {
            QualityControl.Compute(m, options.MitoPattern);
            var columns = m.Cells.Columns;
            var genes = columns.RequireNumeric(QualityControl.GenesPerCell, "QualityControl.Compute");
            var umis = columns.RequireNumeric(QualityControl.CountsPerCell, "QualityControl.Compute");
            var mito = columns.RequireNumeric(QualityControl.PercentMito, "QualityControl.Compute");
            var passed = new bool[m.CellCount];
            var t = options.Qc;
            for (var c = 0; c < passed.Length; c++)
            {
                passed[c] = genes[c] > t.MinGenesExclusive && genes[c] < t.MaxGenesExclusive && umis[c] > t.MinCountsExclusive
                    && umis[c] < t.MaxCountsExclusive && mito[c] < t.MaxPercentMitoExclusive;
            }

            qc = new QcMetrics(genes, umis, mito, passed);
            return m.SubsetCells(passed);
        });
        var needed = Math.Max(options.NeighborCount, options.RunUmap ? options.UmapNeighborCount : 0);
        if (m.CellCount <= needed || m.CellCount <= options.Dimensions)
        {
            throw new ArgumentException(
                $"only {m.CellCount} of {cellsRead} cells passed QC ({options.Qc}); the pipeline needs more than {Math.Max(needed, options.Dimensions)} (neighbours and PCs). Loosen the QC thresholds or check the input.",
                nameof(counts));
        }

        meter.Run("normalize", Size(m.CellCount, m.GeneCount), () => Normalization.LogNormalize(m, options.ScaleFactor));
        var hvg = meter.Run("variable_genes", Size(m.CellCount, m.GeneCount), () =>
            VariableGenes.Vst(m, Math.Min(options.VariableGeneCount, m.GeneCount)));
        meter.Run("scale", Size(m.CellCount, hvg.GeneIndices.Length), () => Scaling.Scale(m, maxValue: options.ScaleMaxValue));
        var components = Math.Min(options.PcaComponents, Math.Min(m.CellCount - 1, hvg.GeneIndices.Length));
        var dims = Math.Min(options.Dimensions, components);
        var pca = meter.Run("pca", Size(m.CellCount, hvg.GeneIndices.Length), () => Pca.Run(m, components, options.PcaSeed));
        var leading = Leading(pca.Embedding, dims);

        var snn = meter.Run("neighbors", $"{m.CellCount:N0} cells × {dims} PCs, k {options.NeighborCount}", () =>
            SharedNearestNeighbors.Compute(
                NearestNeighbors.Find(leading, m.CellCount, dims, new NeighborOptions { K = options.NeighborCount }), options.SnnPrune));
        var clusters = meter.Run("clustering", $"{options.Clustering}, resolution {options.Resolution.ToString(CultureInfo.InvariantCulture)}", () =>
        {
            var community = new CommunityOptions
            {
                Resolution = options.Resolution,
                Seed = options.ClusterSeed,
                RandomStarts = options.Clustering == ClusteringMethod.Leiden ? 1 : 10,
            };
            return options.Clustering == ClusteringMethod.Leiden ? Leiden.Cluster(snn, community) : Louvain.Cluster(snn, community);
        });
        var clusterLabels = new string[m.CellCount];
        for (var c = 0; c < clusterLabels.Length; c++)
        {
            clusterLabels[c] = clusters.Labels[c].ToString(CultureInfo.InvariantCulture);
        }

        m.Cells.Columns.SetText(ClusterColumn, clusterLabels);

        float[]? umap = null;
        if (options.RunUmap)
        {
            umap = meter.Run("umap", $"{m.CellCount:N0} cells, {options.UmapNeighborCount} cosine neighbours", () =>
            {
                var knn = NearestNeighbors.Find(leading, m.CellCount, dims, new NeighborOptions { K = options.UmapNeighborCount, Metric = DistanceMetric.Cosine });
                return Umap.Layout(FuzzyConnectivities.Compute(knn), new UmapOptions { MinDist = options.UmapMinDist, Epochs = options.UmapEpochs, Seed = options.UmapSeed });
            });
            m.SetEmbedding(UmapEmbedding, new DenseMatrix(m.CellCount, 2, umap));
        }
        else
        {
            meter.Run("umap", "skipped", () => 0);
        }

        var markers = clusters.ClusterCount < 2
            ? []
            : meter.Run("markers", $"{clusters.ClusterCount} clusters × {m.GeneCount:N0} genes", () => Markers.Markers.FindAll(m, clusterLabels, options.Markers));
        var annotation = meter.Run("annotation", options.Classifier is null && options.Reference is null ? "marker panel" : "reference classifier", () =>
        {
            var classifier = options.Classifier
                ?? (options.Reference is { } r ? CellTypeClassifier.Train(r.Counts, r.Labels, r.Options, m.Genes.Names) : null);
            return classifier is null ? options.Panel.Annotate(m, clusterLabels) : classifier.Predict(m, options.UnassignedBelow);
        });
        m.Cells.Columns.SetText(CellTypeColumn, [.. annotation.CellTypes]);
        m.Cells.Columns.SetNumeric(ConfidenceColumn, [.. annotation.Confidence]);

        return new PipelineResult(m, cellsRead, genesRead, genesKept, qc!, hvg, pca, clusters, umap, markers, annotation, meter.Steps, options);
    }

    private static float[] Leading(DenseMatrix embedding, int dims)
    {
        var result = new float[embedding.Rows * dims];
        for (var i = 0; i < embedding.Rows; i++)
        {
            embedding.Row(i)[..dims].CopyTo(result.AsSpan(i * dims, dims));
        }

        return result;
    }

    private static string Size(int cells, int genes) => string.Create(CultureInfo.InvariantCulture, $"{cells:N0} cells × {genes:N0} genes");
}
