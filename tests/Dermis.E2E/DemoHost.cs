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
