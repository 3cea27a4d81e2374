using Dermis.SingleCell.Io;

namespace Dermis.SingleCell.Tests.Io;

// Reference shapes and totals: tests/data/pbmc3k/README.md (32,738 × 2,700, nnz 2,286,884, 6,390,631 UMIs)
// and tests/data/scanpy-10x/README.md (v3: 507 × 1,107, nnz 23,866, total 41,549; v2 chr21: 343 × 12, 12 ones).
[Collection(Pbmc3kGroup.Name)]
public sealed class TenXReaderTests(Pbmc3kFixture pbmc)
{
    [Fact]
    public void ReadMex_pbmc3kV2GzipMatrix_hasPublishedShapeAndTotals()
    {
        var m = pbmc.Raw;

        Assert.Equal(2700, m.CellCount);
        Assert.Equal(32738, m.GeneCount);
        Assert.Equal(2286884, m.X.NonZeroCount);
        double total = 0;
        foreach (var v in m.X.Values)
        {
            total += v;
        }

        Assert.Equal(6390631, total);
        Assert.Equal("AAACATACAACCAC-1", m.Cells.Barcodes[0]);
        Assert.Equal("ENSG00000243485", m.Genes.Ids[0]);
        Assert.Equal("MIR1302-10", m.Genes.Symbols[0]);
    }

    [Fact]
    public void ReadMex_pbmc3k_firstEntryOfFileIsCellOneGeneRow()
    {
        // zcat matrix.mtx.gz: line 4 is "32709 1 4" (gene 32,709, cell 1, count 4).
        var m = pbmc.Raw;

        Assert.Equal(4f, m.X[0, 32708]);
        Assert.Equal(0f, m.X[0, 0]);
    }

    [Fact]
    public void ReadMex_duplicateSymbols_madeUniqueLikeRMakeUnique()
    {
        var names = pbmc.Raw.Genes.Names;
        var set = new HashSet<string>(names, StringComparer.Ordinal);

        Assert.Equal(names.Length, set.Count);
        // genes.tsv lists ACE twice: ENSG00000159640 then ENSG00000264813.
        Assert.Equal("ENSG00000159640", pbmc.Raw.Genes.Ids[Array.IndexOf(names, "ACE")]);
        Assert.Equal("ENSG00000264813", pbmc.Raw.Genes.Ids[Array.IndexOf(names, "ACE.1")]);
    }

    [Fact]
    public void ReadMex_v3GzipTriplet_hasScanpyTestShape()
    {
        var m = TenXReader.ReadMex(TestData.PathOf("scanpy-10x", "v3"));

        Assert.Equal(1107, m.CellCount);
        Assert.Equal(507, m.GeneCount);
        Assert.Equal(23866, m.X.NonZeroCount);
        double total = 0;
        foreach (var v in m.X.Values)
        {
            total += v;
        }

        Assert.Equal(41549, total);
        Assert.Equal("ENSG00000279493", m.Genes.Ids[0]);
        Assert.Equal("CH507-9B2.2", m.Genes.Names[0]);
        Assert.Equal("Gene Expression", m.Genes.Columns.FindText(TenXReader.FeatureTypeColumn)![0]);
        // matrix.mtx.gz line 4 (after the %metadata_json comment): "458 1 3".
        Assert.Equal(3f, m.X[0, 457]);
    }

    [Fact]
    public void ReadMex_v2PlainTriplet_readsTwelveOnes()
    {
        var m = TenXReader.ReadMex(TestData.PathOf("scanpy-10x", "v2_hg19_chr21"));

        Assert.Equal(12, m.CellCount);
        Assert.Equal(343, m.GeneCount);
        Assert.Equal(12, m.X.NonZeroCount);
        Assert.All(m.X.Values, v => Assert.Equal(1f, v));
        Assert.Equal(1f, m.X[0, 200]);
        Assert.Equal(1f, m.X[1, 122]);
    }

    [Fact]
    public void ReadMex_missingFolder_throwsNamingIt()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => TenXReader.ReadMex("/nonexistent/10x"));

        Assert.Contains("/nonexistent/10x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMex_barcodeCountDiffers_throwsFormatException()
    {
        var dir = Directory.CreateTempSubdirectory("dermis-10x-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "matrix.mtx"), "%%MatrixMarket matrix coordinate integer general\n2 3 1\n1 1 5\n");
            File.WriteAllText(Path.Combine(dir.FullName, "genes.tsv"), "G1\tA\nG2\tB\n");
            File.WriteAllText(Path.Combine(dir.FullName, "barcodes.tsv"), "c1\nc2\n");

            var ex = Assert.Throws<FormatException>(() => TenXReader.ReadMex(dir.FullName));

            Assert.Contains("barcodes.tsv", ex.Message, StringComparison.Ordinal);
            Assert.Contains("3 columns", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
