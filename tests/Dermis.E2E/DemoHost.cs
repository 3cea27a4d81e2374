using System.Net.Http.Json;
using System.Text.Json;
using Dermis.Server;
using Dermis.Server.Demo;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.E2E;

/// <summary>
/// The demo as <c>dermis demo</c> builds it — the server on a <see cref="DemoClock"/>, seeded through its API
/// by <see cref="DemoSeeder"/> from samples/ad-phase3-demo.yaml and the PBMC3k labels — with fewer participants
/// (<see cref="Screened"/>) so that the browser test stays within CI time; plus Chromium.
/// </summary>
public sealed class DemoHost : IAsyncLifetime
{
    /// <summary>Participants screened for the test (the command's default is 300).</summary>
    public const int Screened = 40;

    private readonly BrowserHost _browser = new();
    private TestDatabase? _test;
    private DermisDatabase? _database;
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public DemoSeedResult? Seed { get; private set; }

    /// <summary>Nights the demo records per participant with a wristband (docs/demo.md: two before baseline, two before week 16).</summary>
    public const int NightsPerParticipant = 4;

    /// <summary>Participants with a wristband, each with <see cref="NightsPerParticipant"/> analysed nights once <see cref="InitializeAsync"/> returns.</summary>
    public IReadOnlyList<string> NightParticipants { get; private set; } = [];

    public BrowserHost Browser => _browser;

    public async Task InitializeAsync()
    {
        // The browser host brings Chromium (and an empty server of its own, unused here).
        await _browser.InitializeAsync();
        _test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        _database = DermisDatabase.Create(_test.Target);
        await new Migrator(_database).MigrateAsync();
        var clock = new DemoClock();
        _app = DermisServer.Create(_database, new ServerOptions { Urls = "http://127.0.0.1:0" }, builder => builder.Services.AddSingleton<TimeProvider>(clock));
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single();
        var root = RepositoryRoot();
        var labels = File.ReadLines(Path.Combine(root, "tests", "data", "pbmc3k-labels", "labels.csv")).Skip(1).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]).ToList();
        Seed = await DemoSeeder.SeedAsync(_database, new Uri(BaseUrl), clock, await File.ReadAllTextAsync(Path.Combine(root, "samples", "ad-phase3-demo.yaml")), labels, Screened);
        NightParticipants = await WaitForNightsAsync(TimeSpan.FromMinutes(6));
    }

    /// <summary>
    /// The server's night worker analyses the uploaded nights on its rounds (one a minute, 50 jobs a round, sweat days
    /// included): waits until every participant with a wristband has all their nights, as a site would see them.
    /// </summary>
    private async Task<IReadOnlyList<string>> WaitForNightsAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var token = await client.PostAsJsonAsync("/api/auth/token", new { username = DemoAccounts.Sponsor, password = DemoAccounts.Password });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        var study = $"/api/studies/{DemoSeeder.StudyId}";
        var banded = new List<string>();
        foreach (var p in (await client.GetFromJsonAsync<JsonElement>($"{study}/participants")).EnumerateArray().Select(p => p.GetProperty("screeningNumber").GetString()!))
        {
            var devices = await client.GetFromJsonAsync<JsonElement>($"{study}/participants/{p}/devices");
            if (devices.EnumerateArray().Any(d => d.GetProperty("kind").GetString() == "wristband"))
            {
                banded.Add(p);
            }
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var missing = 0;
            foreach (var p in banded)
            {
                missing += NightsPerParticipant - (await client.GetFromJsonAsync<JsonElement>($"{study}/participants/{p}/nights")).GetArrayLength();
            }

            if (missing == 0)
            {
                return banded;
            }

            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"{missing} of {banded.Count * NightsPerParticipant} demo nights were not analysed within {limit.TotalMinutes} min.");
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_test is not null)
        {
            await _test.DisposeAsync();
        }

        await _browser.DisposeAsync();
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
