using System.Globalization;
using System.Text.RegularExpressions;

namespace Dermis.Cli.Tests;

public sealed class RandomisationCommandTests : IDisposable
{
    private const string Protocol = """
        study: { id: SIM-1, name: Simulation study, version: "1.0", sponsor: Dermis }
        arms: [ { id: active, name: Active, ratio: 1 }, { id: placebo, name: Placebo, ratio: 1 } ]
        stratification:
          - { id: region, levels: [EU, NA] }
          - { id: iga, levels: ["3", "4"] }
        consent: { documentVersion: "1.0" }
        eligibility: []
        visits:
          - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [easi] }
        forms: [ { id: easi, name: EASI, instrument: easi } ]
        """;

    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("dermis-sim-").FullName, "sim.yaml");

    public RandomisationCommandTests() => File.WriteAllText(_file, Protocol);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);

    [Fact]
    public async Task Simulate_four_strata_shows_blocks_bounded_within_strata_and_minimisation_tighter_overall()
    {
        var run = await CliRun.RunAsync("randomisation", "simulate", "--protocol", _file, "--participants", "600", "--runs", "300", "--seed", "11");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("600 participants × 300 runs; arms active:placebo = 1:1; factors region (EU/NA), iga (3/4): 4 strata", run.Output, StringComparison.Ordinal);
        var blocks = run.Output[run.Output.IndexOf("permuted blocks 4/6", StringComparison.Ordinal)..run.Output.IndexOf("minimisation (range, p = 0.8)", StringComparison.Ordinal)];
        var minimisation = run.Output[run.Output.IndexOf("minimisation (range, p = 0.8)", StringComparison.Ordinal)..];
        // Within a stratum, permuted blocks of at most 6 never let 1:1 arms differ by more than 6/2 = 3.
        Assert.Equal(3.0, Value(blocks, "worst stratum", "max"));
        // Minimisation balances the whole trial and each factor better on average; it does not balance strata.
        Assert.True(Value(minimisation, "overall", "mean") < Value(blocks, "overall", "mean"), run.Output);
        Assert.True(Value(minimisation, "worst stratum", "mean") > Value(blocks, "worst stratum", "mean"), run.Output);
    }

    [Theory]
    [InlineData("--block-sizes", "5", "--block-sizes '5' is not allowed; block sizes are multiples of the ratio sum 2 (e.g. 4,6).")]
    [InlineData("--p", "1.5", "--p 1.5 is out of range; allowed: above 0 up to 1.")]
    [InlineData("--participants", "0", "--participants 0 is out of range; allowed: 1–100000.")]
    public async Task Simulate_with_bad_settings_exits_2_naming_the_option(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("randomisation", "simulate", "--protocol", _file, "--runs", "1", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"dermis: {message}\n", run.Error);
    }

    private static double Value(string section, string row, string statistic)
    {
        var line = section.Split('\n').First(l => l.TrimStart().StartsWith(row, StringComparison.Ordinal));
        return double.Parse(Regex.Match(line, statistic + @" (?<v>[0-9.]+)").Groups["v"].Value, CultureInfo.InvariantCulture);
    }
}
