using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Tests.Preprocessing;

public sealed class NormalizationTests
{
    [Fact]
    public void LogNormalize_handMatrix_isLog1pOfCountsPer10k()
    {
        // 3 cells × 4 genes: totals 4, 10, 1.
        var x = new SparseMatrix(3, 4, [0, 2, 4, 5], [0, 3, 1, 2, 0], [1f, 3f, 5f, 5f, 1f]);
        var m = new CellMatrix(x, new CellAnnotations(["a", "b", "c"]), new GeneAnnotations(["1", "2", "3", "4"], ["G1", "G2", "G3", "G4"]));

        Normalization.LogNormalize(m);

        Assert.Equal((float)Math.Log(1 + 2500.0), m.X[0, 0]);
        Assert.Equal((float)Math.Log(1 + 7500.0), m.X[0, 3]);
        Assert.Equal((float)Math.Log(1 + 5000.0), m.X[1, 1]);
        Assert.Equal((float)Math.Log(1 + 10000.0), m.X[2, 0]);
        Assert.Equal(0f, m.X[0, 1]);
        Assert.Same(x, m.FindLayer(Normalization.CountsLayer));
    }

    [Fact]
    public void LogNormalize_calledTwice_readsCountsLayerAndGivesSameValues()
    {
        var x = new SparseMatrix(1, 2, [0, 2], [0, 1], [1f, 3f]);
        var m = new CellMatrix(x, new CellAnnotations(["a"]), new GeneAnnotations(["1", "2"], ["G1", "G2"]));

        Normalization.LogNormalize(m, 100);
        var first = m.X.Values.ToArray();
        Normalization.LogNormalize(m, 100);

        Assert.Equal(first, m.X.Values);
        Assert.Equal((float)Math.Log(26.0), first[0]);
    }

    [Fact]
    public void LogNormalize_zeroScaleFactor_throwsWithRange()
    {
        var m = new CellMatrix(new SparseMatrix(1, 1, [0, 1], [0], [1f]), new CellAnnotations(["a"]), new GeneAnnotations(["1"], ["G1"]));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Normalization.LogNormalize(m, 0));

        Assert.Contains("> 0", ex.Message, StringComparison.Ordinal);
    }
}
