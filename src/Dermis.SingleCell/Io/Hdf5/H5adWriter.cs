namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// Writes a <see cref="CellMatrix"/> as an AnnData <c>.h5ad</c> file that anndata ≥ 0.8 (Scanpy's <c>read_h5ad</c>)
/// reads, through the system HDF5 library.
/// </summary>
/// <remarks>
/// Layout (anndata "on-disk format", encoding versions of anndata 0.8): every group and array carries
/// <c>encoding-type</c>/<c>encoding-version</c>; the root is <c>anndata</c> 0.1.0; X and layers are <c>csr_matrix</c>
/// 0.1.0 groups (float32 <c>data</c>, int32 <c>indices</c>/<c>indptr</c>, int64 <c>shape</c> attribute); obs and var
/// are <c>dataframe</c> 0.2.0 groups with <c>_index</c> and <c>column-order</c> — numeric columns float64, flags as
/// h5py booleans, text columns as <c>categorical</c> 0.2.0 (categories in ordinal order as pandas sorts them, int8
/// codes up to 127 categories, else int32); var's index is the unique gene names and the gene ids go to the column
/// <see cref="GeneIdsColumn"/> (Scanpy's <c>read_10x_*</c> name); embeddings go to <c>obsm/X_&lt;name&gt;</c> (float32
/// cells × k); obsp, varm, varp are empty and uns holds only <see cref="H5adWriteOptions.Uns"/>. Strings are
/// variable-length UTF-8. The file is written beside the target and moved over it, so a failed write leaves no half file.
/// </remarks>
public static class H5adWriter
{
    /// <summary>The var column holding the gene ids (Ensembl), as Scanpy's 10x readers name it.</summary>
    public const string GeneIdsColumn = "gene_ids";

    /// <summary>Writes <paramref name="matrix"/> to <paramref name="path"/> (replacing it).</summary>
    /// <param name="path">Target <c>.h5ad</c> path; its folder must exist.</param>
    /// <param name="matrix">The matrix, annotations and embeddings.</param>
    /// <param name="options">X source, extra layers and uns; null for the defaults.</param>
    /// <exception cref="ArgumentException">A named layer is missing.</exception>
    /// <exception cref="Hdf5Exception">HDF5 cannot create or write the file.</exception>
    /// <exception cref="InvalidOperationException">The HDF5 library is not installed.</exception>
    public static void Write(string path, CellMatrix matrix, H5adWriteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= H5adWriteOptions.Default;
        var x = options.XLayer is null ? matrix.X : Layer(matrix, options.XLayer, nameof(options.XLayer));
        var layers = new List<(string Name, SparseMatrix Values)>();
        foreach (var name in options.Layers)
        {
            layers.Add((name, name == "X" ? matrix.X : Layer(matrix, name, nameof(options.Layers))));
        }

        CheckKeys(matrix, options);
        var temporary = path + ".partial";
        lock (Hdf5Library.Gate)
        {
            try
            {
                WriteFile(temporary, matrix, x, layers, options);
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                // Reached with the file still there only when writing failed: leave no half-written file behind.
                File.Delete(temporary);
            }
        }
    }

    private static void WriteFile(string temporary, CellMatrix matrix, SparseMatrix x, List<(string Name, SparseMatrix Values)> layers, H5adWriteOptions options)
    {
        using var file = Hdf5File.Create(temporary);
        Encoding(file, "/", "anndata", "0.1.0");
        WriteCsr(file, "/X", x);
        Dictionary(file, "/layers");
        foreach (var (name, values) in layers)
        {
            WriteCsr(file, "/layers/" + name, values);
        }

        WriteFrame(file, "/obs", matrix.Cells.Barcodes, matrix.Cells.Columns, null);
        WriteFrame(file, "/var", matrix.Genes.Names, matrix.Genes.Columns, matrix.Genes.Ids);
        Dictionary(file, "/obsm");
        foreach (var name in matrix.EmbeddingNames.Order(StringComparer.Ordinal))
        {
            var embedding = matrix.FindEmbedding(name)!;
            var target = "/obsm/" + (name.StartsWith("X_", StringComparison.Ordinal) ? name : "X_" + name);
            file.Write(target, embedding.Values, (ulong)embedding.Rows, (ulong)embedding.Columns);
            Encoding(file, target, "array", "0.2.0");
        }

        Dictionary(file, "/varm");
        Dictionary(file, "/obsp");
        Dictionary(file, "/varp");
        Dictionary(file, "/uns");
        foreach (var (key, value) in options.Uns)
        {
            file.Write("/uns/" + key, [value], scalar: true);
            Encoding(file, "/uns/" + key, "string", "0.2.0");
        }

        file.Flush();
    }

    private static void CheckKeys(CellMatrix matrix, H5adWriteOptions options)
    {
        // A '/' would silently nest HDF5 groups; anndata refuses such keys as well.
        string[][] keys = [[.. matrix.Cells.Columns.NumericNames, .. matrix.Cells.Columns.FlagNames, .. matrix.Cells.Columns.TextNames],
            [.. matrix.Genes.Columns.NumericNames, .. matrix.Genes.Columns.FlagNames, .. matrix.Genes.Columns.TextNames],
            [.. matrix.EmbeddingNames], [.. options.Layers], [.. options.Uns.Keys]];
        foreach (var key in keys.SelectMany(k => k))
        {
            if (key.Length == 0 || key.Contains('/', StringComparison.Ordinal))
            {
                throw new ArgumentException($"name: '{key}' cannot be an AnnData key; expected a non-empty name without '/'.", nameof(matrix));
            }
        }
    }

    private static SparseMatrix Layer(CellMatrix matrix, string name, string field) =>
        matrix.FindLayer(name) ?? throw new ArgumentException(
            $"{field}: the layer '{name}' is not in the matrix; its layers are [{string.Join(", ", matrix.LayerNames)}] (\"counts\" is written by Normalization.LogNormalize).", field);

    private static void WriteCsr(Hdf5File file, string path, SparseMatrix m)
    {
        file.CreateGroup(path);
        Encoding(file, path, "csr_matrix", "0.1.0");
        file.WriteAttribute(path, "shape", [m.Rows, (long)m.Columns]);
        file.Write(path + "/data", m.Values.AsSpan(0, m.NonZeroCount), (ulong)m.NonZeroCount);
        file.Write(path + "/indices", m.ColumnIndices.AsSpan(0, m.NonZeroCount), (ulong)m.NonZeroCount);
        file.Write(path + "/indptr", m.RowPointers, (ulong)m.RowPointers.Length);
    }

    private static void WriteFrame(Hdf5File file, string path, string[] index, AnnotationColumns columns, string[]? geneIds)
    {
        file.CreateGroup(path);
        Encoding(file, path, "dataframe", "0.2.0");
        file.WriteAttribute(path, "_index", "_index");
        file.Write(path + "/_index", index);
        Encoding(file, path + "/_index", "string-array", "0.2.0");

        var order = new List<string>();
        if (geneIds is not null && columns.FindText(GeneIdsColumn) is null)
        {
            WriteCategorical(file, $"{path}/{GeneIdsColumn}", geneIds);
            order.Add(GeneIdsColumn);
        }

        foreach (var name in columns.NumericNames)
        {
            file.Write($"{path}/{name}", columns.FindNumeric(name)!, (ulong)columns.Count);
            Encoding(file, $"{path}/{name}", "array", "0.2.0");
            order.Add(name);
        }

        foreach (var name in columns.FlagNames)
        {
            file.Write($"{path}/{name}", columns.FindFlag(name)!);
            Encoding(file, $"{path}/{name}", "array", "0.2.0");
            order.Add(name);
        }

        foreach (var name in columns.TextNames)
        {
            WriteCategorical(file, $"{path}/{name}", columns.FindText(name)!);
            order.Add(name);
        }

        file.WriteAttribute(path, "column-order", order);
    }

    private static void WriteCategorical(Hdf5File file, string path, string[] values)
    {
        var categories = new SortedSet<string>(values, StringComparer.Ordinal).ToArray();
        var codeOf = new Dictionary<string, int>(categories.Length, StringComparer.Ordinal);
        for (var c = 0; c < categories.Length; c++)
        {
            codeOf[categories[c]] = c;
        }

        file.CreateGroup(path);
        Encoding(file, path, "categorical", "0.2.0");
        file.WriteAttribute(path, "ordered", false);
        file.Write(path + "/categories", categories);
        Encoding(file, path + "/categories", "string-array", "0.2.0");
        if (categories.Length <= sbyte.MaxValue)
        {
            // pandas picks the narrowest signed code type; anndata keeps whatever it finds.
            var codes = new sbyte[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                codes[i] = (sbyte)codeOf[values[i]];
            }

            file.Write(path + "/codes", codes, (ulong)codes.Length);
        }
        else
        {
            var codes = new int[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                codes[i] = codeOf[values[i]];
            }

            file.Write(path + "/codes", codes, (ulong)codes.Length);
        }

        Encoding(file, path + "/codes", "array", "0.2.0");
    }

    private static void Dictionary(Hdf5File file, string path)
    {
        file.CreateGroup(path);
        Encoding(file, path, "dict", "0.1.0");
    }

    private static void Encoding(Hdf5File file, string path, string type, string version)
    {
        file.WriteAttribute(path, "encoding-type", type);
        file.WriteAttribute(path, "encoding-version", version);
    }
}
