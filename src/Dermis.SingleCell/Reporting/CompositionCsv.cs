using System.Globalization;
using Dermis.SingleCell.Io;

namespace Dermis.SingleCell.Reporting;

/// <summary>One row of a composition file.</summary>
/// <param name="Line">Line number in the file (the header is line 1).</param>
/// <param name="Sample">Sample id.</param>
/// <param name="Participant">Participant the sample sheet mapped the sample to ("" when none).</param>
/// <param name="CellType">Cell type.</param>
/// <param name="Cells">Cells of the type in the sample after QC.</param>
/// <param name="Fraction">Share of the sample's cells, 0–1.</param>
/// <param name="CollectedOn">When the sample was taken, if the file says.</param>
/// <param name="Tissue">Tissue, if the file says.</param>
/// <param name="PipelineVersion">Pipeline version, if the file says.</param>
public sealed record CompositionRecord(int Line, string Sample, string Participant, string CellType, long Cells, double Fraction, DateOnly? CollectedOn, string? Tissue,
    string? PipelineVersion);

/// <summary>
/// Reads the <c>composition.csv</c> that <see cref="ResultTables.WriteComposition"/> writes (<see cref="ResultTables.CompositionHeader"/>),
/// optionally with <c>collected_on</c> (yyyy-MM-dd), <c>tissue</c> and <c>pipeline_version</c> columns added, so a run's
/// composition can be put onto trial participants.
/// </summary>
public static class CompositionCsv
{
    private static readonly string[] Required = ["sample", "participant", "cell_type", "cells", "fraction"];
    private static readonly string[] Optional = ["collected_on", "tissue", "pipeline_version"];

    /// <summary>Every row, in file order.</summary>
    /// <exception cref="FormatException">A column is unknown or missing, or a row is malformed or repeats a sample's cell type; the message names the line.</exception>
    public static IReadOnlyList<CompositionRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = CsvFields.Split((reader.ReadLine() ?? "").TrimStart('\uFEFF'), "line 1");
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            if (!Required.Contains(header[c]) && !Optional.Contains(header[c]))
            {
                throw new FormatException($"line 1, column {c + 1}: unknown column '{header[c]}'; allowed: {string.Join(", ", Required.Concat(Optional))}");
            }

            column[header[c]] = c;
        }

        if (Array.Find(Required, r => !column.ContainsKey(r)) is { } lacking)
        {
            throw new FormatException($"line 1: the header lacks '{lacking}'; required: {string.Join(",", Required)}");
        }

        var rows = new List<CompositionRecord>();
        var seen = new HashSet<(string Participant, string Sample, string CellType)>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            var f = CsvFields.Split(text, $"line {line}");
            if (f.Length != header.Length)
            {
                throw new FormatException($"line {line}: {f.Length} fields, but the header has {header.Length}");
            }

            string? Optional(string name) => column.TryGetValue(name, out var c) && f[c].Length > 0 ? f[c] : null;
            var (sample, participant, cellType) = (f[column["sample"]], f[column["participant"]], f[column["cell_type"]]);
            if (sample.Length is 0 or > 64 || cellType.Length is 0 or > 64)
            {
                throw new FormatException($"line {line}: sample and cell_type must be 1–64 characters");
            }

            if (!long.TryParse(f[column["cells"]], NumberStyles.None, CultureInfo.InvariantCulture, out var cells)
                || !double.TryParse(f[column["fraction"]], NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) || !(fraction is >= 0 and <= 1))
            {
                throw new FormatException($"line {line}: cells must be a whole number ≥ 0 and fraction a number 0–1");
            }

            DateOnly? collected = null;
            if (Optional("collected_on") is { } date)
            {
                collected = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                    : throw new FormatException($"line {line}: collected_on must be yyyy-MM-dd; got '{date}'");
            }

            if (!seen.Add((participant, sample, cellType)))
            {
                throw new FormatException($"line {line}: sample '{sample}' already has a row for '{cellType}'");
            }

            rows.Add(new CompositionRecord(line, sample, participant, cellType, cells, fraction, collected, Optional("tissue"), Optional("pipeline_version")));
        }

        return rows;
    }
}
