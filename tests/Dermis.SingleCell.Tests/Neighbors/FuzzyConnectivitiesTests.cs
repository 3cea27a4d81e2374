using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Tests.Neighbors;

public sealed class FuzzyConnectivitiesTests
{
    [Fact]
    public void Memberships_bandwidthSolvesLog2K()
    {
        // Self at distance 0, then 1, 2, 3, 5: ρ = 1 and Σ_{j≠self} exp(−max(0, d − ρ)/σ) = log2(5) (umap-learn smooth_knn_dist).
        int[] index = [0, 1, 2, 3, 4];
        float[] distance = [0f, 1f, 2f, 3f, 5f];
        var strength = new float[5];
        var (rho, sigma) = FuzzyConnectivities.Memberships(0, index, distance, Math.Log2(5), 1.0, strength);

        Assert.Equal(1.0, rho);
        var sum = 1 + Math.Exp(-1 / sigma) + Math.Exp(-2 / sigma) + Math.Exp(-4 / sigma);
        Assert.Equal(Math.Log2(5), sum, 1e-4);
        Assert.Equal(0f, strength[0]);
        Assert.Equal(1f, strength[1]);
        Assert.Equal(Math.Exp(-4 / sigma), strength[4], 1e-6);
    }

    [Fact]
    public void Compute_isTheFuzzyUnionOfDirectedMemberships()
    {
        const int Cells = 300, Dims = 6, K = 10;
        var data = NearestNeighborsTests.GaussianMixture(Cells, Dims, clusters: 3, seed: 4);
        var knn = NearestNeighbors.Exact(data, Cells, Dims, new NeighborOptions { K = K });
        var graph = FuzzyConnectivities.Compute(knn);

        var directed = new float[Cells * K];
        var meanAll = 0.0;
        foreach (var d in knn.Distances)
        {
            meanAll += d;
        }

        meanAll /= Cells * K;
        for (var i = 0; i < Cells; i++)
        {
            FuzzyConnectivities.Memberships(i, knn.NeighborsOf(i), knn.DistancesOf(i), Math.Log2(K), meanAll, directed.AsSpan(i * K, K));
        }

        float Directed(int i, int j)
        {
            var at = knn.NeighborsOf(i).IndexOf(j);
            return at >= 0 ? directed[(i * K) + at] : 0f;
        }

        for (var i = 0; i < Cells; i++)
        {
            Assert.Equal(0f, graph.WeightOf(i, i));
            foreach (var j in graph.ColumnsOf(i))
            {
                var (a, b) = (Directed(i, j), Directed(j, i));
                Assert.Equal(a + b - (a * b), graph.WeightOf(i, j), 1e-6);
                Assert.Equal(graph.WeightOf(i, j), graph.WeightOf(j, i));
            }
        }
    }

    [Fact]
    public void Compute_prefixOfNeighbours_equalsSmallerSearch()
    {
        var data = NearestNeighborsTests.GaussianMixture(200, 4, clusters: 2, seed: 5);
        var k30 = NearestNeighbors.Exact(data, 200, 4, new NeighborOptions { K = 30 });
        var k15 = NearestNeighbors.Exact(data, 200, 4, new NeighborOptions { K = 15 });

        var fromPrefix = FuzzyConnectivities.Compute(k30, useNeighbors: 15);
        var direct = FuzzyConnectivities.Compute(k15);

        Assert.True(fromPrefix.Columns.SequenceEqual(direct.Columns));
        Assert.True(fromPrefix.Weights.SequenceEqual(direct.Weights));
    }
}
