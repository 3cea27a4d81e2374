using System.Text.Json;

namespace Dermis.Cli.Tests;

public sealed class SweatCommandTests
{
    // Cardillo's ELISA standards (MATLAB File Exchange 38122, logistic4 example); reference 4PL: A = 0.000901, B = 1.5150, C = 108.02, D = 3.7845,
    // R² = 0.99981 (shared/reference/biomarkers.md §2.6a). Lot L2 adds two blanks, so it gets limits.
    private const string Standards = """
        lot,cytokine,concentration,response
        L1,IL6,0,0.0089
        L1,IL6,4.5,0.0419
        L1,IL6,10.6,0.0873
        L1,IL6,19.7,0.2599
        L1,IL6,40,0.7074
        L1,IL6,84,1.528
        L1,IL6,210,2.7739
        L2,IL-8,0,0.5
        L2,IL-8,0,0.5
        L2,IL-8,1,0.5
        L2,IL-8,10,0.5
        L2,IL-8,100,0.5
        """;

    [Fact]
    public async Task Sweat_calibrate_prints_the_reference_fit_writes_it_and_exits_2_for_a_set_that_cannot_be_fitted()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sweat-").FullName;
        try
        {
            var csv = Path.Combine(folder, "standards.csv");
            await File.WriteAllTextAsync(csv, Standards);

            var run = await CliRun.RunAsync("sense", "sweat", "calibrate", csv, "--out", Path.Combine(folder, "out"));

            // The flat IL-8 set is refused with its reason; the IL-6 fit is printed and written.
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("L2 IL-8: not fitted:", run.Error, StringComparison.Ordinal);
            Assert.Contains("L1 IL-6 (pg/mL): FourParameterLogistic, 7 standards, R² 0.99981", run.Output, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "out", "calibration-L1-IL-6.json")));
            var c = json.RootElement.GetProperty("curve").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "C").GetProperty("value").GetDouble();
            Assert.Equal(108.02, c, 108.02 * 1e-3);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Sweat_calibrate_names_the_line_of_a_malformed_row_and_an_unknown_model()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sweat-").FullName;
        try
        {
            var csv = Path.Combine(folder, "standards.csv");
            await File.WriteAllTextAsync(csv, "lot,cytokine,concentration,response\nL1,IL-6,abc,0.1\n");

            var malformed = await CliRun.RunAsync("sense", "sweat", "calibrate", csv);
            var model = await CliRun.RunAsync("sense", "sweat", "calibrate", csv, "--model", "6pl");

            Assert.Equal((2, 2), (malformed.ExitCode, model.ExitCode));
            Assert.Contains("standards.csv: Line 2", malformed.Error, StringComparison.Ordinal);
            Assert.Contains("--model: 4pl, 5pl or loglinear; got '6pl'", model.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
