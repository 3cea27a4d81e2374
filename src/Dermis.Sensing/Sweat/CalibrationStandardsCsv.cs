using System.Globalization;
using System.Text;

namespace Dermis.Sensing.Sweat;

/// <summary>The standards of one (lot, cytokine) calibration run.</summary>
/// <param name="Lot">The sensor or kit lot.</param>
/// <param name="Cytokine">The analyte, canonical name (<see cref="Cytokines.Normalise"/>).</param>
/// <param name="Unit">UCUM unit of the concentrations, e.g. "pg/mL".</param>
/// <param name="Standards">The standards in file order, blanks at concentration 0.</param>
public sealed record CalibrationStandardSet(string Lot, string Cytokine, string Unit, IReadOnlyList<CalibrationStandard> Standards);

/// <summary>
/// Reads calibration standards from CSV (docs/sweat.md §Files): a header with the columns <c>lot,cytokine,concentration,response</c>
/// in any order and an optional <c>unit</c> (UCUM, default pg/mL); one row per well or strip, replicates as separate rows,
/// concentration 0 for blanks; comma-separated, fields may be double-quoted, numbers in invariant culture ("0.5"), blank
/// lines skipped. Rows are grouped into one set per (lot, cytokine), in order of first appearance.
/// </summary>
public static class CalibrationStandardsCsv
{
    /// <summary>The UCUM units accepted in the <c>unit</c> column.</summary>
    public static IReadOnlyList<string> AllowedUnits { get; } = ["fg/mL", "pg/mL", "ng/mL", "ug/mL", "amol/L", "fmol/L", "pmol/L", "nmol/L"];

    private static readonly string[] RequiredColumns = ["lot", "cytokine", "concentration", "response"];

    /// <summary>Reads every standards set of a file.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <exception cref="FormatException">The header lacks a column or has an unknown or repeated one, or a row is malformed; the message names the line, the column and the allowed values.</exception>
    public static IReadOnlyList<CalibrationStandardSet> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new FormatException("The standards file is empty; line 1 must be the header lot,cytokine,concentration,response[,unit].");
        var columns = Split(header, 1);
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < columns.Count; c++)
        {
            var name = columns[c].Trim();
            if (Array.IndexOf(RequiredColumns, name.ToLowerInvariant()) < 0 && !name.Equals("unit", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"Line 1, column {c + 1}: unknown column '{name}'; allowed: lot, cytokine, concentration, response, unit (optional).");
            }

            if (!index.TryAdd(name, c))
            {
                throw new FormatException($"Line 1, column {c + 1}: column '{name}' appears twice.");
            }
        }

        foreach (var required in RequiredColumns)
        {
            if (!index.ContainsKey(required))
            {
                throw new FormatException($"Line 1: the header lacks column '{required}'; required: lot, cytokine, concentration, response (unit optional).");
            }
        }

        var unitColumn = index.TryGetValue("unit", out var u) ? u : -1;
        var sets = new List<(string Lot, string Cytokine, string Unit, List<CalibrationStandard> Standards)>();
        var lookup = new Dictionary<(string, string), int>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = Split(line, lineNumber);
            if (fields.Count != columns.Count)
            {
                throw new FormatException($"Line {lineNumber}: {fields.Count} fields, but the header has {columns.Count}.");
            }

            var lot = Text(fields, index["lot"], "lot", lineNumber);
            var cytokine = Cytokines.Normalise(Text(fields, index["cytokine"], "cytokine", lineNumber));
            var concentration = Number(fields[index["concentration"]], "concentration", lineNumber, "a finite number ≥ 0 (0 for a blank)");
            if (concentration < 0)
            {
                throw new FormatException($"Line {lineNumber}, column 'concentration': '{fields[index["concentration"]].Trim()}' is negative; allowed: a finite number ≥ 0 (0 for a blank).");
            }

            var response = Number(fields[index["response"]], "response", lineNumber, "a finite number");
            var unit = unitColumn < 0 || string.IsNullOrWhiteSpace(fields[unitColumn]) ? Cytokines.PicogramsPerMillilitre : Unit(fields[unitColumn].Trim(), lineNumber);
            if (!lookup.TryGetValue((lot, cytokine), out var s))
            {
                lookup[(lot, cytokine)] = s = sets.Count;
                sets.Add((lot, cytokine, unit, []));
            }

            if (!string.Equals(sets[s].Unit, unit, StringComparison.Ordinal))
            {
                throw new FormatException($"Line {lineNumber}, column 'unit': '{unit}' differs from '{sets[s].Unit}' used earlier for lot '{lot}', {cytokine}; one set has one unit.");
            }

            sets[s].Standards.Add(new CalibrationStandard(concentration, response));
        }

        var result = new List<CalibrationStandardSet>(sets.Count);
        foreach (var (lot, cytokine, unit, standards) in sets)
        {
            result.Add(new CalibrationStandardSet(lot, cytokine, unit, standards));
        }

        return result;
    }

    private static string Text(List<string> fields, int column, string name, int line)
    {
        var value = fields[column].Trim();
        return value.Length > 0 ? value : throw new FormatException($"Line {line}, column '{name}': empty; allowed: a non-empty {name} name.");
    }

    private static double Number(string field, string name, int line, string allowed)
    {
        var text = field.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new FormatException($"Line {line}, column '{name}': '{text}' is not a number; allowed: {allowed}, written with a dot (0.5).");
        }

        return value;
    }

    private static string Unit(string unit, int line)
    {
        foreach (var allowed in AllowedUnits)
        {
            if (string.Equals(allowed, unit, StringComparison.Ordinal))
            {
                return allowed;
            }
        }

        throw new FormatException($"Line {line}, column 'unit': '{unit}' is not an allowed unit; allowed (UCUM): {string.Join(", ", AllowedUnits)}.");
    }

    /// <summary>Splits one CSV line on commas; a field in double quotes may hold commas and "" for a quote.</summary>
    private static List<string> Split(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"Line {lineNumber}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return fields;
    }
}
