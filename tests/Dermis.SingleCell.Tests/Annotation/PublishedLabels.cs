using Dermis.SingleCell.Io;

namespace Dermis.SingleCell.Tests.Annotation;

/// <summary>tests/data/pbmc3k-labels (published Seurat v3 tutorial types) and tests/data/pbmc68k-reduced (FACS bulk labels).</summary>
internal static class PublishedLabels
{
    private static readonly Lazy<Dictionary<string, string>> s_pbmc3k = new(() => Read(TestData.PathOf("pbmc3k-labels", "labels.csv")));

    /// <summary>Barcode → published type, 2,638 cells.</summary>
    public static Dictionary<string, string> Pbmc3k => s_pbmc3k.Value;

    /// <summary>Published type of each cell of <paramref name="m"/>, in its order.</summary>
    public static string[] Pbmc3kOf(CellMatrix m) => m.Cells.Barcodes.Select(b => Pbmc3k[b]).ToArray();

    /// <summary>pbmc68k_reduced raw counts (700 cells × 765 genes).</summary>
    public static CellMatrix Pbmc68kCounts() => TenXReader.ReadMex(TestData.PathOf("pbmc68k-reduced"));

    /// <summary>Barcode → FACS bulk label of pbmc68k_reduced.</summary>
    public static Dictionary<string, string> Pbmc68kBulk() => Read(TestData.PathOf("pbmc68k-reduced", "bulk_labels.csv"));

    private static Dictionary<string, string> Read(string path)
    {
        var rows = TestData.ReadCsv(path, out _);
        return rows.ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
    }
}
