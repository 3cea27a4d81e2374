using System.Diagnostics;
using Dermis.SingleCell.Decomposition;
using Dermis.SingleCell.Preprocessing;
using Xunit.Abstractions;

namespace Dermis.SingleCell.Tests.Decomposition;

// Reference: tests/data/pbmc3k/reference/seurat_4.3.0_debian_run/pca_stdev.csv (Seurat 4.3.0 RunPCA, irlba, 50 PCs).
[Collection(Pbmc3kGroup.Name)]
public sealed class PcaTests(Pbmc3kFixture pbmc, ITestOutputHelper output)
{
    private static double[] SeuratStdev()
    {
        var rows = TestData.ReadCsv(TestData.SeuratRun("pca_stdev.csv"), out _);
        var result = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = TestData.Number(rows[i][1]);
        }

        return result;
    }

    private CellMatrix Prepared()
    {
        var m = pbmc.QcCopy();
        Normalization.LogNormalize(m);
        VariableGenes.Vst(m);
        Scaling.Scale(m);
        return m;
    }

    [Fact]
    public void Run_pbmc3kTutorial_first10StdevWithinOnePercentOfSeurat()
    {
        var m = Prepared();
        var watch = Stopwatch.StartNew();
        var result = Pca.Run(m, componentCount: 50, seed: 42);
        watch.Stop();
        var reference = SeuratStdev();

        var worst10 = 0.0;
        var worst50 = 0.0;
        for (var c = 0; c < 50; c++)
        {
            var rel = Math.Abs(result.StandardDeviations[c] - reference[c]) / reference[c];
            if (c < 10)
            {
                worst10 = Math.Max(worst10, rel);
            }

            worst50 = Math.Max(worst50, rel);
        }

        output.WriteLine($"PCA {watch.ElapsedMilliseconds} ms; max rel error PC1-10 {worst10:E2}, PC1-50 {worst50:E2}");
        output.WriteLine(string.Join(" ", result.StandardDeviations.Select(s => s.ToString("F4", System.Globalization.CultureInfo.InvariantCulture))));
        // Measured: PCs 1–10 within 1.5e-3 relative (PC1 7.0984, PC2 4.4955 to 1e-5), PCs 11–50 within 1.5e-2.
        Assert.InRange(worst10, 0, 0.01);
        Assert.InRange(worst50, 0, 0.03);
        Assert.Equal(7.09840257181612, result.StandardDeviations[0], 7.1e-4);
        Assert.Equal(4.4954885853904, result.StandardDeviations[1], 4.5e-4);
    }

    [Fact]
    public void Run_storesEmbeddingWhoseColumnSdEqualsStdev()
    {
        var m = Prepared();
        var result = Pca.Run(m, componentCount: 10, seed: 1);
        var embedding = m.RequireEmbedding(Pca.EmbeddingName, "Pca.Run");

        Assert.Equal(2638, embedding.Rows);
        Assert.Equal(10, embedding.Columns);
        for (var c = 0; c < 10; c++)
        {
            double s = 0, s2 = 0;
            for (var i = 0; i < embedding.Rows; i++)
            {
                s += embedding[i, c];
                s2 += embedding[i, c] * (double)embedding[i, c];
            }

            var sd = Math.Sqrt((s2 - (s * s / embedding.Rows)) / (embedding.Rows - 1));
            Assert.Equal(result.StandardDeviations[c], sd, 1e-3 * result.StandardDeviations[c]);
        }

        Assert.Equal(2000, result.GeneIndices.Length);
        Assert.Equal(m.GeneCount, m.FindLoadings(Pca.EmbeddingName)!.Rows);
    }

    [Fact]
    public void Run_sameSeed_givesIdenticalEmbedding()
    {
        var m = Prepared();
        var first = (float[])Pca.Run(m, componentCount: 20, seed: 7).Embedding.Values.Clone();
        var second = Pca.Run(m, componentCount: 20, seed: 7).Embedding.Values;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Run_withoutScaling_saysRunScaleFirst()
    {
        var m = new CellMatrix(new SparseMatrix(1, 1, [0, 1], [0], [1f]), new CellAnnotations(["a"]), new GeneAnnotations(["1"], ["G"]));

        var ex = Assert.Throws<InvalidOperationException>(() => Pca.Run(m));

        Assert.Equal("there is no scaled data: run Scaling.Scale first.", ex.Message);
    }
}
