using System.Globalization;
using Dermis.SingleCell.Io;
using Dermis.SingleCell.Io.Hdf5;

namespace Dermis.SingleCell.Tests.Hdf5;

// References: tests/data/pbmc68k-reduced/README.md (700 × 765; raw/X nnz 174,400; bulk_labels counts) and
// obs_metadata.csv (derived from the same h5ad's obs + obsm/X_umap by the data set's curator, not by this code);
// tests/data/h5ad-legacy/make_legacy_h5ad.py (hand-written 4 × 3 file, values in its docstring).
public sealed class H5adReaderTests
{
    private static readonly string s_pbmc68k = TestData.PathOf("pbmc68k-reduced", "10x_pbmc68k_reduced.h5ad");

    [Fact]
    public void Read_pbmc68kReducedRaw_hasShapeNnzAndBulkLabelCounts()
    {
        var m = H5adReader.Read(s_pbmc68k, new H5adReadOptions { Matrix = "raw/X" });
        var labels = m.Cells.Columns.FindText("bulk_labels")!;
        var counts = labels.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        Assert.Equal(700, m.CellCount);
        Assert.Equal(765, m.GeneCount);
        Assert.Equal(174400, m.X.NonZeroCount);
        // h5py: raw/X row 0 starts indices 764, 761, 760, 759, 758 with data 2.177, 2.177, 2.544, 2.544, 1.591 — every
        // row is stored in decreasing column order, which the reader sorts.
        Assert.Equal(2.177f, m.X[0, 764]);
        Assert.Equal(2.544f, m.X[0, 760]);
        Assert.Equal(1.591f, m.X[0, 758]);
        Assert.True(m.X.RowIndices(0)[1] > m.X.RowIndices(0)[0]);
        Assert.Equal(10, counts.Count);
        Assert.Equal(240, counts["Dendritic"]);
        Assert.Equal(129, counts["CD14+ Monocyte"]);
        Assert.Equal(95, counts["CD19+ B"]);
        Assert.Equal(68, counts["CD4+/CD25 T Reg"]);
        Assert.Equal(54, counts["CD8+ Cytotoxic T"]);
        Assert.Equal(43, counts["CD8+/CD45RA+ Naive Cytotoxic"]);
        Assert.Equal(31, counts["CD56+ NK"]);
        Assert.Equal(19, counts["CD4+/CD45RO+ Memory"]);
        Assert.Equal(13, counts["CD34+"]);
        Assert.Equal(8, counts["CD4+/CD45RA+/CD25- Naive T"]);
        Assert.Empty(m.LayerNames); // raw/X has its own genes: no layers
    }

    [Fact]
    public void Read_pbmc68kReduced_obsColumnsAndUmapEqualTheMetadataCsv()
    {
        var m = H5adReader.Read(s_pbmc68k);
        var rows = File.ReadLines(TestData.PathOf("pbmc68k-reduced", "obs_metadata.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var umap = m.FindEmbedding("umap")!;
        var pca = m.FindEmbedding("pca")!;

        Assert.Equal(rows.Select(r => r[0]), m.Cells.Barcodes);
        Assert.Equal(rows.Select(r => r[1]), m.Cells.Columns.FindText("bulk_labels")!);
        Assert.Equal(rows.Select(r => r[2]), m.Cells.Columns.FindText("louvain")!);
        Assert.Equal(rows.Select(r => r[3]), m.Cells.Columns.FindText("phase")!);
        Assert.Equal(rows.Select(r => double.Parse(r[4], CultureInfo.InvariantCulture)), m.Cells.Columns.FindNumeric("n_genes")!);
        Assert.Equal(2, umap.Columns);
        Assert.Equal(50, pca.Columns);
        for (var i = 0; i < 5; i++)
        {
            // obsm/X_umap is float64 on disk; the embedding is float32, so the CSV's double rounded to float, exactly.
            Assert.Equal((float)double.Parse(rows[i][9], CultureInfo.InvariantCulture), umap[i, 0]);
            Assert.Equal((float)double.Parse(rows[i][10], CultureInfo.InvariantCulture), umap[i, 1]);
        }

        // X is the dense scaled matrix; h5py counts 535,433 non-zeros of 700 × 765 (67 exact zeros dropped), X[0, 0..2]
        // = -0.326, -0.191, -0.728. layers/ is empty in this file. var flags are h5py booleans.
        Assert.Equal(535433, m.X.NonZeroCount);
        Assert.Equal([-0.326f, -0.191f, -0.728f], [m.X[0, 0], m.X[0, 1], m.X[0, 2]]);
        Assert.Empty(m.LayerNames);
        Assert.Equal(765, m.Genes.Columns.FindFlag("highly_variable")!.Length);
        Assert.Equal(m.Genes.Names, m.Genes.Ids); // no gene_ids column: ids are the names
    }

    [Fact]
    public void Read_legacyLayout_csxSparseAndOldCategoricals()
    {
        var m = H5adReader.Read(TestData.PathOf("h5ad-legacy", "legacy.h5ad"));

        Assert.Equal(["c1", "c2", "c3", "c4"], m.Cells.Barcodes);
        Assert.Equal(["T", "B", "", "T"], m.Cells.Columns.FindText("cell_type")!);
        Assert.Equal([3.0, 3.0, 9.0, 6.0], m.Cells.Columns.FindNumeric("n_counts")!);
        Assert.Equal([false, true, false, false], m.Cells.Columns.FindFlag("doublet")!);
        Assert.Equal(["GENE1", "GENE2", "GENE3"], m.Genes.Names);
        Assert.Equal(["ENSG1", "ENSG2", "ENSG3"], m.Genes.Ids);
        float[,] dense = { { 1, 0, 2 }, { 0, 3, 0 }, { 4, 0, 5 }, { 0, 0, 6 } };
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(dense[i, j], m.X[i, j]);
            }
        }

        Assert.Equal([0, 2, 3, 5, 6], m.X.RowPointers);
    }

    [Theory]
    [InlineData("layers/counts", "10x_pbmc68k_reduced.h5ad: /layers/counts: is missing; this file holds X, raw/X: choose one of those.")]
    public void Read_missingMatrix_namesTheMatricesPresent(string matrix, string message)
    {
        var e = Assert.Throws<Hdf5Exception>(() => H5adReader.Read(s_pbmc68k, new H5adReadOptions { Matrix = matrix }));

        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("layers/")]
    [InlineData("obsm/X_umap")]
    public void Read_matrixOptionOutsideTheAllowedNames_isArgumentExceptionNamingTheField(string matrix)
    {
        var e = Assert.Throws<ArgumentException>(() => H5adReader.Read(s_pbmc68k, new H5adReadOptions { Matrix = matrix }));

        Assert.StartsWith($"Matrix: '{matrix}' is not allowed; expected \"X\", \"raw/X\" or \"layers/<name>\"", e.Message, StringComparison.Ordinal);
    }
}
