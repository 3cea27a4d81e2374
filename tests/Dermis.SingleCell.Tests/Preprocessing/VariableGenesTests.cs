using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Tests.Preprocessing;

// References: tests/data/pbmc3k/reference/seurat_vst_hvg_pbmc3k.csv.gz (Seurat HVFInfo, 2,700 cells after
// CreateSeuratObject(min.cells = 3, min.features = 200), Scanpy's own seurat_v3 reference) and
// seurat_4.3.0_debian_run/HVFInfo_vst.csv.gz + variable_features.txt (2,638 cells after QC, Seurat 4.3.0).
// Seurat replaces '_' in feature names by '-', so names are compared after that substitution.
[Collection(Pbmc3kGroup.Name)]
public sealed class VariableGenesTests(Pbmc3kFixture pbmc)
{
    private const double StatisticTolerance = 1e-12;
    private const double LoessTolerance = 1e-9;

    [Fact]
    public void Vst_pbmc3k2700Cells_matchesSeuratHvfInfoIncludingLoessTrend()
    {
        var m = pbmc.Prefiltered.SubsetCells(Identity(pbmc.Prefiltered.CellCount));
        VariableGenes.Vst(m);
        var rows = TestData.ReadCsv(TestData.PathOf("pbmc3k", "reference", "seurat_vst_hvg_pbmc3k.csv.gz"), out _);
        var cols = m.Genes.Columns;

        Assert.Equal(rows.Count, m.GeneCount);
        for (var g = 0; g < rows.Count; g++)
        {
            Assert.Equal(rows[g][0], SeuratName(m.Genes.Names[g]));
            AssertRelative(TestData.Number(rows[g][1]), cols.FindNumeric(VariableGenes.MeanColumn)![g], StatisticTolerance);
            AssertRelative(TestData.Number(rows[g][2]), cols.FindNumeric(VariableGenes.VarianceColumn)![g], StatisticTolerance);
            AssertRelative(TestData.Number(rows[g][3]), cols.FindNumeric(VariableGenes.ExpectedVarianceColumn)![g], LoessTolerance);
            AssertRelative(TestData.Number(rows[g][4]), cols.FindNumeric(VariableGenes.StandardizedVarianceColumn)![g], LoessTolerance);
        }
    }

    [Fact]
    public void Vst_pbmc3kAfterQc_matchesSeurat430HvfInfo()
    {
        var m = pbmc.QcCopy();
        VariableGenes.Vst(m);
        var rows = TestData.ReadCsv(TestData.SeuratRun("HVFInfo_vst.csv.gz"), out _);
        var cols = m.Genes.Columns;

        for (var g = 0; g < rows.Count; g++)
        {
            Assert.Equal(rows[g][3], SeuratName(m.Genes.Names[g]));
            AssertRelative(TestData.Number(rows[g][0]), cols.FindNumeric(VariableGenes.MeanColumn)![g], StatisticTolerance);
            AssertRelative(TestData.Number(rows[g][1]), cols.FindNumeric(VariableGenes.VarianceColumn)![g], StatisticTolerance);
            AssertRelative(TestData.Number(rows[g][2]), cols.FindNumeric(VariableGenes.StandardizedVarianceColumn)![g], LoessTolerance);
        }
    }

    [Fact]
    public void Vst_pbmc3kAfterQc_top2000MatchSeuratUpToExactTies()
    {
        var m = pbmc.QcCopy();
        var selection = VariableGenes.Vst(m, featureCount: 2000);
        var expected = File.ReadAllLines(TestData.SeuratRun("variable_features.txt"));
        var standardized = m.Genes.Columns.FindNumeric(VariableGenes.StandardizedVarianceColumn)!;

        Assert.Equal(2000, selection.GeneNames.Length);
        Assert.Equal(
            ["PPBP", "LYZ", "S100A9", "IGLL5", "GNLY", "FTL", "PF4", "FTH1", "GNG11", "S100A8"],
            selection.GeneNames[..10]);
        // Genes with identical counts in different cells tie exactly (e.g. SPTSSB/TK1 at 1.67153556414707); their
        // order is last-bit rounding noise in Seurat and here, so a rank may differ only between equal values.
        var swapped = 0;
        for (var r = 0; r < 2000; r++)
        {
            if (expected[r] == SeuratName(selection.GeneNames[r]))
            {
                continue;
            }

            swapped++;
            var theirs = Array.FindIndex(m.Genes.Names, n => SeuratName(n) == expected[r]);
            AssertRelative(standardized[theirs], standardized[selection.GeneIndices[r]], 1e-12);
        }

        // 122 of the 2,000 ranks hold a different gene of exactly the same value; the sets differ by at most the
        // tie straddling rank 2,000.
        Assert.InRange(swapped, 0, 200);
        var expectedSet = new HashSet<string>(expected, StringComparer.Ordinal);
        var shared = 0;
        foreach (var name in selection.GeneNames)
        {
            shared += expectedSet.Contains(SeuratName(name)) ? 1 : 0;
        }

        Assert.InRange(shared, 1999, 2000);
        Assert.Equal(selection.GeneIndices, VariableGenes.Selected(m));
    }

    [Fact]
    public void Vst_directSurface_staysWithinThreePercentOfSeurat()
    {
        // surface = "direct" fits at every point instead of interpolating between k-d tree vertices; on PBMC3k it
        // differs from R's default by at most ~2.6 % in the standardised variance and changes the top 10 order.
        var m = pbmc.QcCopy();
        VariableGenes.Vst(m, surface: LoessSurface.Direct);
        var rows = TestData.ReadCsv(TestData.SeuratRun("HVFInfo_vst.csv.gz"), out _);
        var standardized = m.Genes.Columns.FindNumeric(VariableGenes.StandardizedVarianceColumn)!;

        var worst = 0.0;
        for (var g = 0; g < rows.Count; g++)
        {
            var reference = TestData.Number(rows[g][2]);
            if (reference == 0)
            {
                continue; // genes with no counts in the 2,638 cells
            }

            worst = Math.Max(worst, Math.Abs(standardized[g] - reference) / reference);
        }

        Assert.InRange(worst, 1e-3, 0.03);
    }

    [Fact]
    public void Vst_afterNormalizationWithoutCountsLayer_saysWhatToRun()
    {
        var x = new SparseMatrix(2, 1, [0, 1, 2], [0, 0], [0.5f, 1.5f]);
        var m = new CellMatrix(x, new CellAnnotations(["a", "b"]), new GeneAnnotations(["1"], ["G"]));

        var ex = Assert.Throws<InvalidOperationException>(() => VariableGenes.Vst(m));

        Assert.Contains("vst needs raw counts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Selected_beforeVst_saysRunVstFirst()
    {
        var m = new CellMatrix(new SparseMatrix(1, 1, [0, 1], [0], [1f]), new CellAnnotations(["a"]), new GeneAnnotations(["1"], ["G"]));

        var ex = Assert.Throws<InvalidOperationException>(() => VariableGenes.Selected(m));

        Assert.Equal("the gene column 'highly_variable_rank' is missing: run VariableGenes.Vst first.", ex.Message);
    }

    private static string SeuratName(string name) => name.Replace('_', '-');

    private static void AssertRelative(double expected, double actual, double tolerance)
    {
        var scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale, $"expected {expected:R}, got {actual:R} (tolerance {tolerance} relative)");
    }

    private static int[] Identity(int n)
    {
        var result = new int[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = i;
        }

        return result;
    }
}
