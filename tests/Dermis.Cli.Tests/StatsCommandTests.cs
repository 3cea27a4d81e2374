using System.Globalization;
using System.Net;
using Dermis.Testing;

namespace Dermis.Cli.Tests;

/// <summary><c>dermis stats endpoints</c> on a study entered over HTTP, and <c>dermis stats power</c> against R's power functions.</summary>
public sealed class StatsCommandTests
{
    [Fact]
    public async Task Stats_power_responder_matches_R_power_prop_test()
    {
        // R: power.prop.test(p1 = 0.15, p2 = 0.45, power = 0.9)$n = 46.92 → 47 per arm; power.prop.test(n = 47, p1 = 0.15, p2 = 0.45)$power = 0.900488…
        var run = await CliRun.RunAsync("stats", "power", "responder", "--control-rate", "0.15", "--treated-rate", "0.45");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "Two proportions 0.15 vs 0.45, two-sided alpha 0.05, power 0.9: control 47, treated 47, total 94\nPower at that size: 0.9005\n",
            run.Output);
    }

    [Fact]
    public async Task Stats_power_continuous_shrinks_the_t_test_size_by_one_minus_rho_squared()
    {
        // R: power.t.test(delta = 25, sd = 40, power = 0.9)$n = 54.78; × (1 − 0.5²) = 41.08 → 42, + 1 for the baseline covariate = 43 per arm.
        var run = await CliRun.RunAsync("stats", "power", "continuous", "--difference", "25", "--sd", "40", "--baseline-correlation", "0.5");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("ANCOVA, difference 25 with SD 40 and baseline correlation 0.5, two-sided alpha 0.05, power 0.9: 43 per arm, 86 in total\n", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--control-rate", "1.5", "dermis: --control-rate: 1.5 is outside (0, 1)")]
    [InlineData("--alpha", "0.7", "dermis: --alpha: 0.7 is outside (0, 0.5]")]
    [InlineData("--strata", "0.5:0.1", "dermis: --strata: '0.5:0.1' is not fraction:controlRate:treatedRate (e.g. 0.6:0.1:0.4)")]
    public async Task Stats_power_bad_option_is_exit_code_2_naming_the_option(string option, string value, string message)
    {
        var args = new List<string> { "stats", "power", "responder", "--control-rate", "0.15", "--treated-rate", "0.45" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var run = await CliRun.RunAsync([.. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message, run.Error.TrimEnd());
    }

    [Fact]
    public async Task Stats_endpoints_writes_the_tables_and_report_and_refuses_an_unknown_visit()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2027-01-10T09:00:00Z", CultureInfo.InvariantCulture));
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite, clock);
        var s = $"/api/studies/{trial.Study}";
        for (var i = 0; i < 4; i++)
        {
            var p = await trial.EnrolAsync();
            await trial.PostAsync("coord.de", $"{s}/participants/{p}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "EU" } });
            foreach (var (visit, date, sign) in new[] { ("baseline", "2026-09-01", 2), ("week16", "2026-12-22", i % 2) })
            {
                var (status, row) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit, date });
                Assert.Equal(HttpStatusCode.Created, status);
                object Region() => new { erythema = sign, induration = sign, excoriation = sign, lichenification = sign, area = 4 };
                await trial.PutAsync("coord.de", $"{s}/participants/{p}/visits/{row.GetProperty("id").GetInt64()}/forms/easi",
                    new { data = new { ageYears = 40, regions = new { head = Region(), upperLimbs = Region(), trunk = Region(), lowerLimbs = Region() } } });
            }
        }

        var db = trial.Host.Test.Target.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("dermis-stats-").FullName;
        try
        {
            var run = await CliRun.RunAsync("stats", "endpoints", "--db", db, "--study", trial.Study, "--out", folder);
            var badVisit = await CliRun.RunAsync("stats", "endpoints", "--db", db, "--study", trial.Study, "--out", folder, "--primary-visit", "week99");
            var badArm = await CliRun.RunAsync("stats", "endpoints", "--db", db, "--study", trial.Study, "--out", folder, "--treated", "nosuch");

            Assert.True(run.ExitCode == 0, run.Error);
            var lines = run.Output.Split('\n');
            // The four participants split between the arms by the permuted blocks; the header counts them.
            Assert.Matches(@"^DERM-T-201: active \(n = \d\) vs placebo \(n = \d\), primary visit week16$", lines[0]);
            Assert.Equal(["contrasts.csv", "fixed_effects.csv", "lsmeans.csv", "report.html", "responders.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            // Participants 0 and 2 reach EASI 0 (every sign 0): responders; 1 and 3 reach EASI 16 (50 %): not EASI-75. Two responders in all.
            var easi75 = File.ReadAllLines(Path.Combine(folder, "responders.csv")).Where(l => l.StartsWith("EASI-75,week16,NRI,", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, easi75.Count);
            Assert.Equal(2, easi75.Sum(l => int.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)));
            Assert.Equal(4, easi75.Sum(l => int.Parse(l.Split(',')[5], CultureInfo.InvariantCulture)));
            // Four participants are too few for the early-response model (and no sensor or cell data): said, not guessed.
            Assert.Contains(lines, l => l.StartsWith("  early response: not estimable (The early-response model cannot be fitted on ", StringComparison.Ordinal));
            Assert.Contains("  biomarkers: 0 associations, 0 pairs with too little data", lines);
            Assert.Contains("forest plot", File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);
            Assert.Equal((2, "dermis: --primary-visit: 'week99' is not an analysis visit; allowed: week4, week16."), (badVisit.ExitCode, badVisit.Error.TrimEnd()));
            Assert.Equal((2, "dermis: --treated: 'nosuch' is not an arm of DERM-T-201; allowed: active, placebo."), (badArm.ExitCode, badArm.Error.TrimEnd()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
