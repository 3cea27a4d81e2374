using System.Globalization;
using Dermis.Precision.Responders;

namespace Dermis.Precision.Tests.Responders;

/// <summary>Reads the R-generated CSV fixtures next to the tests (see Responders/README.md and Design/README.md).</summary>
internal static class Fixture
{
    /// <summary>Rows of tests/Dermis.Precision.Tests/{folder}/Fixtures/{file} as header → value dictionaries.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string folder, string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Root(), folder, "Fixtures", file));
        var header = Split(lines[0]);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = Split(line);
            rows.Add(header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return rows;
    }

    public static double Number(this IReadOnlyDictionary<string, string> row, string key) => row[key] switch
    {
        "NA" or "NaN" => double.NaN,
        "Inf" => double.PositiveInfinity,
        var v => double.Parse(v, CultureInfo.InvariantCulture),
    };

    /// <summary>"rt tt rc tc|rt tt rc tc|…" as written by make_fixtures.R.</summary>
    public static IReadOnlyList<StratumCounts> Strata(string encoded) =>
        encoded.Split('|').Select((s, i) =>
        {
            var n = s.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return new StratumCounts($"s{i + 1}", n[0], n[1], n[2], n[3]);
        }).ToList();

    /// <summary>Asserts |actual − expected| ≤ absolute + relative·|expected|.</summary>
    public static void Near(double expected, double actual, double relative, double absolute, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}");
            return;
        }

        var tolerance = absolute + (relative * Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3})");
    }

    private static string[] Split(string line) => line.Split(',').Select(c => c.Trim('"')).ToArray();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Dermis.Precision.Tests");
            if (Directory.Exists(Path.Combine(candidate, "Responders", "Fixtures")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/Dermis.Precision.Tests/Responders/Fixtures not found above {AppContext.BaseDirectory}.");
    }
}
