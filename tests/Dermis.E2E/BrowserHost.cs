using Dermis.Server;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Dermis.E2E;

/// <summary>
/// The real Dermis server on a loopback Kestrel port over a fresh, migrated SQLite database, and
/// Debian's Chromium driven by Playwright; a class or collection fixture for browser tests.
/// </summary>
/// <remarks>
/// Works offline: Playwright downloads browsers only through <c>playwright.ps1 install</c>, never on
/// build or launch, and here it launches <see cref="ChromiumPath"/>. Its driver (Node.js and the
/// Playwright package) ships in the NuGet package, whose build targets copy it to <c>.playwright/</c>
/// in the output folder, next to Microsoft.Playwright.dll, where Playwright finds it; so no
/// environment variable is needed (PLAYWRIGHT_DRIVER_SEARCH_PATH would point the search elsewhere,
/// PLAYWRIGHT_NODEJS_PATH would swap in another Node.js).
/// </remarks>
public sealed class BrowserHost : IAsyncLifetime
{
    /// <summary>Debian's Chromium; ./test.sh installs it with apt when missing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    // Headless in a container, often as root (hence no sandbox), with every call home switched off:
    // the tests need nothing beyond loopback, and the machines that run them reach no such services.
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private TestDatabase? _test;
    private DermisDatabase? _database;
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The server's address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser host has not started.");

    /// <summary>
    /// Where screenshots go: DERMIS_SCREENSHOTS when set (say, next to the TRX results), else
    /// <c>screenshots/</c> in the test output folder.
    /// </summary>
    public string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("DERMIS_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // Outside CI the tests are skipped (BrowserFact); in CI they fail with this reason.
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: run ./test.sh as root, or apt-get install chromium.");
        }

        _test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        _database = DermisDatabase.Create(_test.Target);
        await new Migrator(_database).MigrateAsync();
        // Port 0: Kestrel picks a free loopback port, read back from Urls once it listens.
        _app = DermisServer.Create(_database, new ServerOptions { Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>The server's database (tests create the first administrator here, as `dermis account create` does).</summary>
    public DermisDatabase Database => _database ?? throw new InvalidOperationException("The browser host has not started.");

    /// <summary>A page in a context of its own, 1280×900, with relative URLs resolved against <see cref="BaseUrl"/>.</summary>
    public Task<IPage> NewPageAsync(int width = 1280) =>
        Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, BaseURL = BaseUrl });

    /// <summary>Saves a full-page PNG as <c>{name}.png</c> in <see cref="ScreenshotFolder"/>; returns its path.</summary>
    public async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
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
    }
}
