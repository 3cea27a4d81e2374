using Dermis.Server;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Microsoft.Extensions.Logging;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// The server for the long fuzz run: Kestrel on loopback over a fresh SQLite database (one per target),
/// background jobs off so that nothing but the fuzz requests writes, logging at Critical only.
/// </summary>
internal static class ServerFuzzHost
{
    public static async Task<FuzzTally> RunAsync(string target, int cases, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("dermis-fuzz-").FullName;
        try
        {
            await using var database = DermisDatabase.Create(DatabaseTarget.Parse(Path.Combine(folder, "fuzz.db"), folder));
            await new Migrator(database).MigrateAsync();
            var url = "http://127.0.0.1:" + Trials.BenchHttp.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            await using var app = DermisServer.Create(database, new ServerOptions { Urls = url, BackgroundJobs = false, LogFormat = LogFormat.Text },
                builder => builder.Logging.SetMinimumLevel(LogLevel.Critical));
            await app.StartAsync();
            var clients = new List<HttpClient>();
            try
            {
                var study = await FuzzStudy.SetUpAsync(database, () =>
                {
                    var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
                    clients.Add(client);
                    return client;
                });
                return await ServerFuzzer.RunAsync(target, study, database, ServerFuzzer.Routes(app.Services), cases, seed);
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
                await app.StopAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
