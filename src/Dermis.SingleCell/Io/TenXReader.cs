using System.Text;

namespace Dermis.SingleCell.Io;

/// <summary>
/// Reads Cell Ranger's filtered feature-barcode matrices in MEX form into a <see cref="CellMatrix"/>
/// (cells × genes), as Seurat's <c>Read10X</c> and Scanpy's <c>read_10x_mtx</c> do.
/// </summary>
/// <remarks>
/// Layouts (10x Genomics, "Feature-Barcode Matrices", Cell Ranger documentation): v2 (Cell Ranger 1–2)
/// <c>genes.tsv</c> (id, symbol), <c>barcodes.tsv</c>, <c>matrix.mtx</c>; v3 (Cell Ranger ≥ 3)
/// <c>features.tsv.gz</c> (id, symbol, feature type), <c>barcodes.tsv.gz</c>, <c>matrix.mtx.gz</c>. Each file
/// may be plain or gzip-compressed in either layout (PBMC3k ships <c>matrix.mtx.gz</c> next to a plain
/// <c>genes.tsv</c>). The matrix is genes × cells in the file and is returned transposed. Gene names are the
/// symbols made unique as R's <c>make.unique</c> does ("X", "X.1"); v3 feature types go to the gene text
/// column <see cref="FeatureTypeColumn"/>. All features are kept (Seurat keeps them; Scanpy's default
/// <c>gex_only=True</c> would drop non-"Gene Expression" rows).
/// </remarks>
public static class TenXReader
{
    /// <summary>Gene text column holding the v3 feature type ("Gene Expression", "Antibody Capture", …).</summary>
    public const string FeatureTypeColumn = "feature_types";

    /// <summary>Reads the MEX triplet in <paramref name="directory"/> (v2 or v3 layout, each file plain or gzip).</summary>
    /// <param name="directory">A folder such as <c>filtered_gene_bc_matrices/hg19/</c> or <c>filtered_feature_bc_matrix/</c>.</param>
    /// <returns>A cells × genes matrix of UMI counts with barcodes and gene ids/symbols/names.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file of the triplet is missing; the message lists the names looked for.</exception>
    /// <exception cref="FormatException">A file is malformed or the three files disagree on the sizes; the message names file and line.</exception>
    public static CellMatrix ReadMex(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"10x folder '{directory}' does not exist.");
        }

        var matrixPath = Find(directory, "matrix.mtx.gz", "matrix.mtx");
        var featuresPath = Find(directory, "features.tsv.gz", "features.tsv", "genes.tsv.gz", "genes.tsv");
        var barcodesPath = Find(directory, "barcodes.tsv.gz", "barcodes.tsv");

        var counts = MatrixMarketReader.Read(matrixPath, transpose: true);
        var featureLines = ReadLines(featuresPath);
        var barcodes = ReadLines(barcodesPath);

        if (barcodes.Count != counts.Rows)
        {
            throw new FormatException(barcodes.Count < counts.Rows
                ? $"{Path.GetFileName(barcodesPath)}: line {barcodes.Count + 1}: the file ends after {barcodes.Count} barcodes but {Path.GetFileName(matrixPath)} has {counts.Rows} columns (cells); expected one barcode per cell."
                : $"{Path.GetFileName(barcodesPath)}: line {counts.Rows + 1}: barcode beyond the {counts.Rows} columns (cells) of {Path.GetFileName(matrixPath)}; the file has {barcodes.Count} lines, expected one barcode per cell.");
        }

        if (featureLines.Count != counts.Columns)
        {
            throw new FormatException(featureLines.Count < counts.Columns
                ? $"{Path.GetFileName(featuresPath)}: line {featureLines.Count + 1}: the file ends after {featureLines.Count} features but {Path.GetFileName(matrixPath)} has {counts.Columns} rows (features); expected one feature per row."
                : $"{Path.GetFileName(featuresPath)}: line {counts.Columns + 1}: feature beyond the {counts.Columns} rows (features) of {Path.GetFileName(matrixPath)}; the file has {featureLines.Count} lines, expected one feature per row.");
        }

        var ids = new string[featureLines.Count];
        var symbols = new string[featureLines.Count];
        string[]? types = null;
        for (var i = 0; i < featureLines.Count; i++)
        {
            var fields = featureLines[i].Split('\t');
            if (fields.Length < 2)
            {
                throw new FormatException($"{Path.GetFileName(featuresPath)}: line {i + 1}: expected 'id<TAB>symbol[<TAB>type]', found '{featureLines[i]}'.");
            }

            ids[i] = fields[0];
            symbols[i] = fields[1];
            if (fields.Length >= 3)
            {
                types ??= new string[featureLines.Count];
                types[i] = fields[2];
            }
            else if (types is not null)
            {
                throw new FormatException($"{Path.GetFileName(featuresPath)}: line {i + 1}: expected 3 columns like the lines before it, found 2.");
            }
        }

        var genes = new GeneAnnotations(ids, symbols);
        if (types is not null)
        {
            genes.Columns.SetText(FeatureTypeColumn, types);
        }

        return new CellMatrix(counts, new CellAnnotations([.. barcodes]), genes);
    }

    private static string Find(string directory, params string[] names)
    {
        foreach (var name in names)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"10x folder '{directory}' has none of {string.Join(", ", names)}.");
    }

    private static List<string> ReadLines(string path)
    {
        var bytes = MatrixMarketReader.ReadAllBytesMaybeGzip(path);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        // A trailing empty line (file ending in "\n\n") is not a record.
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
