using System.Globalization;
using System.Text.Json;
using Dermis.SingleCell;
using Dermis.SingleCell.Clustering;
using Dermis.SingleCell.Io;
using Dermis.SingleCell.Io.Hdf5;
using Xunit.Abstractions;

namespace Dermis.Cli.Tests;

/// <summary>
/// PBMC3k run twice: from its MEX folder and from an .h5ad holding the same counts in <c>layers/counts</c> (X = log1p),
/// the second with <c>--h5ad</c>. Same counts, same seeds: the outputs must be identical.
/// </summary>
public sealed class Pbmc3kH5adRunFixture : IDisposable
{
    public Pbmc3kH5adRunFixture()
    {
        Folder = Directory.CreateTempSubdirectory("dermis-sc-h5ad-").FullName;
        var counts = TenXReader.ReadMex(Mex);
        var m = new CellMatrix(counts.X.WithValues(counts.X.Values.Select(v => MathF.Log(1 + v)).ToArray()), counts.Cells, counts.Genes);
        m.SetLayer("counts", counts.X);
        Input = Path.Combine(Folder, "pbmc3k.h5ad");
        H5adWriter.Write(Input, m, new H5adWriteOptions { Layers = ["counts"] });
        FromMex = CliRun.RunAsync("sc", "run", Mex, "--out", Path.Combine(Folder, "mex")).GetAwaiter().GetResult();
        FromH5ad = CliRun.RunAsync("sc", "run", Input, "--layer", "counts", "--out", Path.Combine(Folder, "h5ad"), "--h5ad").GetAwaiter().GetResult();
    }

    public static string Mex => Path.Combine(SingleCellCommandTests.Data, "pbmc3k", "filtered_gene_bc_matrices", "hg19");

    public string Folder { get; }

    public string Input { get; }

    public CliRun FromMex { get; }

    public CliRun FromH5ad { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

// References: the MEX run of the same counts (existing reader, tested against Seurat) and the published PBMC3k labels.
public sealed class SingleCellHdf5CommandTests(Pbmc3kH5adRunFixture run, ITestOutputHelper output) : IClassFixture<Pbmc3kH5adRunFixture>
{
    [Fact]
    public void ScRun_h5adCountsLayer_givesTheSameCellsAndMarkersAsTheMexFolder()
    {
        output.WriteLine(run.FromH5ad.Error);
        Assert.Equal(0, run.FromMex.ExitCode);
        Assert.Equal(0, run.FromH5ad.ExitCode);
        Assert.Equal(File.ReadAllLines(Path.Combine(run.Folder, "mex", "cells.csv")), File.ReadAllLines(Path.Combine(run.Folder, "h5ad", "cells.csv")));
        Assert.Equal(File.ReadAllLines(Path.Combine(run.Folder, "mex", "markers.csv")), File.ReadAllLines(Path.Combine(run.Folder, "h5ad", "markers.csv")));
        Assert.Equal(2639, File.ReadAllLines(Path.Combine(run.Folder, "h5ad", "cells.csv")).Length);
        Assert.False(File.Exists(Path.Combine(run.Folder, "mex", "result.h5ad")));
    }

    [Fact]
    public void ScRun_h5adFlag_writesResultWithCountsClustersTypesAndEmbeddings()
    {
        var result = H5adReader.Read(Path.Combine(run.Folder, "h5ad", "result.h5ad"));
        var cells = File.ReadLines(Path.Combine(run.Folder, "h5ad", "cells.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var totals = new double[result.CellCount];
        for (var i = 0; i < result.CellCount; i++)
        {
            foreach (var v in result.X.RowValues(i))
            {
                totals[i] += v;
            }
        }

        Assert.Equal(2638, result.CellCount);
        Assert.Equal(13714, result.GeneCount);
        Assert.Equal(cells.Select(c => c[0]), result.Cells.Barcodes);
        Assert.Equal(cells.Select(c => double.Parse(c[3], CultureInfo.InvariantCulture)), totals); // X is raw counts: row sums = n_counts
        Assert.Equal(cells.Select(c => c[5]), result.Cells.Columns.FindText("cluster")!);
        Assert.Equal(cells.Select(c => c[6]), result.Cells.Columns.FindText("cell_type")!);
        Assert.Equal(cells.Select(c => double.Parse(c[2], CultureInfo.InvariantCulture)), result.Cells.Columns.FindNumeric("n_genes")!);
        Assert.Equal(2000, result.Genes.Columns.FindFlag("highly_variable")!.Count(f => f));
        Assert.Equal(50, result.FindEmbedding("pca")!.Columns);
        Assert.Equal(float.Parse(cells[0][8], CultureInfo.InvariantCulture), result.FindEmbedding("umap")![0, 0], 1e-4f); // cells.csv rounds
        // var keeps each gene's Ensembl id (column gene_ids) beside its unique name, as genes.tsv pairs them.
        var idOf = File.ReadLines(Path.Combine(Pbmc3kH5adRunFixture.Mex, "genes.tsv")).Select(l => l.Split('\t')).GroupBy(f => f[1]).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single()[0], StringComparer.Ordinal);
        Assert.All(Enumerable.Range(0, result.GeneCount).Where(g => idOf.ContainsKey(result.Genes.Names[g])), g => Assert.Equal(idOf[result.Genes.Names[g]], result.Genes.Ids[g]));
    }

    [Fact]
    public async Task ScRun_h5adReferenceWithLabelColumn_typesAQueryH5ad()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sc-h5ref-").FullName;
        try
        {
            // Reference: PBMC3k counts with the published labels as obs "cell_type" ("" for the 62 cells without one);
            // query: every third cell, also as .h5ad (X = counts).
            var m = TenXReader.ReadMex(Pbmc3kH5adRunFixture.Mex);
            var published = File.ReadLines(Path.Combine(SingleCellCommandTests.Data, "pbmc3k-labels", "labels.csv")).Skip(1).Select(l => l.Split(','))
                .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
            m.Cells.Columns.SetText("cell_type", m.Cells.Barcodes.Select(b => published.GetValueOrDefault(b, "")).ToArray());
            H5adWriter.Write(Path.Combine(folder, "ref.h5ad"), m);
            H5adWriter.Write(Path.Combine(folder, "query.h5ad"), m.SubsetCells(Enumerable.Range(0, m.CellCount).Where(i => i % 3 == 0).ToArray()));

            var result = await CliRun.RunAsync("sc", "run", Path.Combine(folder, "query.h5ad"), "--out", Path.Combine(folder, "out"), "--reference", Path.Combine(folder, "ref.h5ad"), "--reference-label", "cell_type");
            var cells = File.ReadLines(Path.Combine(folder, "out", "cells.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            var agree = cells.Count(c => c[6] == published.GetValueOrDefault(c[0]));
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "out", "summary.json")));

            output.WriteLine($"{result.Error}\n{agree}/{cells.Count}");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(884, cells.Count); // the MEX every-third-cell query of SingleCellCommandTests: 884 QC cells
            Assert.Equal("reference classifier", summary.RootElement.GetProperty("annotation").GetString());
            Assert.True(agree >= 0.9 * cells.Count, $"{agree}"); // query cells are reference cells: plumbing, not accuracy
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ScRun_badHdf5Inputs_areExitCode2NamingFileAndObjectPath()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sc-h5bad-").FullName;
        try
        {
            var text = Path.Combine(folder, "matrix.h5");
            await File.WriteAllTextAsync(text, "not hdf5\n");
            var truncated = Path.Combine(folder, "cut.h5");
            var bytes = await File.ReadAllBytesAsync(Path.Combine(SingleCellCommandTests.Data, "scanpy-10x", "v3", "filtered_feature_bc_matrix.h5"));
            await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 3)]);
            var outFolder = Path.Combine(folder, "out");

            var notHdf5 = await CliRun.RunAsync("sc", "run", text, "--out", outFolder);
            var cut = await CliRun.RunAsync("sc", "run", truncated, "--out", outFolder);
            var noLayer = await CliRun.RunAsync("sc", "run", run.Input, "--layer", "raw", "--out", outFolder);
            var noLabel = await CliRun.RunAsync("sc", "run", Pbmc3kH5adRunFixture.Mex, "--reference", run.Input, "--out", outFolder);
            var wrongLabel = await CliRun.RunAsync("sc", "run", Pbmc3kH5adRunFixture.Mex, "--reference", run.Input, "--reference-label", "celltype", "--out", outFolder);
            var tooFewGenes = await CliRun.RunAsync("sc", "run", Path.Combine(SingleCellCommandTests.Data, "scanpy-10x", "v3", "filtered_feature_bc_matrix.h5"), "--out", outFolder);
            // tests/data/hdf5-corrupt/README.md: a 2-element dataset whose dataspace claims 838,860,802 (read in-process, it took 24 GB).
            var huge = await CliRun.RunAsync("sc", "run", Path.Combine(SingleCellCommandTests.Data, "hdf5-corrupt", "shape-838860802.h5"), "--out", outFolder);

            CliRun[] all = [notHdf5, cut, noLayer, noLabel, wrongLabel, tooFewGenes, huge];
            Assert.All(all, r => Assert.Equal(2, r.ExitCode));
            Assert.All(all, r => Assert.False(r.ShowsStackTrace, r.Error));
            Assert.Equal(
                "dermis: shape-838860802.h5: /hg19_chr21/shape: declares 838860802 elements (3355443208 bytes) but stores only 319 bytes, more than any compression inflates to: the file is corrupt.",
                LastLine(huge.Error));
            Assert.Equal("dermis: matrix.h5: /: not an HDF5 file (no HDF5 signature); expected a 10x .h5 or an AnnData .h5ad file.", LastLine(notHdf5.Error));
            Assert.Equal("dermis: cut.h5: /: the HDF5 file cannot be opened: it is probably truncated or corrupt.", LastLine(cut.Error));
            Assert.Equal("dermis: pbmc3k.h5ad: /raw/X: is missing; this file holds X, layers/counts: choose one of those.", LastLine(noLayer.Error));
            Assert.StartsWith("dermis: --reference-label: required with an .h5ad reference", LastLine(noLabel.Error), StringComparison.Ordinal);
            Assert.Equal("dermis: --reference-label: pbmc3k.h5ad: /obs has no text or categorical column 'celltype'; its text columns are .", LastLine(wrongLabel.Error));
            // The 10x v3 test set (1,107 cells × 507 genes) is read, but no cell reaches Seurat's 200 genes.
            Assert.Contains("only 0 of 1107 cells passed QC", LastLine(tooFewGenes.Error), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];
}
