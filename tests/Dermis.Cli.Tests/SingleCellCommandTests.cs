using System.IO.Compression;
using System.Text.Json;
using Dermis.SingleCell.Clustering;
using Dermis.SingleCell.Io;
using Xunit.Abstractions;

namespace Dermis.Cli.Tests;

/// <summary>One <c>dermis sc run</c> of PBMC3k with a sample sheet, shared by the tests that read its outputs.</summary>
public sealed class Pbmc3kRunFixture : IDisposable
{
    public Pbmc3kRunFixture()
    {
        Folder = Directory.CreateTempSubdirectory("dermis-sc-").FullName;
        var sheet = Path.Combine(Folder, "samples.csv");
        File.WriteAllText(sheet, "barcode_suffix,sample,participant\n1,pbmc3k,P01\n");
        Run = CliRun.RunAsync("sc", "run", Path.Combine(SingleCellCommandTests.Data, "pbmc3k"), "--out", Path.Combine(Folder, "out"), "--samples", sheet)
            .GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public CliRun Run { get; }

    public string Output(string file) => Path.Combine(Folder, "out", file);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

// Reference: the Seurat PBMC3k tutorial (2,638 cells, 9 clusters) and its published cell types (tests/data/pbmc3k-labels).
public sealed class SingleCellCommandTests(Pbmc3kRunFixture run, ITestOutputHelper output) : IClassFixture<Pbmc3kRunFixture>
{
    internal static readonly string Data = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../tests/data"));

    private static Dictionary<string, string> Published() =>
        File.ReadLines(Path.Combine(Data, "pbmc3k-labels", "labels.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);

    private List<string[]> Cells() => File.ReadLines(run.Output("cells.csv")).Skip(1).Select(l => l.Split(',')).ToList();

    [Fact]
    public void ScRun_pbmc3k_writesOneRowPerQcCellAndNineClustersMatchingThePublishedTypes()
    {
        var header = File.ReadLines(run.Output("cells.csv")).First();
        var cells = Cells();
        var published = Published();
        var clusters = cells.Select(c => int.Parse(c[5], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var names = published.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        var truth = cells.Select(c => names.IndexOf(published[c[0]])).ToArray();
        var ari = AdjustedRandIndex.Compute(clusters, truth);

        output.WriteLine($"{run.Run.Output}\n{clusters.Distinct().Count()} clusters, ARI vs published {ari:F4}");
        Assert.Equal(0, run.Run.ExitCode);
        Assert.Equal("barcode,sample,n_genes,n_counts,percent_mt,cluster,cell_type,confidence,umap_1,umap_2", header);
        Assert.Equal(2638, cells.Count);
        Assert.All(cells, c => Assert.Equal("pbmc3k", c[1]));
        Assert.InRange(clusters.Distinct().Count(), 8, 10);
        Assert.True(ari >= 0.93, $"ARI {ari}");
        Assert.Equal(["AAACATACAACCAC-1", "pbmc3k", "779", "2419"], cells[0][..4]);
        Assert.All(cells, c => Assert.True(float.IsFinite(float.Parse(c[8], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains("dermis sc: [9/11] umap", run.Run.Error, StringComparison.Ordinal);
        Assert.False(run.Run.ShowsStackTrace);
    }

    [Theory]
    [InlineData("B", "B", "MS4A1")]
    [InlineData("CD14+ Mono", "CD14+ Mono", "CD14|LYZ")]
    [InlineData("FCGR3A+ Mono", "FCGR3A+ Mono", "FCGR3A")]
    [InlineData("NK", "NK", "GNLY|NKG7")]
    [InlineData("CD8 T", "CD8 T", "CD8A")]
    [InlineData("Platelet", "Platelet", "PPBP")]
    public void ScRun_pbmc3k_markersOfTheClusterOfEachPublishedType(string publishedType, string ourType, string genes)
    {
        var published = Published();
        var cells = Cells();

        // The cluster holding most cells of the published type, and the markers and type we report for it.
        var cluster = cells.Where(c => published[c[0]] == publishedType).GroupBy(c => c[5]).OrderByDescending(g => g.Count()).First().Key;
        var markers = File.ReadLines(run.Output("markers.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[5] == cluster).ToList();

        Assert.Equal("p_val,avg_log2FC,pct.1,pct.2,p_val_adj,cluster,gene,cell_type", File.ReadLines(run.Output("markers.csv")).First());
        Assert.Contains(markers, f => genes.Split('|').Contains(f[6]));
        Assert.All(markers, f => Assert.Equal(ourType, f[7]));
    }

    [Fact]
    public void ScRun_pbmc3k_compositionSummaryAndReport()
    {
        var composition = File.ReadAllLines(run.Output("composition.csv"));
        using var summary = JsonDocument.Parse(File.ReadAllText(run.Output("summary.json")));
        var root = summary.RootElement;
        var html = File.ReadAllText(run.Output("report.html"));

        Assert.Equal("sample,participant,cell_type,cells,fraction", composition[0]);
        Assert.Equal(9, composition.Length);
        Assert.Contains("pbmc3k,P01,B,344,0.130402", composition);
        Assert.Equal(2638, composition.Skip(1).Sum(l => int.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("dermis-singlecell 1", root.GetProperty("pipeline_version").GetString());
        Assert.Equal(2700, root.GetProperty("cells").GetProperty("before_qc").GetInt32());
        Assert.Equal(2638, root.GetProperty("cells").GetProperty("after_qc").GetInt32());
        Assert.Equal(32738, root.GetProperty("genes").GetProperty("before_qc").GetInt32());
        Assert.Equal(13714, root.GetProperty("genes").GetProperty("after_qc").GetInt32());
        Assert.Equal(12, root.GetProperty("steps").GetArrayLength());
        Assert.Equal("read", root.GetProperty("steps")[0].GetProperty("name").GetString());
        Assert.All(root.GetProperty("steps").EnumerateArray(), s => Assert.True(s.GetProperty("peak_memory_mb").GetDouble() > 0));
        Assert.Equal(0.5, root.GetProperty("parameters").GetProperty("resolution").GetDouble());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        Assert.Equal(3 + 2 + 1, html.Split("<svg").Length - 1); // three violins, two UMAPs, one dot plot
        Assert.Contains("UMAP: Cell types", html, StringComparison.Ordinal);
        Assert.Contains(">Platelet</text>", html, StringComparison.Ordinal);
        Assert.Contains(">PPBP</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScRun_referenceAndLeiden_typesAQueryWithTheReferenceLabels()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sc-ref-").FullName;
        try
        {
            // Reference: PBMC3k with its published labels; query: every third PBMC3k cell, written as a new MEX folder.
            var source = Path.Combine(Data, "pbmc3k", "filtered_gene_bc_matrices", "hg19");
            var reference = Directory.CreateDirectory(Path.Combine(folder, "reference")).FullName;
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(reference, Path.GetFileName(file)));
            }

            File.Copy(Path.Combine(Data, "pbmc3k-labels", "labels.csv"), Path.Combine(reference, "labels.csv"));
            var query = Directory.CreateDirectory(Path.Combine(folder, "query")).FullName;
            WriteEveryThirdCell(TenXReader.ReadMex(source), query);

            var result = await CliRun.RunAsync("sc", "run", query, "--out", Path.Combine(folder, "out"), "--reference", reference, "--clustering", "leiden", "--resolution", "0.8");
            var published = Published();
            var cells = File.ReadLines(Path.Combine(folder, "out", "cells.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            var agree = cells.Count(c => c[6] == published.GetValueOrDefault(c[0]));
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "out", "summary.json")));

            output.WriteLine($"{result.Output}{result.Error}\n{agree}/{cells.Count} cells typed as published");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(884, cells.Count);
            Assert.Equal("reference classifier", summary.RootElement.GetProperty("annotation").GetString());
            Assert.Equal("leiden", summary.RootElement.GetProperty("parameters").GetProperty("clustering").GetString());
            Assert.True(agree >= 0.9 * cells.Count, $"{agree}"); // query cells are reference cells: a plumbing check, not an accuracy figure
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ScRun_truncatedGzip_isExitCode2WithFileAndLine()
    {
        var result = await RunOnBrokenCopy(dir =>
        {
            var path = Path.Combine(dir, "matrix.mtx.gz");
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^dermis: matrix\.mtx\.gz: line \d+: .*the file is probably truncated\.$", LastLine(result.Error));
        Assert.False(result.ShowsStackTrace);
    }

    [Fact]
    public async Task ScRun_wrongMatrixMarketHeader_isExitCode2WithFileAndLine()
    {
        var result = await RunOnBrokenCopy(dir =>
        {
            File.Delete(Path.Combine(dir, "matrix.mtx.gz"));
            File.WriteAllText(Path.Combine(dir, "matrix.mtx"), "%%MatrixMarket matrix array real general\n32738 2700\n");
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dermis: matrix.mtx: line 1: expected the header '%%MatrixMarket matrix coordinate <integer|real|pattern> general', found '%%MatrixMarket matrix array real general'.", LastLine(result.Error));
        Assert.False(result.ShowsStackTrace);
    }

    [Fact]
    public async Task ScRun_fewerBarcodesThanMatrixColumns_isExitCode2WithFileAndLine()
    {
        var result = await RunOnBrokenCopy(dir =>
        {
            var path = Path.Combine(dir, "barcodes.tsv");
            File.WriteAllLines(path, File.ReadLines(path).Take(2000).ToArray());
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dermis: barcodes.tsv: line 2001: the file ends after 2000 barcodes but matrix.mtx.gz has 2700 columns (cells); expected one barcode per cell.", LastLine(result.Error));
    }

    [Fact]
    public async Task ScRun_sampleSheetWithoutTheSuffix_isExitCode2NamingTheSheet()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sc-").FullName;
        try
        {
            var sheet = Path.Combine(folder, "sheet.csv");
            await File.WriteAllTextAsync(sheet, "barcode_suffix,sample,participant\n2,S2,P02\n");
            var missing = await CliRun.RunAsync("sc", "run", Path.Combine(folder, "nowhere"), "--out", folder);
            var unmatched = await CliRun.RunAsync("sc", "run", Path.Combine(Data, "pbmc3k"), "--out", folder, "--samples", sheet);

            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("nowhere does not exist", missing.Error, StringComparison.Ordinal);
            Assert.Equal(2, unmatched.ExitCode);
            Assert.Equal("dermis: sheet.csv: no row for barcode suffix '1' (barcode 'AAACATACAACCAC-1', cell 1); add a line '1,<sample>,<participant>'.", LastLine(unmatched.Error));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];

    private static async Task<CliRun> RunOnBrokenCopy(Action<string> breakIt)
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sc-bad-").FullName;
        try
        {
            var source = Path.Combine(Data, "pbmc3k", "filtered_gene_bc_matrices", "hg19");
            var input = Directory.CreateDirectory(Path.Combine(folder, "in")).FullName;
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
            }

            breakIt(input);
            return await CliRun.RunAsync("sc", "run", input, "--out", Path.Combine(folder, "out"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteEveryThirdCell(Dermis.SingleCell.CellMatrix m, string folder)
    {
        var cells = Enumerable.Range(0, m.CellCount).Where(i => i % 3 == 0).ToArray();
        var subset = m.SubsetCells(cells);
        File.WriteAllLines(Path.Combine(folder, "barcodes.tsv"), subset.Cells.Barcodes);
        File.WriteAllLines(Path.Combine(folder, "genes.tsv"), subset.Genes.Ids.Select((id, g) => $"{id}\t{subset.Genes.Symbols[g]}"));
        using var writer = new StreamWriter(new GZipStream(File.Create(Path.Combine(folder, "matrix.mtx.gz")), CompressionLevel.Fastest));
        writer.WriteLine("%%MatrixMarket matrix coordinate integer general");
        writer.WriteLine($"{subset.GeneCount} {subset.CellCount} {subset.X.NonZeroCount}");
        for (var c = 0; c < subset.CellCount; c++)
        {
            var indices = subset.X.RowIndices(c);
            var values = subset.X.RowValues(c);
            for (var k = 0; k < indices.Length; k++)
            {
                writer.WriteLine($"{indices[k] + 1} {c + 1} {values[k]}");
            }
        }
    }
}
