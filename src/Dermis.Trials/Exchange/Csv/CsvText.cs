using System.Text;

namespace Dermis.Trials.Exchange.Csv;

/// <summary>
/// Comma-separated values as RFC 4180 defines them (https://www.rfc-editor.org/rfc/rfc4180):
/// records end with CRLF; a field holding a comma, a double quote, CR or LF is enclosed in double
/// quotes and each double quote inside it is doubled. A null field is written empty.
/// </summary>
internal static class CsvText
{
    private const string RecordEnd = "\r\n";

    /// <summary>The field as RFC 4180 writes it: as is, or quoted with inner quotes doubled.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 8);
        quoted.Append('"');
        foreach (var c in value)
        {
            quoted.Append(c);
            if (c == '"')
            {
                quoted.Append('"');
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>One record: the fields joined by commas, ended with CRLF.</summary>
    public static string Record(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var line = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            line.Append(Field(field));
            first = false;
        }

        return line.Append(RecordEnd).ToString();
    }

    /// <summary>Writes one record (see <see cref="Record"/>).</summary>
    public static Task WriteRecordAsync(TextWriter writer, IEnumerable<string?> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.WriteAsync(Record(fields).AsMemory(), cancellationToken);
    }
}
