namespace Dermis.SingleCell.Tests;

public sealed class CellMatrixTests
{
    private static CellMatrix Small()
    {
        // [[1, 0, 2], [0, 3, 0], [4, 5, 6]]
        var x = new SparseMatrix(3, 3, [0, 2, 3, 6], [0, 2, 1, 0, 1, 2], [1f, 2f, 3f, 4f, 5f, 6f]);
        var m = new CellMatrix(x, new CellAnnotations(["a", "b", "c"]), new GeneAnnotations(["e1", "e2", "e3"], ["X", "Y", "X"]));
        m.Cells.Columns.SetNumeric("score", [10, 20, 30]);
        return m;
    }

    [Fact]
    public void Transpose_smallMatrix_isCscWithSortedRows()
    {
        var t = Small().X.Transpose();

        Assert.Equal([0, 2, 4, 6], t.RowPointers);
        Assert.Equal([0, 2, 1, 2, 0, 2], t.ColumnIndices);
        Assert.Equal([1f, 4f, 3f, 5f, 2f, 6f], t.Values);
    }

    [Fact]
    public void SubsetCells_reorders_rowsAndAnnotationsFollow()
    {
        var s = Small().SubsetCells(new[] { 2, 0 });

        Assert.Equal(["c", "a"], s.Cells.Barcodes);
        Assert.Equal([30.0, 10.0], s.Cells.Columns.FindNumeric("score")!);
        Assert.Equal(5f, s.X[0, 1]);
        Assert.Equal(2f, s.X[1, 2]);
    }

    [Fact]
    public void SubsetGenes_flags_keepsUniqueNamesAndRemapsColumns()
    {
        var s = Small().SubsetGenes(new[] { false, true, true });

        Assert.Equal(["Y", "X.1"], s.Genes.Names);
        Assert.Equal(2f, s.X[0, 1]);
        Assert.Equal(5f, s.X[2, 0]);
        Assert.Equal(4, s.X.NonZeroCount);
    }

    [Fact]
    public void RequireLayer_missing_namesTheStepToRun()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Small().RequireLayer("counts", "Normalization.LogNormalize"));

        Assert.Equal("the layer 'counts' is missing: run Normalization.LogNormalize first.", ex.Message);
    }

    [Fact]
    public void Constructor_annotationCountMismatch_throws()
    {
        var x = new SparseMatrix(1, 1, [0, 0], [], []);

        Assert.Throws<ArgumentException>(() => new CellMatrix(x, new CellAnnotations(["a", "b"]), new GeneAnnotations(["1"], ["G"])));
    }
}
