using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Tests.Preprocessing;

[Collection(Pbmc3kGroup.Name)]
public sealed class QualityControlTests(Pbmc3kFixture pbmc)
{
    [Fact]
    public void Prefilter_pbmc3kMinCells3MinFeatures200_keeps13714GenesAll2700Cells()
    {
        Assert.Equal(13714, pbmc.Prefiltered.GeneCount);
        Assert.Equal(2700, pbmc.Prefiltered.CellCount);
    }

    [Fact]
    public void FilterCells_seuratTutorialThresholds_keepsExactly2638Cells()
    {
        Assert.Equal(2638, pbmc.Qc.CellCount);
        Assert.Equal(13714, pbmc.Qc.GeneCount);
    }

    [Fact]
    public void Compute_pbmc3k_matchesSeuratPerCellMetrics()
    {
        // cells.csv: barcode, cluster, nCount_RNA, nFeature_RNA, percent.mt for the 2,638 cells, in object order.
        var rows = TestData.ReadCsv(TestData.SeuratRun("cells.csv"), out _);
        var m = pbmc.Qc;
        var genes = m.Cells.Columns.FindNumeric(QualityControl.GenesPerCell)!;
        var counts = m.Cells.Columns.FindNumeric(QualityControl.CountsPerCell)!;
        var mito = m.Cells.Columns.FindNumeric(QualityControl.PercentMito)!;

        Assert.Equal(rows.Count, m.CellCount);
        for (var c = 0; c < rows.Count; c++)
        {
            Assert.Equal(rows[c][0], m.Cells.Barcodes[c]);
            Assert.Equal(TestData.Number(rows[c][2]), counts[c]);
            Assert.Equal(TestData.Number(rows[c][3]), genes[c]);
            Assert.Equal(TestData.Number(rows[c][4]), mito[c], 1e-10);
        }
    }

    [Fact]
    public void Compute_firstCell_matchesSeurat()
    {
        // cells.csv row 1: AAACATACAACCAC-1, nCount 2419, nFeature 779, percent.mt 3.01777594047127.
        var m = pbmc.Qc;

        Assert.Equal(2419, m.Cells.Columns.FindNumeric(QualityControl.CountsPerCell)![0]);
        Assert.Equal(779, m.Cells.Columns.FindNumeric(QualityControl.GenesPerCell)![0]);
        Assert.Equal(3.01777594047127, m.Cells.Columns.FindNumeric(QualityControl.PercentMito)![0], 1e-12);
        Assert.Equal(13, CountTrue(m.Genes.Columns.FindFlag(QualityControl.MitoFlag)!));
    }

    [Fact]
    public void Compute_handMatrix_countsGenesCellsAndMitoPercent()
    {
        // Cells × genes [[1, 0, 3], [0, 2, 0]] with genes A, MT-B, MT-C: cell 0 has 2 genes, 4 counts, 3/4 = 75 % MT.
        var x = new SparseMatrix(2, 3, [0, 2, 3], [0, 2, 1], [1f, 3f, 2f]);
        var m = new CellMatrix(x, new CellAnnotations(["c0", "c1"]), new GeneAnnotations(["g0", "g1", "g2"], ["A", "MT-B", "MT-C"]));

        QualityControl.Compute(m);

        Assert.Equal([2.0, 1.0], m.Cells.Columns.FindNumeric(QualityControl.GenesPerCell)!);
        Assert.Equal([4.0, 2.0], m.Cells.Columns.FindNumeric(QualityControl.CountsPerCell)!);
        Assert.Equal([75.0, 100.0], m.Cells.Columns.FindNumeric(QualityControl.PercentMito)!);
        Assert.Equal([1.0, 1.0, 1.0], m.Genes.Columns.FindNumeric(QualityControl.CellsPerGene)!);
    }

    [Fact]
    public void FilterCells_withoutCompute_saysRunComputeFirst()
    {
        var x = new SparseMatrix(1, 1, [0, 1], [0], [1f]);
        var m = new CellMatrix(x, new CellAnnotations(["c0"]), new GeneAnnotations(["g0"], ["A"]));

        var ex = Assert.Throws<InvalidOperationException>(() => QualityControl.FilterCells(m, CellQcThresholds.SeuratTutorial));

        Assert.Equal("the cell column 'n_genes' is missing: run QualityControl.Compute first.", ex.Message);
    }

    private static int CountTrue(bool[] flags)
    {
        var n = 0;
        foreach (var f in flags)
        {
            n += f ? 1 : 0;
        }

        return n;
    }
}
