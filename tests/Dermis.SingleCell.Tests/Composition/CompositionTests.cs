using Dermis.SingleCell.Composition;

namespace Dermis.SingleCell.Tests.Composition;

// Golden values from R 4.2.2 (t.test, p.adjust(method = "BH")); script in the comments of each test.
public sealed class CompositionTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Count_twoSamples_fractionsPerSampleWithZeroRows()
    {
        var rows = CellComposition.Count(["s2", "s1", "s1", "s2", "s1"], ["B", "T", "T", "T", "NK"]);

        Assert.Equal(
            [
                new CompositionRow("s1", "B", 0, 0),
                new CompositionRow("s1", "NK", 1, 1.0 / 3),
                new CompositionRow("s1", "T", 2, 2.0 / 3),
                new CompositionRow("s2", "B", 1, 0.5),
                new CompositionRow("s2", "NK", 0, 0),
                new CompositionRow("s2", "T", 1, 0.5),
            ],
            rows);
    }

    [Fact]
    public void WelchT_matchesRTTest()
    {
        // t.test(c(1.2, 3.4, 2.2, 5.1), c(0.5, 0.7, 1.9))
        var (t, df, p) = Statistics.WelchT([1.2, 3.4, 2.2, 5.1], [0.5, 0.7, 1.9]);

        Assert.Equal(2.0523258209909669, t, Tolerance);
        Assert.Equal(4.3671856029264191, df, Tolerance);
        Assert.Equal(0.10351064526988575, p, 1e-10);
    }

    [Fact]
    public void WelchT_constantGroups_isNaN()
    {
        var (t, _, p) = Statistics.WelchT([1, 1], [2, 2]);

        Assert.True(double.IsNaN(t) && double.IsNaN(p));
    }

    [Fact]
    public void BenjaminiHochberg_matchesRPAdjust_NaNKeptAndNotCounted()
    {
        // p.adjust(c(0.01, 0.04, 0.03, 0.2, NA, 0.5), "BH")
        var adjusted = Statistics.BenjaminiHochberg([0.01, 0.04, 0.03, 0.2, double.NaN, 0.5]);

        Assert.Equal(0.05, adjusted[0], Tolerance);
        Assert.Equal(0.066666666666666666, adjusted[1], Tolerance);
        Assert.Equal(0.066666666666666666, adjusted[2], Tolerance);
        Assert.Equal(0.25, adjusted[3], Tolerance);
        Assert.True(double.IsNaN(adjusted[4]));
        Assert.Equal(0.5, adjusted[5], Tolerance);
    }

    [Fact]
    public void DifferentialAbundance_clrWelch_matchesR()
    {
        // counts <- rbind(s1 = c(10, 20, 70), s2 = c(15, 25, 60), s3 = c(30, 20, 50), s4 = c(40, 10, 50))
        // l <- log(counts + 0.5); clr <- l - rowMeans(l); t.test(clr[1:2, j], clr[3:4, j]) per column; p.adjust(p, "BH")
        var cells = new (string Sample, string Type, int Count)[]
        {
            ("s1", "A", 10), ("s1", "B", 20), ("s1", "C", 70), ("s2", "A", 15), ("s2", "B", 25), ("s2", "C", 60),
            ("s3", "A", 30), ("s3", "B", 20), ("s3", "C", 50), ("s4", "A", 40), ("s4", "B", 10), ("s4", "C", 50),
        };
        var samples = cells.SelectMany(c => Enumerable.Repeat(c.Sample, c.Count)).ToArray();
        var types = cells.SelectMany(c => Enumerable.Repeat(c.Type, c.Count)).ToArray();

        var rows = DifferentialAbundance.Test(CellComposition.Count(samples, types), ["s1", "s2"], ["s3", "s4"]);

        Assert.Equal(["A", "B", "C"], rows.Select(r => r.CellType));
        Assert.Equal([-3.8217922024054398, 2.0117417790595722, 2.1863965342215499], rows.Select(r => r.T), new Tolerant(1e-10));
        Assert.Equal([1.5998988338034701, 1.0304167603017551, 1.3450702921509843], rows.Select(r => r.DegreesOfFreedom), new Tolerant(1e-10));
        Assert.Equal([0.08725849958050641, 0.2879069142118027, 0.21884042768959208], rows.Select(r => r.PValue), new Tolerant(1e-9));
        Assert.Equal([0.26177549874151923, 0.2879069142118027, 0.2879069142118027], rows.Select(r => r.PValueAdjusted), new Tolerant(1e-9));
        Assert.Equal((0.10 + 0.15) / 2, rows[0].MeanFractionCases, Tolerance);
        Assert.Equal((0.30 + 0.40) / 2, rows[0].MeanFractionControls, Tolerance);
        Assert.Equal(Math.Log2(0.125 / 0.35), rows[0].Log2FoldChange, Tolerance);
    }

    [Fact]
    public void DifferentialAbundance_oneSampleInAGroup_namesTheCounts()
    {
        var composition = CellComposition.Count(["s1", "s2", "s3"], ["A", "A", "B"]);

        var e = Assert.Throws<ArgumentException>(() => DifferentialAbundance.Test(composition, ["s1"], ["s2", "s3"]));
        Assert.StartsWith("each group needs at least 2 samples; got 1 cases and 2 controls.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_sumsRawCountsPerSampleAndType_likeAggregateExpression()
    {
        var m = Matrix(
            [[1, 0, 2], [3, 4, 0], [0, 0, 5], [6, 1, 1]],
            ["s1", "s1", "s2", "s1"]);

        var pb = Pseudobulk.Aggregate(m, ["s1", "s1", "s2", "s1"], ["T", "B", "T", "T"]);

        Assert.Equal(["s1", "s1", "s2"], pb.Samples);
        Assert.Equal(["B", "T", "T"], pb.CellTypes);
        Assert.Equal([1, 2, 1], pb.Cells);
        Assert.Equal([3.0, 4, 0], pb.Counts(0).ToArray());
        Assert.Equal([7.0, 1, 3], pb.Counts(1).ToArray());
        Assert.Equal([0.0, 0, 5], pb.Counts(2).ToArray());
        Assert.Equal(-1, pb.IndexOf("s2", "B"));
    }

    [Fact]
    public void Aggregate_afterLogNormalize_stillSumsTheCountsLayer()
    {
        var m = Matrix([[1, 0, 2], [3, 4, 0]], ["a", "b"]);
        Dermis.SingleCell.Preprocessing.Normalization.LogNormalize(m);

        var pb = Pseudobulk.Aggregate(m, ["s", "s"], ["T", "T"]);

        Assert.Equal([4.0, 4, 2], pb.Counts(0).ToArray());
    }

    [Fact]
    public void PseudobulkExpression_logCpmWelch_matchesR()
    {
        // pb <- rbind(s1 = c(100, 5, 895), s2 = c(120, 8, 1072), s3 = c(40, 6, 954), s4 = c(55, 4, 941))
        // lcpm <- log2((pb + 0.5) / (rowSums(pb) + 1) * 1e6); t.test(lcpm[1:2, j], lcpm[3:4, j]); p.adjust(p, "BH")
        // Two T cells per sample split the sums; one B cell per sample must not count.
        var m = Matrix(
            [
                [60, 5, 400], [40, 0, 495], [9, 9, 9],
                [100, 8, 72], [20, 0, 1000], [9, 9, 9],
                [40, 6, 954], [0, 0, 0], [9, 9, 9],
                [50, 4, 900], [5, 0, 41], [9, 9, 9],
            ],
            ["s1", "s1", "s1", "s2", "s2", "s2", "s3", "s3", "s3", "s4", "s4", "s4"]);
        var samples = m.Cells.Barcodes;
        var types = Enumerable.Range(0, 12).Select(i => i % 3 == 2 ? "B" : "T").ToArray();

        var rows = PseudobulkExpression.Test(Pseudobulk.Aggregate(m, samples, types), "T", ["s1", "s2"], ["s3", "s4"]);

        Assert.Equal(["g0", "g1", "g2"], rows.Select(r => r.Gene));
        Assert.Equal([1.0834404906522579, 0.20686778171729614, -0.083450647257468091], rows.Select(r => r.Log2FoldChange), new Tolerant(1e-10));
        Assert.Equal([4.7669135718922906, 0.64236292244516568, -8.3651993392300064], rows.Select(r => r.T), new Tolerant(1e-9));
        Assert.Equal([0.13163914513242622, 0.59363450635131199, 0.070926186940928504], rows.Select(r => r.PValue), new Tolerant(1e-9));
        Assert.Equal([0.19745871769863932, 0.59363450635131199, 0.19745871769863932], rows.Select(r => r.PValueAdjusted), new Tolerant(1e-9));
    }

    [Fact]
    public void PseudobulkExpression_geneBelowOneCpmInMostSamples_isNotTested()
    {
        // g1 has 1 count in 10⁶ + 1 in one sample only: CPM ≥ 1 in 1 sample < min(2, 2).
        var m = Matrix([[1_000_000, 1], [1_000_000, 0], [1_000_000, 0], [1_000_000, 0]], ["a", "b", "c", "d"]);

        var rows = PseudobulkExpression.Test(Pseudobulk.Aggregate(m, ["a", "b", "c", "d"], ["T", "T", "T", "T"]), "T", ["a", "b"], ["c", "d"]);

        Assert.Equal(["g0"], rows.Select(r => r.Gene));
    }

    internal static CellMatrix Matrix(float[][] rows, string[] barcodes)
    {
        var pointers = new List<int> { 0 };
        var indices = new List<int>();
        var values = new List<float>();
        foreach (var row in rows)
        {
            for (var j = 0; j < row.Length; j++)
            {
                if (row[j] != 0)
                {
                    indices.Add(j);
                    values.Add(row[j]);
                }
            }

            pointers.Add(indices.Count);
        }

        var genes = Enumerable.Range(0, rows[0].Length).Select(j => $"g{j}").ToArray();
        return new CellMatrix(new SparseMatrix(rows.Length, genes.Length, [.. pointers], [.. indices], [.. values]), new CellAnnotations(barcodes), new GeneAnnotations(genes, genes));
    }

    private sealed class Tolerant(double relative) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= relative * Math.Max(1, Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
