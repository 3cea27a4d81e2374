using System.Globalization;
using System.IO.Compression;
using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Tests.Neighbors;

/// <summary>
/// Seurat 4.3.0's PBMC3k graph outputs in tests/data/pbmc3k-seurat-graph (see its README): the first 10 PCs, annoy
/// k = 20 neighbour indices, the SNN graph (upper triangle as shared-neighbour counts), Louvain and Leiden labels at
/// resolution 0.5 and uwot UMAP coordinates. Loaded once.
/// </summary>
internal static class SeuratGraphReference
{
    public const int Cells = 2638;
    public const int Pcs = 10;
    public const int K = 20;

    private static readonly Lazy<string> s_folder = new(FindFolder);
    private static readonly Lazy<float[]> s_pca = new(() => ReadMatrix("pca10.csv", Pcs));
    private static readonly Lazy<int[]> s_knn = new(ReadKnn);
    private static readonly Lazy<(int[] Louvain, int[] Leiden)> s_labels = new(ReadLabels);
    private static readonly Lazy<float[]> s_umap = new(() => ReadMatrix("umap_uwot.csv", 2));
    private static readonly Lazy<CellGraph> s_snn = new(ReadSnn);

    /// <summary>2,638 × 10 PCA scores, row-major.</summary>
    public static float[] Pca => s_pca.Value;

    /// <summary>2,638 × 20 annoy neighbour indices (0-based, self first).</summary>
    public static int[] Knn => s_knn.Value;

    /// <summary>Seurat FindClusters(resolution = 0.5) labels (Louvain, algorithm 1).</summary>
    public static int[] Louvain => s_labels.Value.Louvain;

    /// <summary>Seurat FindClusters(resolution = 0.5, algorithm = 4) labels (leidenalg 0.9.1).</summary>
    public static int[] Leiden => s_labels.Value.Leiden;

    /// <summary>2,638 × 2 uwot coordinates.</summary>
    public static float[] Umap => s_umap.Value;

    /// <summary>Seurat's RNA_snn graph with its unit diagonal.</summary>
    public static CellGraph Snn => s_snn.Value;

    /// <summary>Seurat's kNN as a <see cref="NeighborGraph"/> (distances recomputed from the rounded PCs).</summary>
    public static NeighborGraph KnnGraph()
    {
        var distances = new float[Cells * K];
        for (var i = 0; i < Cells; i++)
        {
            for (var t = 0; t < K; t++)
            {
                distances[(i * K) + t] = System.Numerics.Tensors.TensorPrimitives.Distance(
                    Pca.AsSpan(i * Pcs, Pcs), Pca.AsSpan(Knn[(i * K) + t] * Pcs, Pcs));
            }
        }

        return new NeighborGraph(Cells, K, Knn, distances, includesSelf: true, DistanceMetric.Euclidean);
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "pbmc3k-seurat-graph");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/data/pbmc3k-seurat-graph not found above {AppContext.BaseDirectory}.");
    }

    private static IEnumerable<string> Lines(string file)
    {
        var path = Path.Combine(s_folder.Value, file);
        using var stream = File.OpenRead(path);
        using Stream body = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(body);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    private static float[] ReadMatrix(string file, int columns)
    {
        var values = new List<float>();
        foreach (var line in Lines(file).Skip(1))
        {
            var parts = line.Split(',');
            Assert.Equal(columns, parts.Length);
            foreach (var part in parts)
            {
                values.Add(float.Parse(part, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        return [.. values];
    }

    private static int[] ReadKnn()
    {
        var values = new List<int>();
        foreach (var line in Lines("knn20_indices.csv.gz"))
        {
            foreach (var part in line.Split(','))
            {
                values.Add(int.Parse(part, CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(Cells * K, values.Count);
        return [.. values];
    }

    private static (int[], int[]) ReadLabels()
    {
        var louvain = new List<int>();
        var leiden = new List<int>();
        foreach (var line in Lines("clusters.csv").Skip(1))
        {
            var parts = line.Split(',');
            louvain.Add(int.Parse(parts[1], CultureInfo.InvariantCulture));
            leiden.Add(int.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        return ([.. louvain], [.. leiden]);
    }

    private static CellGraph ReadSnn()
    {
        var from = new List<int>();
        var to = new List<int>();
        var weights = new List<float>();
        foreach (var line in Lines("snn_upper_overlap.csv.gz").Skip(1))
        {
            var parts = line.Split(',');
            var shared = int.Parse(parts[2], CultureInfo.InvariantCulture);
            from.Add(int.Parse(parts[0], CultureInfo.InvariantCulture));
            to.Add(int.Parse(parts[1], CultureInfo.InvariantCulture));
            weights.Add((float)(shared / (double)((2 * K) - shared)));
        }

        for (var i = 0; i < Cells; i++)
        {
            from.Add(i);
            to.Add(i);
            weights.Add(1f);
        }

        return CellGraph.FromEdges(Cells, [.. from], [.. to], [.. weights]);
    }
}
