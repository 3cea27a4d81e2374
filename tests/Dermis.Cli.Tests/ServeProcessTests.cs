using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Dermis.Cli.Tests;

/// <summary>
/// <c>dermis serve</c> as a real process: the default database, a health round-trip, SIGTERM, and
/// a restart on the same database that re-migrates nothing.
/// </summary>
public sealed class ServeProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("dermis-serve-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Serve_answers_health_stops_on_sigterm_and_restarts_on_the_same_database_without_migrating()
    {
        var url = $"http://127.0.0.1:{FreePort()}";

        var first = await ServeUntilHealthyThenTerminateAsync(url);
        var second = await ServeUntilHealthyThenTerminateAsync(url);

        var defaultFile = Path.Combine(_folder, "data", "dermis.db");
        Assert.True(File.Exists(defaultFile));
        Assert.Equal(defaultFile, first.Health.GetProperty("database").GetProperty("target").GetString());
        Assert.Equal(first.Health.GetProperty("database").GetProperty("installationId").GetString(),
                     second.Health.GetProperty("database").GetProperty("installationId").GetString());
        Assert.Contains("Applied migration 0001_installation.sql", first.Log, StringComparison.Ordinal);
        Assert.Contains("Applied migration 0002_trials.sql", first.Log, StringComparison.Ordinal);
        Assert.Contains($"({Dermis.Storage.Migrations.MigrationCatalog.For(Dermis.Storage.Database.DatabaseKind.Sqlite).Count} migrations applied now)", first.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("Applied migration", second.Log, StringComparison.Ordinal);
        Assert.Contains("(0 migrations applied now)", second.Log, StringComparison.Ordinal);
        Assert.All([first, second], run =>
        {
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Application is shutting down...", run.Log, StringComparison.Ordinal);
        });
    }

    private async Task<ServeRun> ServeUntilHealthyThenTerminateAsync(string url)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "dermis.dll"), "serve", "--urls", url])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var health = await WaitForHealthAsync(url, process);
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(Patience);
            await process.WaitForExitAsync(timeout.Token);
            lock (log)
            {
                return new ServeRun(health, process.ExitCode, log.ToString());
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<JsonElement> WaitForHealthAsync(string url, Process process)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"dermis serve did not answer GET {url}/health (exited: {process.HasExited}).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record ServeRun(JsonElement Health, int ExitCode, string Log);
}
