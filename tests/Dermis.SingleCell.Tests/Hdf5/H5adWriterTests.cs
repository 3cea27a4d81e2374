using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dermis.SingleCell.Io;
using Dermis.SingleCell.Io.Hdf5;

namespace Dermis.SingleCell.Tests.Hdf5;

// References: tests/data/pbmc68k-reduced/README.md (765 genes × 700 cells, nnz 174,400, 486,651 UMIs, the 10
// bulk_labels and their counts); anndata 0.8.0 (Debian python3-anndata) reading the written file.
public sealed class H5adWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dermis-h5ad-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>pbmc68k_reduced raw counts with bulk_labels, a flag, a numeric column, a log layer and a 2-D embedding.</summary>
    internal static CellMatrix Pbmc68k()
    {
        var m = TenXReader.ReadMex(TestData.PathOf("pbmc68k-reduced"));
        var labelOf = File.ReadLines(TestData.PathOf("pbmc68k-reduced", "bulk_labels.csv")).Skip(1)
            .Select(l => l.Split(',', 2)).ToDictionary(f => f[0], f => f[1].Trim('"'), StringComparer.Ordinal);
        m.Cells.Columns.SetText("bulk_labels", m.Cells.Barcodes.Select(b => labelOf[b]).ToArray());
        m.Cells.Columns.SetNumeric("index_times_half", Enumerable.Range(0, m.CellCount).Select(i => i * 0.5).ToArray());
        m.Genes.Columns.SetFlag("even", Enumerable.Range(0, m.GeneCount).Select(g => g % 2 == 0).ToArray());
        m.SetLayer("counts", m.X);
        m.X = m.X.WithValues(m.X.Values.Select(v => MathF.Log(1 + v)).ToArray());
        m.SetEmbedding("umap", new DenseMatrix(m.CellCount, 2, Enumerable.Range(0, 2 * m.CellCount).Select(i => i / 7f).ToArray()));
        return m;
    }

    [Fact]
    public void Write_thenRead_roundTripsCountsAnnotationsLayersAndEmbeddings()
    {
        var m = Pbmc68k();
        var path = Path.Combine(_folder, "rt.h5ad");

        H5adWriter.Write(path, m, new H5adWriteOptions { XLayer = "counts", Layers = ["X"], Uns = new Dictionary<string, string> { ["pipeline_version"] = "test 1" } });
        var back = H5adReader.Read(path);

        TenXH5ReaderTests.AssertSame(new CellMatrix(m.FindLayer("counts")!, m.Cells, m.Genes), back);
        Assert.Equal(486651.0, TenXH5ReaderTests.Sum(back.X.Values));
        Assert.Equal(174400, back.X.NonZeroCount);
        Assert.Equal(m.X.Values, back.FindLayer("X")!.Values);
        Assert.Equal(m.Cells.Columns.FindText("bulk_labels"), back.Cells.Columns.FindText("bulk_labels"));
        Assert.Equal(m.Cells.Columns.FindNumeric("index_times_half"), back.Cells.Columns.FindNumeric("index_times_half"));
        Assert.Equal(m.Genes.Columns.FindFlag("even"), back.Genes.Columns.FindFlag("even"));
        Assert.Equal(m.FindEmbedding("umap")!.Values, back.FindEmbedding("umap")!.Values);
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void Write_missingLayer_isArgumentExceptionListingTheLayers()
    {
        var m = Pbmc68k();

        var e = Assert.Throws<ArgumentException>(() => H5adWriter.Write(Path.Combine(_folder, "x.h5ad"), m, new H5adWriteOptions { XLayer = "raw" }));

        Assert.StartsWith("XLayer: the layer 'raw' is not in the matrix; its layers are [counts]", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "x.h5ad")));
    }

    [AnndataFact]
    public void Write_readByAnndata08_shapeNamesCategoriesAndExactCountSum()
    {
        var m = Pbmc68k();
        var path = Path.Combine(_folder, "for_python.h5ad");
        H5adWriter.Write(path, m, new H5adWriteOptions { XLayer = "counts", Layers = ["X"] });
        const string Script = """
            import sys, json, anndata, numpy as np
            a = anndata.read_h5ad(sys.argv[1])
            print(json.dumps({
                "shape": list(a.shape), "obs_names": list(a.obs_names[:2]), "var_names": list(a.var_names[:2]),
                "gene_ids": list(a.var["gene_ids"][:2]),
                "categories": list(a.obs["bulk_labels"].cat.categories),
                "dendritic": int((a.obs["bulk_labels"] == "Dendritic").sum()),
                "x_sum": float(a.X.sum(dtype=np.float64)), "x_format": a.X.format, "nnz": int(a.X.nnz),
                "layers": sorted(a.layers.keys()), "obsm": sorted(a.obsm.keys()), "umap_1_0": float(a.obsm["X_umap"][1, 0]),
                "even": int(a.var["even"].sum()), "half": float(a.obs["index_times_half"].iloc[3]),
            }))
            """;

        var json = RunPython(Script, path);
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;

        Assert.Equal([700, 765], r.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(m.Cells.Barcodes[..2], r.GetProperty("obs_names").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(m.Genes.Names[..2], r.GetProperty("var_names").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(m.Genes.Ids[..2], r.GetProperty("gene_ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            ["CD14+ Monocyte", "CD19+ B", "CD34+", "CD4+/CD25 T Reg", "CD4+/CD45RA+/CD25- Naive T", "CD4+/CD45RO+ Memory", "CD56+ NK", "CD8+ Cytotoxic T", "CD8+/CD45RA+ Naive Cytotoxic", "Dendritic"],
            r.GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(240, r.GetProperty("dendritic").GetInt32());
        Assert.Equal(486651.0, r.GetProperty("x_sum").GetDouble());
        Assert.Equal("csr", r.GetProperty("x_format").GetString());
        Assert.Equal(174400, r.GetProperty("nnz").GetInt32());
        Assert.Equal(["X"], r.GetProperty("layers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["X_umap"], r.GetProperty("obsm").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2 / 7f, (float)r.GetProperty("umap_1_0").GetDouble());
        Assert.Equal(383, r.GetProperty("even").GetInt32()); // genes 0, 2, …, 764
        Assert.Equal(1.5, r.GetProperty("half").GetDouble());
    }

    private static string RunPython(string script, string path)
    {
        var info = new ProcessStartInfo(AnndataFactAttribute.Python, ["-c", script, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 + anndata failed: {error.Result}");
        return output.Result.Trim().Split('\n')[^1];
    }
}
