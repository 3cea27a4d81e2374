using System.Text;
using Dermis.SingleCell.Io;

namespace Dermis.SingleCell.Tests.Io;

public sealed class MatrixMarketReaderTests
{
    private static SparseMatrix Parse(string text, bool transpose = false) =>
        MatrixMarketReader.Parse(Encoding.ASCII.GetBytes(text), "test.mtx", transpose);

    [Fact]
    public void Parse_unsortedEntries_buildsSortedCsr()
    {
        var m = Parse("%%MatrixMarket matrix coordinate real general\n% comment\n2 3 3\n2 3 1.5\n1 2 -2\n2 1 4e1\n");

        Assert.Equal(2, m.Rows);
        Assert.Equal(3, m.Columns);
        Assert.Equal([0, 1, 3], m.RowPointers);
        Assert.Equal([1, 0, 2], m.ColumnIndices);
        Assert.Equal([-2f, 40f, 1.5f], m.Values);
    }

    [Fact]
    public void Parse_transposed_swapsRowsAndColumns()
    {
        var m = Parse("%%MatrixMarket matrix coordinate integer general\n2 3 2\n1 3 7\n2 3 9\n", transpose: true);

        Assert.Equal(3, m.Rows);
        Assert.Equal(2, m.Columns);
        Assert.Equal(7f, m[2, 0]);
        Assert.Equal(9f, m[2, 1]);
        Assert.Equal(0, m.RowIndices(0).Length);
    }

    [Fact]
    public void Parse_repeatedCoordinate_sumsValues()
    {
        var m = Parse("%%MatrixMarket matrix coordinate integer general\n1 2 3\n1 2 1\n1 1 5\n1 2 2\n");

        Assert.Equal(2, m.NonZeroCount);
        Assert.Equal(5f, m[0, 0]);
        Assert.Equal(3f, m[0, 1]);
    }

    [Fact]
    public void Parse_patternField_readsOnes()
    {
        var m = Parse("%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 1\n2 2\n");

        Assert.Equal([1f, 1f], m.Values);
    }

    [Fact]
    public void Parse_badValue_namesFileLineAndExpectation()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("%%MatrixMarket matrix coordinate integer general\n2 2 2\n1 1 3\n2 x 4\n"));

        Assert.Equal("test.mtx: line 4: expected a column index (an integer), found 'x'.", ex.Message);
    }

    [Fact]
    public void Parse_tooFewEntries_saysHowManyWereFound()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("%%MatrixMarket matrix coordinate integer general\n2 2 3\n1 1 3\n"));

        Assert.Contains("expected 3 entries", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_arrayFormat_rejectedWithHeaderExpectation()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n"));

        Assert.StartsWith("test.mtx: line 1: expected the header", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_indexOutsideSize_throws()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("%%MatrixMarket matrix coordinate integer general\n2 2 1\n3 1 1\n"));

        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("outside the declared 2 × 2", ex.Message, StringComparison.Ordinal);
    }
}
