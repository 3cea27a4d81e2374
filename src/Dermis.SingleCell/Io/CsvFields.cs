using System.Text;

namespace Dermis.SingleCell.Io;

/// <summary>Fields of one CSV line as RFC 4180 quotes them: a field in double quotes may hold commas, and "" is a quote.</summary>
internal static class CsvFields
{
    /// <summary>The line's fields, each trimmed.</summary>
    /// <exception cref="FormatException">A quoted field is not closed; the message names <paramref name="where"/>.</exception>
    public static string[] Split(string line, string where)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"{where}: a quoted field is not closed.");
        }

        fields.Add(field.ToString().Trim());
        return [.. fields];
    }
}
