namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// Reads Cell Ranger's HDF5 feature-barcode matrix (<c>filtered_feature_bc_matrix.h5</c>,
/// <c>filtered_gene_bc_matrices_h5.h5</c>) into the same <see cref="CellMatrix"/> that <see cref="TenXReader.ReadMex"/>
/// gives for the MEX triplet of the same run, through the system HDF5 library.
/// </summary>
/// <remarks>
/// Layouts (10x Genomics, "HDF5 Feature-Barcode Matrix Format"): v3 (Cell Ranger ≥ 3)
/// <c>/matrix/{data,indices,indptr,shape,barcodes,features/{id,name,feature_type,genome}}</c>; v2 (Cell Ranger 1–2)
/// <c>/&lt;genome&gt;/{data,indices,indptr,shape,barcodes,genes,gene_names}</c>. The matrix is stored genes × cells in
/// CSC form, which is cells × genes CSR, so no transpose is needed. By default only "Gene Expression" features are
/// kept, as Scanpy's <c>read_10x_h5(gex_only=True)</c> and the Cell Ranger secondary analysis do (the MEX reader keeps
/// all features, like Seurat); feature types go to the gene column <see cref="TenXReader.FeatureTypeColumn"/>.
/// Symbols are made unique as R's <c>make.unique</c> does.
/// </remarks>
public static class TenXH5Reader
{
    private const string GeneExpression = "Gene Expression";

    /// <summary>Reads a 10x HDF5 matrix file.</summary>
    /// <param name="path">The <c>.h5</c> file.</param>
    /// <param name="geneExpressionOnly">Keep only "Gene Expression" features (v3 files; v2 files hold only genes).</param>
    /// <param name="genome">For a v2 file with several genome groups (barnyard runs), the one to read; null when there is one.</param>
    /// <returns>A cells × genes matrix of UMI counts with barcodes and gene ids/symbols/names.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="Hdf5Exception">The file is not HDF5, is truncated, or its datasets are missing or inconsistent; the message names the file and the object path.</exception>
    /// <exception cref="InvalidOperationException">The HDF5 library is not installed.</exception>
    public static CellMatrix Read(string path, bool geneExpressionOnly = true, string? genome = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        lock (Hdf5Library.Gate)
        {
            using var file = Hdf5File.OpenRead(path);
            return file.IsGroup("/matrix") && file.Exists("/matrix/features")
                ? ReadV3(file, geneExpressionOnly)
                : ReadV2(file, genome);
        }
    }

    private static CellMatrix ReadV3(Hdf5File file, bool geneExpressionOnly)
    {
        var (counts, barcodes) = ReadCounts(file, "/matrix");
        var ids = Feature(file, "/matrix/features/id", counts.Columns);
        var names = Feature(file, "/matrix/features/name", counts.Columns);
        var types = Feature(file, "/matrix/features/feature_type", counts.Columns);
        var genes = new GeneAnnotations(ids, names);
        genes.Columns.SetText(TenXReader.FeatureTypeColumn, types);
        var matrix = new CellMatrix(counts, new CellAnnotations(barcodes), genes);
        if (!geneExpressionOnly || Array.TrueForAll(types, t => t == GeneExpression))
        {
            return matrix;
        }

        var keep = new bool[types.Length];
        for (var g = 0; g < types.Length; g++)
        {
            keep[g] = types[g] == GeneExpression;
        }

        return matrix.SubsetGenes(keep);
    }

    private static CellMatrix ReadV2(Hdf5File file, string? genome)
    {
        string group;
        if (genome is not null)
        {
            group = "/" + genome;
            if (!file.IsGroup(group))
            {
                throw file.Fail(group, $"is missing; the file's genome groups are {string.Join(", ", GenomeGroups(file))}.");
            }
        }
        else
        {
            var groups = GenomeGroups(file);
            group = groups.Length switch
            {
                1 => "/" + groups[0],
                0 => throw file.Fail("/", "holds neither /matrix (Cell Ranger v3) nor a genome group (v2); expected a 10x HDF5 feature-barcode matrix."),
                _ => throw file.Fail("/", $"holds {groups.Length} genome groups ({string.Join(", ", groups)}); name one (genome)."),
            };
        }

        var (counts, barcodes) = ReadCounts(file, group);
        var ids = Feature(file, group + "/genes", counts.Columns);
        var names = Feature(file, group + "/gene_names", counts.Columns);
        return new CellMatrix(counts, new CellAnnotations(barcodes), new GeneAnnotations(ids, names));
    }

    private static string[] GenomeGroups(Hdf5File file) =>
        Array.FindAll(file.Children("/"), name => file.IsGroup("/" + name) && file.Exists($"/{name}/indptr"));

    private static (SparseMatrix Counts, string[] Barcodes) ReadCounts(Hdf5File file, string group)
    {
        var (genes, cells) = CompressedArrays.Shape(file, group + "/shape", file.Exists(group + "/shape") ? file.ReadInt64(group + "/shape") : null);
        var counts = CompressedArrays.Read(file, group, cells, genes, group + "/shape");
        var barcodes = file.ReadStrings(group + "/barcodes");
        if (barcodes.Length != cells)
        {
            throw file.Fail(group + "/barcodes", $"has {barcodes.Length} barcodes but {group}/shape gives {cells} cells; expected one barcode per cell.");
        }

        return (counts, barcodes);
    }

    private static string[] Feature(Hdf5File file, string path, int genes)
    {
        var values = file.ReadStrings(path);
        return values.Length == genes
            ? values
            : throw file.Fail(path, $"has {values.Length} entries but the shape gives {genes} features; expected one per feature.");
    }
}
