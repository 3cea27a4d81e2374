using Dermis.SingleCell.Embedding;
using Dermis.SingleCell.Neighbors;
using Dermis.SingleCell.Tests.Neighbors;
using Xunit.Abstractions;

namespace Dermis.SingleCell.Tests.Embedding;

public sealed class UmapTests(ITestOutputHelper output)
{
    private const int Cells = SeuratGraphReference.Cells;

    [Fact]
    public void Layout_pbmc3kSeuratSettings_preservesNeighbourhoodsAndSeparatesClusters()
    {
        // Seurat RunUMAP(dims = 1:10): 30 cosine neighbours, min.dist 0.3, spread 1, seed 42, 500 epochs.
        var knn = NearestNeighbors.Exact(SeuratGraphReference.Pca, Cells, SeuratGraphReference.Pcs, new NeighborOptions { K = 30, Metric = DistanceMetric.Cosine });
        var layout = Umap.Layout(FuzzyConnectivities.Compute(knn));

        var ours = Preservation(layout);
        var uwot = Preservation(SeuratGraphReference.Umap);
        var ourSilhouette = Silhouette(layout, SeuratGraphReference.Louvain);
        var uwotSilhouette = Silhouette(SeuratGraphReference.Umap, SeuratGraphReference.Louvain);
        output.WriteLine($"15-NN preservation (PCA euclidean → UMAP): ours {ours:F4}, uwot {uwot:F4}; silhouette by Seurat labels: ours {ourSilhouette:F4}, uwot {uwotSilhouette:F4}");

        Assert.All(layout, v => Assert.True(float.IsFinite(v)));
        Assert.True(ours >= 0.28, $"preservation {ours}");
        Assert.True(ourSilhouette >= 0.45, $"silhouette {ourSilhouette}");
    }

    [Fact]
    public void Layout_sameSeed_identicalAndDisconnectedFallsBackToRandom()
    {
        var data = NearestNeighborsTests.GaussianMixture(400, 5, clusters: 2, seed: 3);
        var graph = FuzzyConnectivities.Compute(NearestNeighbors.Exact(data, 400, 5, new NeighborOptions { K = 15 }));
        var options = new UmapOptions { Epochs = 50 };

        Assert.Equal(Umap.Layout(graph, options), Umap.Layout(graph, options));

        // Two far-apart clusters: the k = 15 graph has two components, so the start is random; still separated.
        var layout = Umap.Layout(graph, options);
        var labels = new int[400];
        for (var i = 0; i < 400; i++)
        {
            labels[i] = i % 2;
        }

        Assert.True(Silhouette(layout, labels) > 0.5);
    }

    [Fact]
    public void Layout_wrongOutputLength_throws()
    {
        var graph = CellGraph.FromEdges(3, [0, 1], [1, 2], [1f, 1f]);
        var error = Assert.Throws<ArgumentException>(() => Umap.Layout(graph, new float[5]));
        Assert.Contains("coordinates", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Mean fraction of each cell's 15 nearest PCA neighbours (euclidean, self excluded) among its 15 nearest in the layout.</summary>
    private static double Preservation(float[] layout)
    {
        const int K = 15;
        var options = new NeighborOptions { K = K, IncludeSelf = false };
        var high = NearestNeighbors.Exact(SeuratGraphReference.Pca, Cells, SeuratGraphReference.Pcs, options);
        var low = NearestNeighbors.Exact(layout, Cells, 2, options);
        var hits = 0;
        for (var i = 0; i < Cells; i++)
        {
            var set = new HashSet<int>(low.NeighborsOf(i).ToArray());
            foreach (var j in high.NeighborsOf(i))
            {
                hits += set.Contains(j) ? 1 : 0;
            }
        }

        return hits / (double)(Cells * K);
    }

    /// <summary>Mean silhouette width (Rousseeuw 1987, doi:10.1016/0377-0427(87)90125-7), euclidean, in 2-D.</summary>
    internal static double Silhouette(float[] layout, int[] labels)
    {
        var n = labels.Length;
        var clusters = labels.Max() + 1;
        var size = new int[clusters];
        foreach (var l in labels)
        {
            size[l]++;
        }

        var total = 0.0;
        var sum = new double[clusters];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sum);
            for (var j = 0; j < n; j++)
            {
                var dx = layout[2 * i] - layout[2 * j];
                var dy = layout[(2 * i) + 1] - layout[(2 * j) + 1];
                sum[labels[j]] += Math.Sqrt((dx * dx) + (dy * dy));
            }

            var own = labels[i];
            if (size[own] == 1)
            {
                continue;
            }

            var a = sum[own] / (size[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < clusters; c++)
            {
                if (c != own && size[c] > 0)
                {
                    b = Math.Min(b, sum[c] / size[c]);
                }
            }

            total += (b - a) / Math.Max(a, b);
        }

        return total / n;
    }
}
