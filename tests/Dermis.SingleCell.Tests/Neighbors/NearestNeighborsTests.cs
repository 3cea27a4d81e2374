using Dermis.SingleCell.Neighbors;
using Xunit.Abstractions;

namespace Dermis.SingleCell.Tests.Neighbors;

public sealed class NearestNeighborsTests(ITestOutputHelper output)
{
    [Fact]
    public void Exact_pointsOnALine_nearestInOrderWithSelfFirst()
    {
        float[] points = [0f, 1f, 3f, 7f, 15f];
        var graph = NearestNeighbors.Exact(points, 5, 1, new NeighborOptions { K = 3 });

        Assert.True(graph.IncludesSelf);
        Assert.Equal([2, 1, 0], graph.NeighborsOf(2).ToArray());
        Assert.Equal([0f, 2f, 3f], graph.DistancesOf(2).ToArray());
        Assert.Equal([4, 3, 2], graph.NeighborsOf(4).ToArray());
    }

    [Fact]
    public void Exact_selfExcluded_scanpyConvention()
    {
        float[] points = [0f, 1f, 3f, 7f, 15f];
        var graph = NearestNeighbors.Exact(points, 5, 1, new NeighborOptions { K = 2, IncludeSelf = false });

        Assert.False(graph.IncludesSelf);
        Assert.Equal([1, 2], graph.NeighborsOf(0).ToArray());
        Assert.Equal([1f, 3f], graph.DistancesOf(0).ToArray());
    }

    [Fact]
    public void Exact_cosine_isOneMinusCosineSimilarity()
    {
        // (1,0), (1,1), (0,2), (-1,0): cosine distances from row 0 are 0, 1 − 1/√2, 1, 2.
        float[] points = [1f, 0f, 1f, 1f, 0f, 2f, -1f, 0f];
        var graph = NearestNeighbors.Exact(points, 4, 2, new NeighborOptions { K = 4, Metric = DistanceMetric.Cosine });

        Assert.Equal([0, 1, 2, 3], graph.NeighborsOf(0).ToArray());
        var d = graph.DistancesOf(0);
        Assert.Equal(1 - (1 / Math.Sqrt(2)), d[1], 1e-6);
        Assert.Equal(1.0, d[2], 1e-6);
        Assert.Equal(2.0, d[3], 1e-6);
    }

    [Fact]
    public void Exact_wrongShapeOrK_throwsNamingTheField()
    {
        var tooShort = Assert.Throws<ArgumentException>(() => NearestNeighbors.Exact(new float[5], 3, 2));
        Assert.Contains("cells × dims", tooShort.Message, StringComparison.Ordinal);
        var bigK = Assert.Throws<ArgumentException>(() => NearestNeighbors.Exact(new float[6], 3, 2, new NeighborOptions { K = 4 }));
        Assert.Contains("NeighborOptions.K", bigK.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentException>(() => NearestNeighbors.Exact([0f, float.NaN, 1f, 2f], 2, 2, new NeighborOptions { K = 2 }));
        Assert.Contains("NaN", nan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exact_pbmc3kSeuratPca_agreesWithSeuratAnnoyNeighbourSets()
    {
        var graph = NearestNeighbors.Exact(SeuratGraphReference.Pca, SeuratGraphReference.Cells, SeuratGraphReference.Pcs);
        var seurat = SeuratGraphReference.Knn;
        var identical = 0;
        var shared = 0;
        for (var i = 0; i < SeuratGraphReference.Cells; i++)
        {
            var ours = new HashSet<int>(graph.NeighborsOf(i).ToArray());
            var overlap = 0;
            for (var t = 0; t < SeuratGraphReference.K; t++)
            {
                overlap += ours.Contains(seurat[(i * SeuratGraphReference.K) + t]) ? 1 : 0;
            }

            shared += overlap;
            identical += overlap == SeuratGraphReference.K ? 1 : 0;
        }

        var identicalFraction = identical / (double)SeuratGraphReference.Cells;
        var sharedFraction = shared / (double)(SeuratGraphReference.Cells * SeuratGraphReference.K);
        output.WriteLine($"identical neighbour sets {identical}/{SeuratGraphReference.Cells} = {identicalFraction:P2}; neighbours shared {sharedFraction:P3}");
        Assert.True(sharedFraction >= 0.99, $"shared {sharedFraction}");
        Assert.True(identicalFraction >= 0.95, $"identical {identicalFraction}");
    }

    [Fact]
    public void Descent_gaussianMixture20k_recallAtLeast095AgainstExact()
    {
        const int Cells = 20_000, Dims = 30, K = 15;
        var data = GaussianMixture(Cells, Dims, clusters: 20, seed: 7);
        var options = new NeighborOptions { K = K, IncludeSelf = false, Seed = 3 };
        var approximate = NearestNeighbors.Descent(data, Cells, Dims, options);

        // Exact neighbours of 1,000 random query cells (the exact search is n² for all cells).
        var queries = new int[1000];
        var random = new Random(11);
        for (var q = 0; q < queries.Length; q++)
        {
            queries[q] = random.Next(Cells);
        }

        var exactIndices = new int[queries.Length * K];
        ExactSearch.Run(data, Cells, Dims, K, cosine: false, queries, exactIndices, new float[queries.Length * K]);
        var hits = 0;
        for (var q = 0; q < queries.Length; q++)
        {
            var found = new HashSet<int>(approximate.NeighborsOf(queries[q]).ToArray());
            for (var t = 0; t < K; t++)
            {
                hits += found.Contains(exactIndices[(q * K) + t]) ? 1 : 0;
            }
        }

        var recall = hits / (double)(queries.Length * K);
        output.WriteLine($"NN-descent recall@{K} on {Cells} × {Dims}: {recall:F4}");
        Assert.True(recall >= 0.95, $"recall {recall}");
    }

    [Fact]
    public void Descent_sameSeed_identicalGraph()
    {
        var data = GaussianMixture(3000, 12, clusters: 5, seed: 1);
        var options = new NeighborOptions { K = 10, Seed = 9 };
        var first = NearestNeighbors.Descent(data, 3000, 12, options);
        var second = NearestNeighbors.Descent(data, 3000, 12, options);

        Assert.True(first.Indices.SequenceEqual(second.Indices));
        Assert.True(first.Distances.SequenceEqual(second.Distances));
        Assert.Equal(0, first.NeighborsOf(5)[0] - 5);
    }

    [Fact]
    public void Find_smallData_usesExactSearch()
    {
        var data = GaussianMixture(500, 5, clusters: 3, seed: 2);
        var found = NearestNeighbors.Find(data, 500, 5, new NeighborOptions { K = 8 });
        var exact = NearestNeighbors.Exact(data, 500, 5, new NeighborOptions { K = 8 });

        Assert.True(found.Indices.SequenceEqual(exact.Indices));
    }

    /// <summary>Isotropic Gaussian clusters (sd 1) around centres drawn N(0, 4²), seeded.</summary>
    internal static float[] GaussianMixture(int cells, int dims, int clusters, int seed)
    {
        var random = new Random(seed);
        var centres = new double[clusters * dims];
        for (var c = 0; c < centres.Length; c++)
        {
            centres[c] = 4 * Normal(random);
        }

        var data = new float[cells * dims];
        for (var i = 0; i < cells; i++)
        {
            var c = i % clusters;
            for (var d = 0; d < dims; d++)
            {
                data[(i * dims) + d] = (float)(centres[(c * dims) + d] + Normal(random));
            }
        }

        return data;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
