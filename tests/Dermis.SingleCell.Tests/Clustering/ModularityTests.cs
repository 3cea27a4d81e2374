using Dermis.SingleCell.Clustering;
using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Tests.Clustering;

public sealed class ModularityTests
{
    [Fact]
    public void Compute_twoTrianglesSplit_isFiveFourteenths()
    {
        // m = 7, degrees 2,2,3,3,2,2 so each triangle has K_c = 7 = m: Q = 2 × (3/7 − (7/14)²) = 5/14.
        var q = Modularity.Compute(TwoTriangles.Graph(), [0, 0, 0, 1, 1, 1]);

        Assert.Equal(5.0 / 14.0, q, 12);
    }

    [Fact]
    public void Compute_oneClusterAndResolution_byHand()
    {
        var graph = TwoTriangles.Graph();

        // All in one cluster: Q = 1 − γ; split with γ = 0.5: 2 × (3/7 − 0.5 × 1/4) = 6/7 − 1/4.
        Assert.Equal(0.0, Modularity.Compute(graph, [0, 0, 0, 0, 0, 0]), 12);
        Assert.Equal((6.0 / 7.0) - 0.25, Modularity.Compute(graph, [0, 0, 0, 1, 1, 1], resolution: 0.5), 12);
        Assert.Equal(0.5, Modularity.Compute(graph, [0, 0, 0, 0, 0, 0], resolution: 0.5), 12);
    }

    [Fact]
    public void Compute_selfLoopsIgnored()
    {
        var withLoops = CellGraph.FromEdges(6, [0, 0, 1, 3, 3, 4, 2, 0, 5], [1, 2, 2, 4, 5, 5, 3, 0, 5], [1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f]);

        Assert.Equal(5.0 / 14.0, Modularity.Compute(withLoops, [0, 0, 0, 1, 1, 1]), 12);
    }

    [Fact]
    public void AdjustedRandIndex_handExample_matchesContingencyArithmetic()
    {
        // Table rows {0: (2,1,0), 1: (0,1,2)}: Σ C(nij,2) = 2, rows Σ = 6, cols Σ = 3, C(6,2) = 15;
        // E = 6·3/15 = 1.2, max = 4.5, ARI = 0.8 / 3.3 = 0.242424… (scikit-learn gives the same).
        var ari = AdjustedRandIndex.Compute([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]);

        Assert.Equal(0.8 / 3.3, ari, 12);
    }

    [Fact]
    public void AdjustedRandIndex_relabelledAndSpecialCases()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Compute([0, 0, 1, 1, 2], [2, 2, 0, 0, 1]), 12);
        Assert.Equal(0.5714285714285715, AdjustedRandIndex.Compute([0, 0, 1, 1], [0, 0, 1, 2]), 12);
        Assert.Equal(1.0, AdjustedRandIndex.Compute([0, 0, 0], [1, 1, 1]));
        Assert.Throws<ArgumentException>(() => AdjustedRandIndex.Compute([0, 1], [0]));
    }
}
