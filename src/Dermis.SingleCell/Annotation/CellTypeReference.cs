using System.Text;
using Dermis.SingleCell.Io;

namespace Dermis.SingleCell.Annotation;

/// <summary>
/// An annotated reference: raw counts and a cell type per cell. The pipeline trains a <see cref="CellTypeClassifier"/>
/// on it against the query's genes during its annotation step.
/// </summary>
/// <param name="Counts">Raw counts of the labelled cells.</param>
/// <param name="Labels">Cell type of each cell of <paramref name="Counts"/>.</param>
/// <param name="Options">Classifier settings.</param>
public sealed record CellTypeReference(CellMatrix Counts, IReadOnlyList<string> Labels, ClassifierOptions Options)
{
    /// <summary>Name of the labels file in a reference folder.</summary>
    public const string LabelsFile = "labels.csv";

    /// <summary>
    /// Loads a reference folder: a 10x MEX triplet (as <see cref="TenXReader.ReadMex"/>) and <c>labels.csv</c> with
    /// the header <c>barcode,cell_type</c>. Cells without a label are left out; labels of barcodes not in the matrix
    /// are an error.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="options">Classifier settings; null for the defaults.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="FormatException">A file is malformed; the message names file and line.</exception>
    public static CellTypeReference Load(string directory, ClassifierOptions? options = null)
    {
        var counts = TenXReader.ReadMex(directory);
        var path = Path.Combine(directory, LabelsFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"reference folder '{directory}' has no {LabelsFile} (header 'barcode,cell_type').", path);
        }

        var row = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < counts.CellCount; i++)
        {
            row.TryAdd(counts.Cells.Barcodes[i], i);
        }

        var cells = new List<int>();
        var labels = new List<string>();
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Replace("\"", "", StringComparison.Ordinal);
        if (header is null || !header.StartsWith("barcode,cell_type", StringComparison.Ordinal))
        {
            throw new FormatException($"{LabelsFile}: line 1: expected the header 'barcode,cell_type', found '{header}'.");
        }

        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            var fields = text.Split(',');
            if (fields.Length < 2 || fields[0].Trim('"').Length == 0 || fields[1].Trim('"').Length == 0)
            {
                throw new FormatException($"{LabelsFile}: line {line}: expected 'barcode,cell_type' with both fields filled, found '{text}'.");
            }

            var barcode = fields[0].Trim('"');
            if (!row.TryGetValue(barcode, out var cell))
            {
                throw new FormatException($"{LabelsFile}: line {line}: barcode '{barcode}' is not in the reference's barcodes.");
            }

            cells.Add(cell);
            labels.Add(fields[1].Trim('"'));
        }

        if (cells.Count == 0)
        {
            throw new FormatException($"{LabelsFile}: line 2: no labelled cells.");
        }

        return new CellTypeReference(counts.SubsetCells(cells.ToArray()), labels, options ?? new ClassifierOptions());
    }
}
