using Dermis.SingleCell.Markers;
using Dermis.SingleCell.Preprocessing;
using Xunit.Abstractions;

namespace Dermis.SingleCell.Tests.Markers;

// Reference: tests/data/pbmc3k/reference/seurat_4.3.0_debian_run/FindAllMarkers.csv, Seurat 4.3.0
// FindAllMarkers(only.pos = TRUE, min.pct = 0.25, logfc.threshold = 0.25) with that run's clusters (cells.csv),
// wilcox.test (no limma/presto installed), 2,889 rows.
[Collection(Pbmc3kGroup.Name)]
public sealed class MarkersTests(Pbmc3kFixture pbmc, ITestOutputHelper output)
{
    private (IReadOnlyList<MarkerGene> Ours, List<string[]> Reference) Run()
    {
        var m = pbmc.QcCopy();
        Normalization.LogNormalize(m);
        var cells = TestData.ReadCsv(TestData.SeuratRun("cells.csv"), out _);
        var clusters = new string[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            Assert.Equal(cells[i][0], m.Cells.Barcodes[i]);
            clusters[i] = cells[i][1];
        }

        m.Cells.Columns.SetText("seurat_clusters", clusters);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ours = Dermis.SingleCell.Markers.Markers.FindAll(m, "seurat_clusters", MarkerOptions.SeuratTutorial);
        output.WriteLine($"FindAll {watch.ElapsedMilliseconds} ms, {ours.Count} rows");
        return (ours, TestData.ReadCsv(TestData.SeuratRun("FindAllMarkers.csv"), out _));
    }

    [Fact]
    public void FindAll_pbmc3kSeuratClusters_sameRowsAsSeurat()
    {
        var (ours, reference) = Run();
        var ourKeys = new HashSet<string>(ours.Select(r => r.Group + "/" + r.Gene.Replace('_', '-')), StringComparer.Ordinal);
        var theirKeys = new HashSet<string>(reference.Select(r => r[5] + "/" + r[6]), StringComparer.Ordinal);

        output.WriteLine($"ours {ourKeys.Count}, Seurat {theirKeys.Count}, only ours {string.Join(' ', ourKeys.Except(theirKeys).Take(10))}, only Seurat {string.Join(' ', theirKeys.Except(ourKeys).Take(10))}");
        Assert.Equal(2889, reference.Count);
        Assert.True(theirKeys.SetEquals(ourKeys));
    }

    [Fact]
    public void FindAll_pbmc3kSeuratClusters_pValuesAndFoldChangesMatch()
    {
        var (ours, reference) = Run();
        var byKey = ours.ToDictionary(r => r.Group + "/" + r.Gene.Replace('_', '-'), StringComparer.Ordinal);
        double worstP = 0, worstFc = 0, worstAdj = 0;
        foreach (var row in reference)
        {
            if (!byKey.TryGetValue(row[5] + "/" + row[6], out var mine))
            {
                continue;
            }

            var p = TestData.Number(row[0]);
            var fc = TestData.Number(row[1]);
            Assert.Equal(TestData.Number(row[2]), mine.Pct1);
            Assert.Equal(TestData.Number(row[3]), mine.Pct2);
            if (p > 0)
            {
                worstP = Math.Max(worstP, Math.Abs(mine.PValue - p) / p);
                worstAdj = Math.Max(worstAdj, Math.Abs(mine.PValueAdjusted - TestData.Number(row[4])) / TestData.Number(row[4]));
            }

            worstFc = Math.Max(worstFc, Math.Abs(mine.AverageLog2FoldChange - fc) / Math.Abs(fc));
        }

        output.WriteLine($"max rel: p {worstP:E2}, p_adj {worstAdj:E2}, log2FC {worstFc:E2}");
        // Measured: p and p_val_adj 5e-15 relative, avg_log2FC 1.8e-7 relative (the data are stored as float).
        Assert.InRange(worstP, 0, 1e-12);
        Assert.InRange(worstAdj, 0, 1e-12);
        Assert.InRange(worstFc, 0, 1e-6);
    }

    [Fact]
    public void FindAll_pbmc3kSeuratClusters_topMarkerPerClusterAsSeurat()
    {
        var (ours, reference) = Run();
        for (var cluster = 0; cluster < 9; cluster++)
        {
            var label = cluster.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var theirFirst = reference.First(r => r[5] == label);
            var ourFirst = ours.First(r => r.Group == label);

            Assert.Equal(theirFirst[6], ourFirst.Gene);
        }
    }
}

public sealed class WilcoxonHandTests
{
    [Fact]
    public void FindAll_tiedValues_matchesRWilcoxTestWithCorrections()
    {
        // R 4.2: wilcox.test(c(0,0,1.5,2,2,3), c(0,0,0,1.5,1,0.5,2))$p.value = 0.30010077313659195 (W = 28.5,
        // normal approximation with tie and continuity corrections, as R falls back to when values tie).
        float[] values = [0, 0, 1.5f, 2, 2, 3, 0, 0, 0, 1.5f, 1, 0.5f, 2];
        var pointers = new int[values.Length + 1];
        var indices = new List<int>();
        var data = new List<float>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != 0)
            {
                indices.Add(0);
                data.Add(values[i]);
            }

            pointers[i + 1] = indices.Count;
        }

        var x = new SparseMatrix(values.Length, 1, pointers, [.. indices], [.. data]);
        var barcodes = Enumerable.Range(0, values.Length).Select(i => "c" + i).ToArray();
        var m = new CellMatrix(x, new CellAnnotations(barcodes), new GeneAnnotations(["g"], ["G"]));
        m.SetLayer(Normalization.CountsLayer, x);
        var groups = Enumerable.Range(0, values.Length).Select(i => i < 6 ? "a" : "b").ToArray();
        var everything = new MarkerOptions(OnlyPositive: false, MinPct: 0, LogFoldChangeThreshold: 0, ReturnThreshold: 2);

        var rows = Dermis.SingleCell.Markers.Markers.FindAll(m, groups, everything);

        Assert.Equal(2, rows.Count);
        Assert.Equal("a", rows[0].Group);
        Assert.Equal(0.30010077313659195, rows[0].PValue, 1e-15);
        Assert.Equal(0.30010077313659195, rows[1].PValue, 1e-15);
        Assert.Equal(Math.Min(1, 0.30010077313659195), rows[0].PValueAdjusted, 1e-15);
        Assert.Equal(0.667, rows[0].Pct1);
        Assert.Equal(0.571, rows[0].Pct2);
        // log2(mean expm1 + 1): group a mean = (2·expm1(0) + expm1(1.5) + 2·expm1(2) + expm1(3)) / 6.
        var meanA = (double.ExpM1(1.5) + (2 * double.ExpM1(2)) + double.ExpM1(3)) / 6;
        var meanB = (double.ExpM1(1.5) + double.ExpM1(1) + double.ExpM1(0.5) + double.ExpM1(2)) / 7;
        Assert.Equal(Math.Log2(meanA + 1) - Math.Log2(meanB + 1), rows[0].AverageLog2FoldChange, 1e-12);
    }

    [Fact]
    public void LowerTail_farTail_matchesRPnormToFullPrecision()
    {
        // R: pnorm(-8.5) = 9.4795348222033192e-18, pnorm(-1.2) = 0.11506967022170828, pnorm(-40) = 0.
        Assert.Equal(9.4795348222033192e-18, NormalDistribution.LowerTail(-8.5), 1e-32);
        Assert.Equal(0.11506967022170828, NormalDistribution.LowerTail(-1.2), 1e-16);
        Assert.Equal(1 - 0.11506967022170828, NormalDistribution.LowerTail(1.2), 1e-15);
        Assert.Equal(0.0, NormalDistribution.LowerTail(-40));
    }

    [Fact]
    public void FindAll_countsNotNormalized_saysRunLogNormalizeFirst()
    {
        var m = new CellMatrix(new SparseMatrix(2, 1, [0, 1, 2], [0, 0], [1f, 2f]), new CellAnnotations(["a", "b"]), new GeneAnnotations(["1"], ["G"]));

        var ex = Assert.Throws<InvalidOperationException>(() => Dermis.SingleCell.Markers.Markers.FindAll(m, ["x", "y"]));

        Assert.Contains("run Normalization.LogNormalize first", ex.Message, StringComparison.Ordinal);
    }
}
