using System.Globalization;

namespace Dermis.SingleCell.Composition;

/// <summary>One sample of a <see cref="SampleSheet"/>.</summary>
/// <param name="Sample">Sample name.</param>
/// <param name="Participant">Participant the sample came from; empty when the sheet has no participant column.</param>
/// <param name="Group">Comparison group (e.g. "responder"); empty when the sheet has no group column.</param>
public sealed record SampleInfo(string Sample, string Participant, string Group);

/// <summary>
/// Which sample each cell came from, read from a CSV sheet. Header <c>barcode_suffix,sample[,participant][,group]</c>
/// maps Cell Ranger <c>aggr</c> suffixes ("1" for barcodes ending "-1", "2" for "-2", …);
/// <c>barcode,sample[,participant][,group]</c> maps whole barcodes. Columns after the first are found by name.
/// </summary>
public sealed class SampleSheet
{
    private readonly Dictionary<string, SampleInfo> _byKey;

    private SampleSheet(bool bySuffix, Dictionary<string, SampleInfo> byKey, string fileName, bool hasParticipants, bool hasGroups)
    {
        BySuffix = bySuffix;
        _byKey = byKey;
        FileName = fileName;
        HasParticipants = hasParticipants;
        HasGroups = hasGroups;
    }

    /// <summary>True when the sheet maps barcode suffixes, false when it maps whole barcodes.</summary>
    public bool BySuffix { get; }

    /// <summary>The file name, used in messages.</summary>
    public string FileName { get; }

    /// <summary>True when the sheet has a participant column.</summary>
    public bool HasParticipants { get; }

    /// <summary>True when the sheet has a group column.</summary>
    public bool HasGroups { get; }

    /// <summary>The distinct samples, ordinal order.</summary>
    public IReadOnlyList<SampleInfo> Samples =>
        _byKey.Values.DistinctBy(s => s.Sample, StringComparer.Ordinal).OrderBy(s => s.Sample, StringComparer.Ordinal).ToArray();

    /// <summary>Reads a sheet.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="fileName">Name for messages ("samples.csv").</param>
    /// <returns>The sheet.</returns>
    /// <exception cref="FormatException">The header or a row is malformed, a key repeats, or a sample has two participants or groups; the message names file and line.</exception>
    public static SampleSheet Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        if (header is null)
        {
            throw new FormatException($"{fileName}: line 1: expected the header 'barcode_suffix,sample,participant' or 'barcode,sample,participant', found an empty file.");
        }

        var names = Io.CsvFields.Split(header.TrimStart('\uFEFF'), $"{fileName}: line 1");
        var bySuffix = names[0] == "barcode_suffix";
        if (!bySuffix && names[0] != "barcode")
        {
            throw new FormatException($"{fileName}: line 1: the first column must be 'barcode_suffix' or 'barcode'; found '{names[0]}'.");
        }

        var sampleColumn = Array.IndexOf(names, "sample");
        if (sampleColumn < 0)
        {
            throw new FormatException($"{fileName}: line 1: no 'sample' column; expected 'barcode_suffix,sample,participant' or 'barcode,sample,participant'.");
        }

        var participantColumn = Array.IndexOf(names, "participant");
        var groupColumn = Array.IndexOf(names, "group");
        var byKey = new Dictionary<string, SampleInfo>(StringComparer.Ordinal);
        var bySample = new Dictionary<string, SampleInfo>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = Io.CsvFields.Split(line, $"{fileName}: line {lineNumber}");
            if (fields.Length != names.Length)
            {
                throw new FormatException($"{fileName}: line {lineNumber}: expected {names.Length} fields like the header, found {fields.Length}.");
            }

            var key = fields[0];
            var sample = fields[sampleColumn];
            if (key.Length == 0 || sample.Length == 0)
            {
                throw new FormatException($"{fileName}: line {lineNumber}: '{names[0]}' and 'sample' must not be empty.");
            }

            if (bySuffix && !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new FormatException($"{fileName}: line {lineNumber}: barcode_suffix must be the number after the last '-' of the barcodes (1, 2, …); found '{key}'.");
            }

            var info = new SampleInfo(sample, participantColumn >= 0 ? fields[participantColumn] : "", groupColumn >= 0 ? fields[groupColumn] : "");
            if (bySample.TryGetValue(sample, out var known) && known != info)
            {
                throw new FormatException($"{fileName}: line {lineNumber}: sample '{sample}' was given participant '{known.Participant}' and group '{known.Group}' before; a sample has one participant and one group.");
            }

            bySample[sample] = info;
            if (!byKey.TryAdd(key, info))
            {
                throw new FormatException($"{fileName}: line {lineNumber}: '{key}' appears twice in column '{names[0]}'.");
            }
        }

        if (byKey.Count == 0)
        {
            throw new FormatException($"{fileName}: line 2: the sheet has a header but no samples.");
        }

        return new SampleSheet(bySuffix, byKey, fileName, participantColumn >= 0, groupColumn >= 0);
    }

    /// <summary>The sample of each barcode.</summary>
    /// <param name="barcodes">Cell barcodes, e.g. <c>AAACATACAACCAC-2</c>.</param>
    /// <returns>One <see cref="SampleInfo"/> per barcode.</returns>
    /// <exception cref="FormatException">A barcode (or its suffix) is not in the sheet; the message names it and the sheet.</exception>
    public SampleInfo[] Assign(IReadOnlyList<string> barcodes)
    {
        ArgumentNullException.ThrowIfNull(barcodes);
        var result = new SampleInfo[barcodes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var key = BySuffix ? SuffixOf(barcodes[i]) : barcodes[i];
            if (!_byKey.TryGetValue(key, out var info))
            {
                throw new FormatException(BySuffix
                    ? $"{FileName}: no row for barcode suffix '{key}' (barcode '{barcodes[i]}', cell {i + 1}); add a line '{key},<sample>,<participant>'."
                    : $"{FileName}: no row for barcode '{barcodes[i]}' (cell {i + 1}); every cell's barcode must be listed.");
            }

            result[i] = info;
        }

        return result;
    }

    /// <summary>The part of a barcode after its last '-' ("1" for <c>AAAC…-1</c>), or "" when there is none.</summary>
    /// <param name="barcode">A barcode.</param>
    public static string SuffixOf(string barcode)
    {
        ArgumentNullException.ThrowIfNull(barcode);
        var dash = barcode.LastIndexOf('-');
        return dash >= 0 ? barcode[(dash + 1)..] : "";
    }
}
