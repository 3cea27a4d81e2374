using Dermis.SingleCell.Neighbors;
using Xunit.Abstractions;

namespace Dermis.SingleCell.Tests.Neighbors;

public sealed class SharedNearestNeighborsTests(ITestOutputHelper output)
{
    [Fact]
    public void Compute_fourPointsOnALine_jaccardByHand()
    {
        // k = 2 with self: N(0) = {0,1}, N(1) = {1,0}, N(2) = {2,1}, N(3) = {3,2}; Jaccard = s / (2k − s).
        var knn = NearestNeighbors.Exact([0f, 1f, 3f, 7f], 4, 1, new NeighborOptions { K = 2 });
        var snn = SharedNearestNeighbors.Compute(knn);

        Assert.Equal(1f, snn.WeightOf(0, 1));
        Assert.Equal(1f / 3f, snn.WeightOf(0, 2), 6);
        Assert.Equal(1f / 3f, snn.WeightOf(1, 2), 6);
        Assert.Equal(1f / 3f, snn.WeightOf(3, 2), 6);
        Assert.Equal(0f, snn.WeightOf(0, 3));
        Assert.Equal(1f, snn.WeightOf(2, 2));
        Assert.Equal(4 + 8, snn.EntryCount);

        var pruned = SharedNearestNeighbors.Compute(knn, prune: 0.5);
        Assert.Equal(0f, pruned.WeightOf(0, 2));
        Assert.Equal(4 + 2, pruned.EntryCount);
    }

    [Fact]
    public void Compute_fromSeuratAnnoyNeighbours_equalsSeuratSnnEverywhere()
    {
        var ours = SharedNearestNeighbors.Compute(SeuratGraphReference.KnnGraph());
        var seurat = SeuratGraphReference.Snn;

        Assert.Equal(seurat.EntryCount, ours.EntryCount);
        Assert.True(seurat.RowPointers.SequenceEqual(ours.RowPointers));
        Assert.True(seurat.Columns.SequenceEqual(ours.Columns));
        var worst = 0.0;
        for (var e = 0; e < ours.EntryCount; e++)
        {
            worst = Math.Max(worst, Math.Abs(ours.Weights[e] - seurat.Weights[e]));
        }

        output.WriteLine($"nnz {ours.EntryCount}, max |Δw| {worst:E2}");
        Assert.True(worst <= 1e-6, $"max difference {worst}");
    }

    [Fact]
    public void Compute_fromExactNeighbours_matchesSeuratWhereNeighbourhoodsAgree()
    {
        var knn = NearestNeighbors.Exact(SeuratGraphReference.Pca, SeuratGraphReference.Cells, SeuratGraphReference.Pcs);
        var ours = SharedNearestNeighbors.Compute(knn);
        var seurat = SeuratGraphReference.Snn;
        var same = SameNeighbourhood(knn);
        int compared = 0, equal = 0, allEqual = 0;
        for (var i = 0; i < ours.NodeCount; i++)
        {
            var columns = seurat.ColumnsOf(i);
            var weights = seurat.WeightsOf(i);
            for (var e = 0; e < columns.Length; e++)
            {
                var ok = Math.Abs(ours.WeightOf(i, columns[e]) - weights[e]) <= 1e-6;
                allEqual += ok ? 1 : 0;
                if (same[i] && same[columns[e]])
                {
                    compared++;
                    equal += ok ? 1 : 0;
                }
            }
        }

        output.WriteLine($"ours nnz {ours.EntryCount} vs Seurat {seurat.EntryCount}; Seurat entries equal to 1e-6: all {allEqual / (double)seurat.EntryCount:P2}, where both neighbourhoods agree {equal}/{compared}");
        Assert.Equal(compared, equal);
        Assert.True(Math.Abs(ours.EntryCount - seurat.EntryCount) <= 0.01 * seurat.EntryCount);
    }

    private static bool[] SameNeighbourhood(NeighborGraph knn)
    {
        var same = new bool[knn.CellCount];
        for (var i = 0; i < knn.CellCount; i++)
        {
            var ours = new HashSet<int>(knn.NeighborsOf(i).ToArray());
            same[i] = true;
            for (var t = 0; t < SeuratGraphReference.K; t++)
            {
                same[i] &= ours.Contains(SeuratGraphReference.Knn[(i * SeuratGraphReference.K) + t]);
            }
        }

        return same;
    }
}
