using System.Globalization;
using System.IO.Compression;
using Dermis.SingleCell.Io;
using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Tests;

/// <summary>Paths of the public test data copied into tests/data (see tests/data/README.md and each folder's README).</summary>
internal static class TestData
{
    private static readonly string s_root = FindRoot();

    /// <summary>A path under tests/data, e.g. <c>PathOf("pbmc3k", "reference", "pca_stdev.csv")</c>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([s_root, .. parts]);

    /// <summary>The PBMC3k 10x v1/v2 folder (matrix.mtx.gz, genes.tsv, barcodes.tsv).</summary>
    public static string Pbmc3kDirectory => PathOf("pbmc3k", "filtered_gene_bc_matrices", "hg19");

    /// <summary>A file of the Seurat 4.3.0 Debian run.</summary>
    public static string SeuratRun(string file) => PathOf("pbmc3k", "reference", "seurat_4.3.0_debian_run", file);

    /// <summary>Reads a CSV (optionally gzip) written by R's write.csv: header row, quoted strings, no embedded commas.</summary>
    public static List<string[]> ReadCsv(string path, out string[] header)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        header = Split(reader.ReadLine()!);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(Split(line));
            }
        }

        return rows;
    }

    public static double Number(string text) =>
        text == "NA" ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string[] Split(string line)
    {
        var parts = line.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim('"');
        }

        return parts;
    }

    private static string FindRoot()
    {
        // Walk up from the test binaries to the repository root (the folder holding tests/data).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data");
            if (Directory.Exists(Path.Combine(candidate, "pbmc3k")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/data/pbmc3k not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>PBMC3k through the Seurat tutorial's preprocessing, computed once and shared by the test classes.</summary>
public sealed class Pbmc3kFixture
{
    private readonly Lazy<CellMatrix> _raw = new(() => TenXReader.ReadMex(TestData.Pbmc3kDirectory));
    private readonly Lazy<CellMatrix> _prefiltered;
    private readonly Lazy<CellMatrix> _qc;

    public Pbmc3kFixture()
    {
        _prefiltered = new(() => QualityControl.Prefilter(_raw.Value, minCells: 3, minFeatures: 200));
        _qc = new(() =>
        {
            var m = QualityControl.Compute(_prefiltered.Value);
            return QualityControl.FilterCells(m, CellQcThresholds.SeuratTutorial);
        });
    }

    /// <summary>2,700 cells × 32,738 genes, raw counts (do not modify).</summary>
    public CellMatrix Raw => _raw.Value;

    /// <summary>2,700 cells × 13,714 genes (do not modify).</summary>
    public CellMatrix Prefiltered => _prefiltered.Value;

    /// <summary>2,638 cells × 13,714 genes with QC columns (do not modify; subset or copy first).</summary>
    public CellMatrix Qc => _qc.Value;

    /// <summary>A fresh copy of the QC'd matrix that a test may modify.</summary>
    public CellMatrix QcCopy()
    {
        var all = new int[Qc.CellCount];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        return Qc.SubsetCells(all);
    }
}

[CollectionDefinition(Name)]
public sealed class Pbmc3kGroup : ICollectionFixture<Pbmc3kFixture>
{
    public const string Name = "pbmc3k";
}
