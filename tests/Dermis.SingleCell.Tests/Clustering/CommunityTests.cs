using Dermis.SingleCell.Clustering;
using Dermis.SingleCell.Neighbors;
using Dermis.SingleCell.Tests.Neighbors;
using Xunit.Abstractions;

namespace Dermis.SingleCell.Tests.Clustering;

public sealed class CommunityTests(ITestOutputHelper output)
{
    private static readonly Lazy<CellGraph> s_ourSnn = new(() =>
        SharedNearestNeighbors.Compute(NearestNeighbors.Exact(SeuratGraphReference.Pca, SeuratGraphReference.Cells, SeuratGraphReference.Pcs)));

    [Fact]
    public void Louvain_twoTriangles_splitsAtTheBridge()
    {
        var clusters = Louvain.Cluster(TwoTriangles.Graph(), new CommunityOptions { Resolution = 1 });

        Assert.Equal(2, clusters.ClusterCount);
        Assert.Equal([0, 0, 0, 1, 1, 1], clusters.Labels.ToArray());
        Assert.Equal(5.0 / 14.0, clusters.Modularity, 12);
    }

    [Fact]
    public void Leiden_twoTriangles_splitsAtTheBridge()
    {
        var clusters = Leiden.Cluster(TwoTriangles.Graph(), new CommunityOptions { Resolution = 1, Iterations = -1 });

        Assert.Equal([0, 0, 0, 1, 1, 1], clusters.Labels.ToArray());
        Assert.Equal(5.0 / 14.0, clusters.Modularity, 12);
    }

    [Fact]
    public void Louvain_pbmc3kOurSnnResolution05_nineClustersLikeSeurat()
    {
        var clusters = Louvain.Cluster(s_ourSnn.Value, new CommunityOptions { Resolution = 0.5 });
        var ari = AdjustedRandIndex.Compute(clusters.Labels, SeuratGraphReference.Louvain);

        output.WriteLine($"Louvain on our SNN: {clusters.ClusterCount} clusters [{string.Join(' ', clusters.Sizes.ToArray())}], Q = {clusters.Modularity:F5}, ARI vs Seurat {ari:F4}");
        Assert.Equal(9, clusters.ClusterCount);
        Assert.True(ari >= 0.95, $"ARI {ari}");
    }

    [Fact]
    public void Louvain_seuratSnnResolution05_reproducesSeuratLabels()
    {
        var clusters = Louvain.Cluster(SeuratGraphReference.Snn, new CommunityOptions { Resolution = 0.5 });
        var ari = AdjustedRandIndex.Compute(clusters.Labels, SeuratGraphReference.Louvain);
        var seuratQ = Modularity.Compute(SeuratGraphReference.Snn, SeuratGraphReference.Louvain, 0.5);

        output.WriteLine($"Louvain on Seurat's SNN: {clusters.ClusterCount} clusters [{string.Join(' ', clusters.Sizes.ToArray())}], Q = {clusters.Modularity:F5} (Seurat's labels {seuratQ:F5}), ARI {ari:F4}");
        Assert.Equal(9, clusters.ClusterCount);
        Assert.True(ari >= 0.97, $"ARI {ari}");
        Assert.True(clusters.Modularity >= seuratQ - 1e-3);
    }

    [Fact]
    public void Leiden_pbmc3kOurSnnResolution05_agreesWithSeuratLeiden()
    {
        var clusters = Leiden.Cluster(s_ourSnn.Value, new CommunityOptions { Resolution = 0.5, RandomStarts = 1 });
        var ari = AdjustedRandIndex.Compute(clusters.Labels, SeuratGraphReference.Leiden);
        var ariLouvain = AdjustedRandIndex.Compute(clusters.Labels, SeuratGraphReference.Louvain);

        output.WriteLine($"Leiden on our SNN: {clusters.ClusterCount} clusters [{string.Join(' ', clusters.Sizes.ToArray())}], Q = {clusters.Modularity:F5}, ARI vs Seurat Leiden {ari:F4}, vs Seurat Louvain {ariLouvain:F4}");
        Assert.True(ari >= 0.9, $"ARI {ari}");
    }

    [Fact]
    public void Leiden_sameSeed_sameLabels_differentSeedStillGood()
    {
        var options = new CommunityOptions { Resolution = 0.5, RandomStarts = 1, Seed = 5 };
        var first = Leiden.Cluster(s_ourSnn.Value, options);
        var second = Leiden.Cluster(s_ourSnn.Value, options);

        Assert.True(first.Labels.SequenceEqual(second.Labels));
        Assert.Equal(first.Modularity, second.Modularity);
        for (var c = 1; c < first.ClusterCount; c++)
        {
            Assert.True(first.Sizes[c] <= first.Sizes[c - 1]);
        }
    }

    [Fact]
    public void Cluster_badOptions_throwNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => Louvain.Cluster(TwoTriangles.Graph(), new CommunityOptions { Resolution = 0 }));
        Assert.Contains("Resolution", error.Message, StringComparison.Ordinal);
    }
}
