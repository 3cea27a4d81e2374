namespace Dermis.Cli.Tests;

public sealed class ScoreCommandTests : IDisposable
{
    // The adult worked example of the instruments reference (§4.1): EASI 20.10, moderate.
    private const string EasiExample = """
        { "ageYears": 35,
          "regions": {
            "head":       { "erythema": 2, "induration": 1, "excoriation": 1, "lichenification": 0, "area": 2 },
            "upperLimbs": { "erythema": 2, "induration": 2, "excoriation": 1.5, "lichenification": 1, "area": 3 },
            "trunk":      { "erythema": 1, "induration": 1, "excoriation": 1, "lichenification": 0, "area": 2 },
            "lowerLimbs": { "erythema": 2.5, "induration": 2, "excoriation": 2, "lichenification": 2, "area": 4 } } }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("dermis-score-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Score_easi_file_prints_the_exact_total_band_and_regions()
    {
        var run = await CliRun.RunAsync("score", "easi", "--input", Write("easi.json", EasiExample));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"total\": 20.1,", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"band\": \"moderate\",", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"head\": 0.8,", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"lowerLimbs\": 13.6", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"version\": \"EASI (Hanifin 2001;", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_change_prints_minus_75_percent_and_easi75_for_the_floating_point_trap_pair()
    {
        var run = await CliRun.RunAsync("score", "change", "--input", Write("change.json", """{ "instrument": "easi", "baseline": 24.4, "current": 6.1 }"""));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"percentChange\": -75,", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"easi75\": true,", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"easi90\": false,", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_invalid_values_exits_2_naming_every_field_and_the_allowed_values()
    {
        var input = EasiExample.Replace("\"erythema\": 2, \"induration\": 1", "\"erythema\": 0.5, \"induration\": 1", StringComparison.Ordinal)
                               .Replace("\"area\": 4", "\"area\": 7", StringComparison.Ordinal);

        var run = await CliRun.RunAsync("score", "easi", "--input", Write("bad.json", input));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(
            "dermis: invalid easi input:\n" +
            "  regions.head.erythema: 0.5 is not allowed; allowed: 0, 1, 1.5, 2, 2.5, 3 (no 0.5: a sign present is at least mild)\n" +
            "  regions.lowerLimbs.area: 7 is out of range; allowed: integers 0–6 (0 = none, 1 = <10 %, 2 = 10–<30 %, 3 = 30–<50 %, 4 = 50–<70 %, 5 = 70–<90 %, 6 = 90–100 %)\n",
            run.Error);
    }

    [Theory]
    [InlineData("frobnicate", "{}", "dermis: 'frobnicate' is not an instrument Dermis scores; allowed: easi, pasi, scorad, oscorad, viga, hecsi, dlqi, poem, ppnrs, gppga, change\n")]
    [InlineData("poem", "{ \"answers\": [1, 2", "dermis: --input '{file}' is not valid JSON: ")]
    public async Task Score_unknown_instrument_or_malformed_json_exits_2_without_a_stack_trace(string instrument, string content, string expectedStart)
    {
        var file = Write("input.json", content);

        var run = await CliRun.RunAsync("score", instrument, "--input", file);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expectedStart.Replace("{file}", file, StringComparison.Ordinal), run.Error, StringComparison.Ordinal);
        Assert.False(run.ShowsStackTrace);
    }

    [Fact]
    public async Task Score_missing_input_file_exits_2_naming_it()
    {
        var missing = Path.Combine(_folder, "nope.json");

        var run = await CliRun.RunAsync("score", "easi", "--input", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"dermis: --input '{missing}': no such file.\n", run.Error);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
