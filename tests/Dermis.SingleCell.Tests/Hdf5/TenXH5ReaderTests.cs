using Dermis.SingleCell.Io;
using Dermis.SingleCell.Io.Hdf5;

namespace Dermis.SingleCell.Tests.Hdf5;

// Reference: the MEX triplets Cell Ranger wrote beside each .h5 (tests/data/scanpy-10x/README.md: v3 507 genes ×
// 1,107 cells, nnz 23,866, total 41,549; v2 chr21 343 × 12, 12 entries of 1). Same run, so exact equality.
public sealed class TenXH5ReaderTests
{
    private static readonly string s_v3 = TestData.PathOf("scanpy-10x", "v3");
    private static readonly string s_v2 = TestData.PathOf("scanpy-10x", "v2_hg19_chr21");

    [Fact]
    public void Read_v3H5_equalsTheMexTriplet()
    {
        var h5 = TenXH5Reader.Read(Path.Combine(s_v3, "filtered_feature_bc_matrix.h5"));
        var mex = TenXReader.ReadMex(s_v3);

        AssertSame(mex, h5);
        Assert.Equal(1107, h5.CellCount);
        Assert.Equal(507, h5.GeneCount);
        Assert.Equal(23866, h5.X.NonZeroCount);
        Assert.Equal(41549.0, Sum(h5.X.Values));
        Assert.Equal(mex.Genes.Columns.FindText(TenXReader.FeatureTypeColumn), h5.Genes.Columns.FindText(TenXReader.FeatureTypeColumn));
        Assert.All(h5.Genes.Columns.FindText(TenXReader.FeatureTypeColumn)!, t => Assert.Equal("Gene Expression", t));
    }

    [Fact]
    public void Read_v2H5_equalsTheMexTriplet()
    {
        var h5 = TenXH5Reader.Read(Path.Combine(s_v2, "filtered_gene_bc_matrices_h5.h5"));
        var mex = TenXReader.ReadMex(s_v2);

        AssertSame(mex, h5);
        Assert.Equal(12, h5.CellCount);
        Assert.Equal(343, h5.GeneCount);
        Assert.Equal(12, h5.X.NonZeroCount);
        Assert.All(h5.X.Values, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Read_v2WithAnUnknownGenome_namesTheGenomeGroupsPresent()
    {
        var e = Assert.Throws<Hdf5Exception>(() => TenXH5Reader.Read(Path.Combine(s_v2, "filtered_gene_bc_matrices_h5.h5"), genome: "mm10"));

        Assert.Equal("filtered_gene_bc_matrices_h5.h5: /mm10: is missing; the file's genome groups are hg19_chr21.", e.Message);
        Assert.Equal("/mm10", e.ObjectPath);
    }

    internal static void AssertSame(CellMatrix expected, CellMatrix actual)
    {
        Assert.Equal(expected.Cells.Barcodes, actual.Cells.Barcodes);
        Assert.Equal(expected.Genes.Ids, actual.Genes.Ids);
        Assert.Equal(expected.Genes.Symbols, actual.Genes.Symbols);
        Assert.Equal(expected.Genes.Names, actual.Genes.Names);
        Assert.Equal(expected.X.RowPointers, actual.X.RowPointers);
        Assert.Equal(expected.X.ColumnIndices, actual.X.ColumnIndices);
        Assert.Equal(expected.X.Values, actual.X.Values);
    }

    internal static double Sum(float[] values)
    {
        double total = 0;
        foreach (var v in values)
        {
            total += v;
        }

        return total;
    }
}
