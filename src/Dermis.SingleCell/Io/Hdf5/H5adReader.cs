namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// Reads an AnnData <c>.h5ad</c> file (Scanpy's format; anndata 0.7–0.10 and the older <c>h5sparse</c> layout) into a
/// <see cref="CellMatrix"/>, through the system HDF5 library.
/// </summary>
/// <remarks>
/// Read: the matrix chosen by <see cref="H5adReadOptions.Matrix"/> as X — dense (float/int dataset, exact zeros
/// dropped), CSR or CSC (a group with <c>encoding-type</c> <c>csr_matrix</c>/<c>csc_matrix</c> and a <c>shape</c>
/// attribute, or the older <c>h5sparse_format</c>/<c>h5sparse_shape</c>); the other layers; obs and var (see
/// <see cref="H5adFrame"/>: index → barcodes and gene names, a var text column <c>gene_ids</c> → gene ids, else the
/// names); and every two-dimensional <c>obsm</c> array as an embedding, <c>X_</c> dropped from its name
/// (<c>X_umap</c> → <c>"umap"</c>, the pipeline's name). Not read: <c>uns</c>, <c>obsp</c>/<c>varp</c>,
/// <c>varm</c>, data-frame <c>obsm</c> entries. No backed mode (everything is loaded) and no zarr.
/// </remarks>
public static class H5adReader
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <param name="path">The <c>.h5ad</c> file.</param>
    /// <param name="options">Which matrix becomes X and whether layers are loaded; null for the defaults.</param>
    /// <returns>The cells × genes matrix with annotations, layers and embeddings.</returns>
    /// <exception cref="ArgumentException"><see cref="H5adReadOptions.Matrix"/> is not X, raw/X or layers/&lt;name&gt;.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="Hdf5Exception">Not HDF5, truncated, the chosen matrix missing, or sizes that disagree; the message names the file and the object path.</exception>
    /// <exception cref="InvalidOperationException">The HDF5 library is not installed.</exception>
    public static CellMatrix Read(string path, H5adReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= H5adReadOptions.Default;
        options.Validate();
        lock (Hdf5Library.Gate)
        {
            using var file = Hdf5File.OpenRead(path);
            return Read(file, options);
        }
    }

    private static CellMatrix Read(Hdf5File file, H5adReadOptions options)
    {
        var matrixPath = "/" + options.Matrix;
        if (!file.Exists(matrixPath))
        {
            var present = new List<string>();
            present.AddRange(file.Exists("/X") ? ["X"] : []);
            present.AddRange(file.Exists("/raw/X") ? ["raw/X"] : []);
            present.AddRange(file.IsGroup("/layers") ? Array.ConvertAll(file.Children("/layers"), l => "layers/" + l) : []);
            throw file.Fail(matrixPath, present.Count == 0
                ? "is missing and the file holds no other matrix (X, raw/X, layers/*); expected an AnnData .h5ad file."
                : $"is missing; this file holds {string.Join(", ", present)}: choose one of those.");
        }

        var raw = options.Matrix == "raw/X";
        var obs = H5adFrame.Read(file, "/obs");
        var varPath = raw ? "/raw/var" : "/var";
        var vars = H5adFrame.Read(file, varPath);
        var x = ReadMatrix(file, matrixPath, obs.Index.Length, vars.Index.Length, varPath);

        var cells = new CellAnnotations(obs.Index);
        obs.CopyTo(cells.Columns);
        var ids = vars.FindText(H5adWriter.GeneIdsColumn) ?? vars.Index;
        var genes = new GeneAnnotations(ids, vars.Index);
        vars.CopyTo(genes.Columns);
        var matrix = new CellMatrix(x, cells, genes);

        if (options.ReadLayers && !raw)
        {
            if (matrixPath != "/X" && file.Exists("/X"))
            {
                matrix.SetLayer("X", ReadMatrix(file, "/X", matrix.CellCount, matrix.GeneCount, varPath));
            }

            foreach (var layer in file.IsGroup("/layers") ? file.Children("/layers") : [])
            {
                if ("/layers/" + layer != matrixPath)
                {
                    matrix.SetLayer(layer, ReadMatrix(file, "/layers/" + layer, matrix.CellCount, matrix.GeneCount, varPath));
                }
            }
        }

        foreach (var name in file.IsGroup("/obsm") ? file.Children("/obsm") : [])
        {
            var path = "/obsm/" + name;
            if (!file.IsGroup(path) && file.Dimensions(path) is [var rows, var columns])
            {
                if (rows != (ulong)matrix.CellCount)
                {
                    throw file.Fail(path, $"has {rows} rows but obs has {matrix.CellCount} cells; expected one row per cell.");
                }

                var embeddingName = name.StartsWith("X_", StringComparison.Ordinal) ? name[2..] : name;
                matrix.SetEmbedding(embeddingName, new DenseMatrix(matrix.CellCount, (int)columns, file.ReadFloat32(path)));
            }
        }

        return matrix;
    }

    private static SparseMatrix ReadMatrix(Hdf5File file, string path, int cells, int genes, string varPath)
    {
        if (!file.IsGroup(path))
        {
            var dims = file.Dimensions(path);
            if (dims is not [var r, var c] || r != (ulong)cells || c != (ulong)genes)
            {
                throw file.Fail(path, $"is ({string.Join(", ", dims)}) but obs has {cells} cells and {varPath} {genes} genes; expected ({cells}, {genes}).");
            }

            return CompressedArrays.FromDense(file.ReadFloat32(path), cells, genes);
        }

        var encoding = file.ReadStringAttribute(path, "encoding-type")
            ?? (file.ReadStringAttribute(path, "h5sparse_format") is { } old ? old + "_matrix" : null);
        var shapeAttribute = file.HasAttribute(path, "shape") ? "shape" : "h5sparse_shape";
        var shapeSource = $"{path} (attribute '{shapeAttribute}')";
        var (rows, columns) = CompressedArrays.Shape(file, shapeSource, file.ReadInt64Attribute(path, shapeAttribute));
        if (rows != cells || columns != genes)
        {
            throw file.Fail(path, $"has shape ({rows}, {columns}) but obs has {cells} cells and {varPath} {genes} genes; expected ({cells}, {genes}).");
        }

        return encoding switch
        {
            "csr_matrix" => CompressedArrays.Read(file, path, rows, columns, shapeSource),
            "csc_matrix" => CompressedArrays.Read(file, path, columns, rows, shapeSource).Transpose(),
            _ => throw file.Fail(path, $"has encoding '{encoding ?? "(none)"}'; expected csr_matrix or csc_matrix (or a dense dataset)."),
        };
    }
}
