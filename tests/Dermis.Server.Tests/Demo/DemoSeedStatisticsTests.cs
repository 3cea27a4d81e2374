using System.Net.Http.Json;
using System.Text.Json;
using Dermis.Server.Demo;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Tests.Demo;

/// <summary>
/// A small demo (10 screened) seeded through the real server, then read back: the unblinded endpoint statistics count
/// what the seeder entered, and the sensing phase's nights and sweat readings are there for the night worker.
/// </summary>
public sealed class DemoSeedStatisticsTests
{
    private const int Screened = 10;

    [Fact]
    public async Task Small_demo_endpoint_statistics_count_the_arms_and_EASI_75_responders_the_seeder_entered()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var database = DermisDatabase.Create(test.Target);
        await new Migrator(database).MigrateAsync();
        var clock = new DemoClock();
        // The seeder's timeline, fixed by the clock when it starts: yesterday back 430 days.
        var last = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await using var app = DermisServer.Create(database, new ServerOptions { Urls = "http://127.0.0.1:0", BackgroundJobs = false }, b => b.Services.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        var url = new Uri(app.Urls.Single());
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "samples", "ad-phase3-demo.yaml"));

        var seed = await DemoSeeder.SeedAsync(database, url, clock, yaml, null, Screened);

        using var sponsor = new HttpClient { BaseAddress = url };
        var token = await (await sponsor.PostAsJsonAsync("/api/auth/token", new { username = DemoAccounts.Sponsor, password = DemoAccounts.Password })).Content.ReadFromJsonAsync<JsonElement>();
        sponsor.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        var study = $"/api/studies/{DemoSeeder.StudyId}";

        // Independently of the server's statistics: the cohort's deterministic draw gives each participant's EASI at
        // baseline and week 16 under both arms; the server's allocation (read back unblinded) picks one.
        var cohort = DemoCohort.Draw(last.AddDays(-DemoSeeder.TimelineDays), Screened, seed: 20260301).Where(p => p.Randomised).ToList();
        var expected = new Dictionary<string, (int Randomised, int Responders, int Observed, int Borderline)>(StringComparer.Ordinal);
        foreach (var site in cohort.GroupBy(p => p.Site.Id))
        {
            // Screening numbers are given per site in screening order (10 participants are screened 26 days apart).
            var numbered = site.OrderBy(p => p.ScreenedOn).Select((p, i) => (p, Number: $"{site.Key}-{i + 1:0000}"));
            foreach (var (p, number) in numbered)
            {
                var arm = (await sponsor.GetFromJsonAsync<JsonElement>($"{study}/participants/{number}")).GetProperty("arm").GetString()!;
                var visits = (arm == "active" ? p.Active! : p.Placebo!).Visits;
                var (baseline, week16) = (visits[0].Easi!.Value, visits.Single(v => v.Week == 16).Easi);
                var e = expected.GetValueOrDefault(arm);
                // EASI-75: at least 75 % below baseline; a participant discontinued before week 16 is a non-responder (NRI).
                // The form's EASI is the nearest the half-point region scores allow (within 0.05): closer than that is borderline.
                var responder = week16 is { } w && w <= 0.25m * baseline;
                var borderline = week16 is { } b && Math.Abs(b - (0.25m * baseline)) < 0.06m;
                expected[arm] = (e.Randomised + 1, e.Responders + (responder ? 1 : 0), e.Observed + (week16 is null ? 0 : 1), e.Borderline + (borderline ? 1 : 0));
            }
        }

        var stats = await sponsor.GetFromJsonAsync<JsonElement>($"{study}/stats/endpoints");

        Assert.Equal(Screened - (Screened / 5), seed.Randomised);
        Assert.Equal(seed.Randomised, expected.Values.Sum(v => v.Randomised));
        foreach (var (rule, evaluable) in new[] { ("NRI", (Func<(int Randomised, int Responders, int Observed, int Borderline), int>)(v => v.Randomised)), ("as observed", v => v.Observed) })
        {
            var row = stats.GetProperty("responders").EnumerateArray()
                .Single(r => r.GetProperty("endpoint").GetString() == "EASI-75" && r.GetProperty("visit").GetString() == "week16" && r.GetProperty("rule").GetString() == rule);
            foreach (var arm in row.GetProperty("arms").EnumerateArray())
            {
                var want = expected[arm.GetProperty("arm").GetString()!];
                Assert.Equal(evaluable(want), arm.GetProperty("evaluable").GetInt32());
                Assert.InRange(arm.GetProperty("responders").GetInt32(), want.Responders - want.Borderline, want.Responders + want.Borderline);
            }
        }

        // The sensing phase: nights and patch readings went in through the device API, queued for the worker.
        var participants = await sponsor.GetFromJsonAsync<JsonElement>($"{study}/participants");
        var withBand = 0;
        foreach (var p in participants.EnumerateArray().Select(p => p.GetProperty("screeningNumber").GetString()!))
        {
            var devices = await sponsor.GetFromJsonAsync<JsonElement>($"{study}/participants/{p}/devices");
            withBand += devices.EnumerateArray().Count(d => d.GetProperty("kind").GetString() == "wristband");
        }

        // Every participant who attended week 16 is eligible for a band (the sensing span lies inside the timeline at this size).
        Assert.Equal(Math.Min(DemoSensing.NightParticipants, expected.Values.Sum(v => v.Observed)), withBand);
        var calibrations = await sponsor.GetFromJsonAsync<JsonElement>($"{study}/sweat-calibrations");
        Assert.Equal(5, calibrations.GetArrayLength());
        Assert.False(clock.IsSimulated);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "samples", "ad-phase3-demo.yaml")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("samples/ad-phase3-demo.yaml not found above " + AppContext.BaseDirectory);
    }
}
