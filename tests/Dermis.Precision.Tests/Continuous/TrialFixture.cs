using System.Globalization;
using Dermis.Precision.Continuous;

namespace Dermis.Precision.Tests.Continuous;

/// <summary>
/// The simulated three-arm trial (Fixtures/trial.csv, from Fixtures/simulate_trial.R) and the R reference values
/// (Fixtures/reference.csv, from Fixtures/fit_reference.R); see Fixtures/README.md.
/// </summary>
internal static class TrialFixture
{
    public static readonly string[] Visits = ["W02", "W04", "W08", "W16"];

    private static readonly string Folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../tests/Dermis.Precision.Tests/Continuous/Fixtures"));

    public static string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>All 600 scheduled subject-visits (78 missing responses).</summary>
    public static List<ContinuousObservation> Trial() => ReadTrial(PathOf("trial.csv"));

    public static List<ContinuousObservation> ReadTrial(string path)
    {
        var rows = new List<ContinuousObservation>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            double? response = f[4] == "NA" ? null : double.Parse(f[4], CultureInfo.InvariantCulture);
            rows.Add(new ContinuousObservation(f[0], f[1], f[2], double.Parse(f[3], CultureInfo.InvariantCulture), response, [.. f[5..]]));
        }

        return rows;
    }

    /// <summary>Rows of reference.csv.</summary>
    public static List<ReferenceRow> Reference()
    {
        var rows = new List<ReferenceRow>();
        foreach (var line in File.ReadLines(PathOf("reference.csv")).Skip(1))
        {
            var f = line.Split(',').Select(s => s.Trim('"')).ToArray();
            static double Number(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
            rows.Add(new ReferenceRow(f[0], f[1], f[2], f[3], f[4], Number(f[5]), Number(f[6]), Number(f[7]), Number(f[8]), Number(f[9]), Number(f[10]), Number(f[11])));
        }

        return rows;
    }

    /// <summary>R coefficient name → Dermis term name (armHigh:visitW04 → Arm[High]:Visit[W04], regionUS → Stratum1[US]).</summary>
    public static string TermOf(string r) => string.Join(':', r.Split(':').Select(part => part switch
    {
        "(Intercept)" => part,
        "baseline" => "Baseline",
        _ when part.StartsWith("arm", StringComparison.Ordinal) => $"Arm[{part[3..]}]",
        _ when part.StartsWith("visit", StringComparison.Ordinal) => $"Visit[{part[5..]}]",
        _ when part.StartsWith("region", StringComparison.Ordinal) => $"Stratum1[{part[6..]}]",
        _ when part.StartsWith("severity", StringComparison.Ordinal) => $"Stratum2[{part[8..]}]",
        _ => throw new ArgumentException($"unknown R term part '{part}'"),
    }));

    internal sealed record ReferenceRow(string Model, string Kind, string Term, string Arm, string Visit, double Estimate, double Se, double Df, double T, double P, double Lower, double Upper);
}
