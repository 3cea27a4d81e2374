using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Dermis.Sensing.Ingest;
using Dermis.Server;
using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;
using Microsoft.Extensions.Logging;

using static Dermis.Bench.Trials.BenchHttp;

namespace Dermis.Bench.Sensing;

/// <summary>
/// Device ingest over HTTP on loopback: N wristbands each posting one night of 20 Hz triaxial data
/// (8 h = 576,000 samples) in batches (default 1 h = 72,000 samples, 864 KB), each acknowledged after
/// its commit. Prints samples/s and batch latency.
/// Usage: ingest [--db sqlite|&lt;PostgreSQL connection string&gt;] [--devices 4] [--batch-seconds 3600]
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var db = Option(args, "--db") ?? "sqlite";
        var devices = int.Parse(Option(args, "--devices") ?? "4", CultureInfo.InvariantCulture);
        var batchSeconds = int.Parse(Option(args, "--batch-seconds") ?? "3600", CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("dermis-bench-").FullName;
        var target = DatabaseTarget.Parse(db == "sqlite" ? Path.Combine(folder, "bench.db") : db, folder);
        await using var database = DermisDatabase.Create(target);
        await new Migrator(database).MigrateAsync();
        var yaml = await File.ReadAllTextAsync("samples/ad-phase3.yaml");
        var now = DateTimeOffset.UtcNow;
        await using (var store = await TrialStore.BeginAsync(database, write: true))
        {
            await store.CreateAccountAsync("admin", "Bench Admin", Passwords.Hash(Password), true, now);
            await store.CommitAsync("admin", null, AuditSource.System, now);
        }

        var protocol = await StudyCreation.CreateAsync(database, yaml, "ad-phase3.yaml", "admin", AuditSource.Import, now, CancellationToken.None);
        var tokens = new List<(string Serial, string Token)>();
        await using (var store = await TrialStore.BeginAsync(database, write: true))
        {
            await store.AddSiteAsync(new SiteRow { StudyId = protocol.StudyId, Id = "S01", Name = "Site 1", Country = "DE", Investigator = "Dr. One", Capacity = 100 });
            for (var d = 0; d < devices; d++)
            {
                var row = await store.ScreenParticipantAsync(protocol.StudyId, "S01", protocol.Version, "enrolled", now);
                var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                var serial = $"WB-{d + 1:0000}";
                await store.InsertDeviceAsync(new DeviceRow
                {
                    StudyId = protocol.StudyId, ParticipantId = row.Id, Serial = serial, Kind = "wristband", TokenHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), PairedBy = "bench", PairedAt = UtcText.Format(now),
                });
                tokens.Add((serial, token));
            }

            var staff = await store.CreateAccountAsync("inv", "Bench Investigator", Passwords.Hash(Password), false, now);
            await store.AddRoleAsync(protocol.StudyId, staff, Dermis.Trials.Access.StudyRole.Investigator, "S01");
            await store.CommitAsync("bench", null, AuditSource.System, now);
        }

        var url = "http://127.0.0.1:" + FreePort();
        await using var app = DermisServer.Create(database, new ServerOptions { Urls = url, LogFormat = LogFormat.Text }, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        const float rate = 20;
        var perBatch = (int)(batchSeconds * rate);
        var batches = 8 * 3600 / batchSeconds;
        var random = new Random(7);
        var payloads = tokens.Select(t => Enumerable.Range(0, batches).Select(b =>
        {
            var samples = new float[perBatch * 3];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = (float)((random.NextDouble() - 0.5) * 0.05) + (i % 3 == 2 ? 1f : 0f);
            }

            var start = new DateTimeOffset(2026, 3, 27, 22, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000 + (b * batchSeconds * 1_000_000L);
            return SampleBatchFormat.Write(new SampleBatch($"n1-{b:0000}", SampleKind.Accelerometer, start, rate, samples));
        }).ToList()).ToList();

        var latencies = new List<double>();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select(async (t, d) =>
        {
            foreach (var body in payloads[d])
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.dermis.samples");
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{t.Serial}/samples") { Content = content };
                request.Headers.TryAddWithoutValidation("Authorization", "Device " + t.Token);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                if ((int)response.StatusCode != 201)
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }));
        var seconds = stopwatch.Elapsed.TotalSeconds;

        // One participant-night end to end: the first device's night analysed from its stored batches.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "inv"));
        var analyses = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var started = Stopwatch.GetTimestamp();
            using var analysed = await http.PostAsync(new Uri($"/api/studies/{protocol.StudyId}/participants/S01-0001/nights/2026-03-27/analyse", UriKind.Relative), null);
            if ((int)analysed.StatusCode != 200)
            {
                throw new InvalidOperationException($"{(int)analysed.StatusCode} {await analysed.Content.ReadAsStringAsync()}");
            }

            analyses.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var total = (long)devices * batches * perBatch;
        latencies.Sort();
        Console.WriteLine("| engine | devices | batch samples | batches | samples | seconds | samples/s | MB/s | batch p50 ms | batch max ms | night analysis ms (min / median of 5) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        analyses.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {database.EngineName} | {devices} | {perBatch} | {latencies.Count} | {total} | {seconds:F2} | {total / seconds:F0} | {total * 12 / seconds / 1048576:F1} | {latencies[latencies.Count / 2]:F1} | {latencies[^1]:F1} | {analyses[0]:F0} / {analyses[2]:F0} |"));
        await app.StopAsync();
        await database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return 0;
    }
}
