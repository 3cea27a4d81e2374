using System.CommandLine;
using Dermis.Server;
using Dermis.Server.Demo;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dermis.Cli.Commands;

/// <summary>
/// <c>dermis demo</c>: the whole platform on a realistic phase-3 atopic dermatitis study. Creates (or
/// reuses) an embedded SQLite database seeded through the server's own API, then serves it and prints
/// the URL and one account per role (docs/demo.md).
/// </summary>
internal static class DemoCommand
{
    public const string DefaultDatabase = "./data/demo.db";

    public static Command Create()
    {
        var db = new Option<string>("--db")
        {
            Description = "Demo database: a SQLite file (default ./data/demo.db), created and seeded on first run.",
            DefaultValueFactory = _ => DefaultDatabase,
            HelpName = "file",
        };
        var urls = new Option<string>("--urls") { Description = "Address to listen on.", DefaultValueFactory = _ => ServerOptions.DefaultUrls, HelpName = "http://host:port" };
        var reset = new Option<bool>("--reset") { Description = "Delete the demo database and seed it again." };
        var protocol = new Option<string?>("--protocol") { Description = "The demo protocol (default: samples/ad-phase3-demo.yaml of this checkout).", HelpName = "file.yaml" };
        var screened = new Option<int>("--screened") { Description = "Participants to screen when seeding (a fifth fail screening).", DefaultValueFactory = _ => 300, HelpName = "10-2000" };
        var seedOnly = new Option<bool>("--seed-only") { Description = "Seed (or find) the demo database, print the accounts, and exit instead of serving." };
        var command = new Command("demo", "Run Dermis on a seeded phase-3 atopic dermatitis demo study: prints the URL and one account per role.")
        {
            db, urls, reset, protocol, screened, seedOnly,
        };
        command.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async output =>
        {
            var path = parseResult.GetValue(db)!;
            if (parseResult.GetValue(reset))
            {
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }
            }

            var yamlPath = parseResult.GetValue(protocol) ?? FindDemoProtocol();
            var options = new ServerOptions { Urls = parseResult.GetValue(urls)! };
            var clock = new DemoClock();
            await using var database = DermisDatabase.Create(DatabaseTarget.Parse(path, Directory.GetCurrentDirectory()));
            await new Migrator(database).MigrateAsync(cancellationToken);
            await using var app = DermisServer.Create(database, options, builder => builder.Services.AddSingleton<TimeProvider>(clock));
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"dermis: cannot listen on {options.Urls}: {e.Message} Choose another address with --urls.");
                return ExitCodes.Failure;
            }

            var url = new Uri(app.Urls.First());
            if (await DemoSeeder.IsSeededAsync(url, cancellationToken))
            {
                clock.Release();
                await output.WriteLineAsync($"dermis demo: reusing {path} (--reset to rebuild it).");
            }
            else
            {
                await output.WriteLineAsync($"dermis demo: seeding {path} through the API ...");
                var progress = new Progress<string>(line => output.WriteLine("  " + line));
                DemoSeedResult result;
                try
                {
                    result = await DemoSeeder.SeedAsync(database, url, clock, await File.ReadAllTextAsync(yamlPath, cancellationToken),
                        await ReadLabelsAsync(yamlPath, cancellationToken), ValidateScreened(parseResult.GetValue(screened)), progress: progress, cancellationToken: cancellationToken);
                }
                catch (DemoSeedException e)
                {
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync($"dermis: the demo could not be seeded: {e.Message} Run again with --reset.");
                    return ExitCodes.Failure;
                }

                await output.WriteLineAsync(
                    $"dermis demo: {result.Screened} screened, {result.Randomised} randomised, {result.DiaryEntries} diary entries, {result.Requests} API requests in {result.Elapsed.TotalSeconds:F1} s.");
            }

            await DemoBanner.WriteAsync(output, url);
            if (parseResult.GetValue(seedOnly))
            {
                // Stopped before it is disposed, so the background workers end cleanly rather than see their timer vanish.
                await app.StopAsync(CancellationToken.None);
                return ExitCodes.Success;
            }

            await app.WaitForShutdownAsync(CancellationToken.None);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int ValidateScreened(int value) => value is >= 10 and <= 2000
        ? value
        : throw new CommandLineInputException($"--screened {value} is out of range; allowed 10 to 2000.");

    /// <summary>The cell types of the real PBMC3k cells (tests/data/pbmc3k-labels/labels.csv next to samples/), or null when the checkout lacks them.</summary>
    private static async Task<IReadOnlyList<string>?> ReadLabelsAsync(string yamlPath, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(yamlPath))!, "..", "tests", "data", "pbmc3k-labels", "labels.csv");
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]).ToList();
    }

    /// <summary>samples/ad-phase3-demo.yaml of the checkout the command runs from (the build output sits inside it), or of the current folder.</summary>
    private static string FindDemoProtocol()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "samples", "ad-phase3-demo.yaml");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new CommandLineInputException("samples/ad-phase3-demo.yaml was not found above the dermis build or the current folder; pass it with --protocol.");
    }
}
