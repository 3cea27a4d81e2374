using System.Globalization;

namespace Dermis.Precision.Tests.Prediction;

/// <summary>Locates and reads the R-generated CSV fixtures stored next to the tests.</summary>
internal static class FixtureFiles
{
    /// <summary>Rows of a CSV (header skipped), fields unquoted; empty fields stay empty strings.</summary>
    public static List<string[]> Read(string feature, string file)
    {
        var path = Path.Combine(ProjectDirectory(), feature, "Fixtures", file);
        var lines = File.ReadAllLines(path);
        var rows = new List<string[]>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                rows.Add(Array.ConvertAll(lines[i].Split(','), f => f.Trim('"')));
            }
        }

        return rows;
    }

    /// <summary>A "case,term,value" or "term,value" reference file as a dictionary keyed "case/term" or "term".</summary>
    public static Dictionary<string, double> Reference(string feature, string file)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in Read(feature, file))
        {
            var key = row.Length == 3 ? $"{row[0]}/{row[1]}" : row[0];
            values[key] = Parse(row[^1]);
        }

        return values;
    }

    public static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Dermis.Precision.Tests");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/Dermis.Precision.Tests not found above {AppContext.BaseDirectory}.");
    }
}
