using Dermis.SingleCell.Clustering;
using Dermis.SingleCell.Pipeline;
using Dermis.SingleCell.Preprocessing;
using Dermis.SingleCell.Tests.Annotation;
using Xunit.Abstractions;

namespace Dermis.SingleCell.Tests.Pipeline;

// Reference: the Seurat PBMC3k tutorial outcome (2,638 cells × 13,714 genes, 9 clusters; published v3 labels in
// tests/data/pbmc3k-labels). UMAP is left out here (the CLI tests run it); it does not change clusters or types.
[Collection(Pbmc3kGroup.Name)]
public sealed class SingleCellPipelineTests(Pbmc3kFixture pbmc, ITestOutputHelper output)
{
    private readonly Lazy<PipelineResult> _louvain = new(() => SingleCellPipeline.Run(pbmc.Raw, new PipelineOptions { RunUmap = false }));

    [Fact]
    public void Run_pbmc3kTutorialDefaults_reproducesTheTutorialOutcome()
    {
        var result = _louvain.Value;
        var published = PublishedLabels.Pbmc3kOf(result.Matrix);
        var ari = AdjustedRandIndex.Compute(result.Clusters.Labels, Codes(published));

        output.WriteLine($"{result.Clusters.ClusterCount} clusters [{string.Join(' ', result.Clusters.Sizes.ToArray())}], ARI vs published {ari:F4}");
        output.WriteLine(string.Join(", ", result.Steps.Select(s => $"{s.Name} {s.Seconds:F2} s {s.PeakWorkingSetMegabytes:F0} MB")));
        Assert.Equal(2700, result.CellsRead);
        Assert.Equal(32738, result.GenesRead);
        Assert.Equal(13714, result.GenesAfterPrefilter);
        Assert.Equal(2638, result.CellsAfterQc);
        Assert.Equal(2700, result.Qc.Passed.Length);
        Assert.Equal(2638, result.Qc.Passed.Count(p => p));
        Assert.Equal(9, result.Clusters.ClusterCount);
        Assert.True(ari >= 0.93, $"ARI {ari}");
        Assert.Null(result.Umap);
        Assert.Equal(
            ["prefilter", "qc", "normalize", "variable_genes", "scale", "pca", "neighbors", "clustering", "umap", "markers", "annotation"],
            result.Steps.Select(s => s.Name));
        Assert.All(result.Steps, s => Assert.True(s.PeakWorkingSetMegabytes >= s.WorkingSetMegabytes * 0.999 && s.Seconds >= 0));
    }

    [Fact]
    public void Run_pbmc3k_markerPanelTypesMatchThePublishedTypes()
    {
        var result = _louvain.Value;
        var published = PublishedLabels.Pbmc3kOf(result.Matrix);
        var coarse = published.Select(t => t is "Naive CD4 T" or "Memory CD4 T" ? "CD4 T" : t).ToArray();
        var agree = coarse.Where((t, i) => t == result.Annotation.CellTypes[i]).Count();
        var cellTypes = result.Matrix.Cells.Columns.RequireText(SingleCellPipeline.CellTypeColumn, "");

        output.WriteLine($"marker panel agrees with the published (CD4 merged) types for {agree}/{coarse.Length} cells");
        Assert.Equal(8, result.Annotation.CellTypes.Distinct().Count());
        Assert.True((double)agree / coarse.Length >= 0.95, $"{agree}");
        Assert.Equal(result.Annotation.CellTypes, cellTypes);
        Assert.Contains(result.Markers, r => r.Gene == "MS4A1" && result.Annotation.CellTypes[Array.IndexOf(result.Matrix.Cells.Columns.RequireText("cluster", ""), r.Group)] == "B");
    }

    [Fact]
    public void Run_leiden_findsNineClustersWithHighAri()
    {
        var result = SingleCellPipeline.Run(pbmc.Raw, new PipelineOptions { RunUmap = false, Clustering = ClusteringMethod.Leiden });
        var ari = AdjustedRandIndex.Compute(result.Clusters.Labels, Codes(PublishedLabels.Pbmc3kOf(result.Matrix)));

        output.WriteLine($"Leiden: {result.Clusters.ClusterCount} clusters [{string.Join(' ', result.Clusters.Sizes.ToArray())}], ARI {ari:F4}");
        Assert.InRange(result.Clusters.ClusterCount, 8, 10);
        Assert.True(ari >= 0.85, $"ARI {ari}");
    }

    [Fact]
    public void Run_thresholdsNoCellPasses_namesTheCountAndTheFix()
    {
        var options = new PipelineOptions { Qc = new CellQcThresholds(200, 2500, 0), RunUmap = false };

        var e = Assert.Throws<ArgumentException>(() => SingleCellPipeline.Run(pbmc.Raw, options));

        Assert.StartsWith("only 0 of 2700 cells passed QC", e.Message, StringComparison.Ordinal);
    }

    private static int[] Codes(string[] labels)
    {
        var names = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return labels.Select(l => names.IndexOf(l)).ToArray();
    }
}
