using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dermis.Instruments.Json;
using Dermis.Server;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

using static Dermis.Bench.Trials.BenchHttp;

namespace Dermis.Bench.Trials;

/// <summary>
/// Server time of the web pages for a study of 2,000 participants (the phase-3 sample protocol, 10
/// sites, visits, EASI and vIGA forms, queries): a real Kestrel server on loopback, requests one at a
/// time as a data manager who sees every site. Prints p50/p95/max per page.
/// Usage: pages [--db sqlite|&lt;PostgreSQL connection string&gt;] [--participants 2000] [--requests 40]
/// </summary>
internal static class PageRenderBenchmark
{

    public static async Task<int> RunAsync(string[] args)
    {
        var db = Option(args, "--db") ?? "sqlite";
        var count = int.Parse(Option(args, "--participants") ?? "2000", CultureInfo.InvariantCulture);
        var requests = int.Parse(Option(args, "--requests") ?? "40", CultureInfo.InvariantCulture);
        var yaml = await File.ReadAllTextAsync(Option(args, "--protocol") ?? "samples/ad-phase3.yaml");
        await using var bench = await BenchDatabase.CreateAsync(db);
        var database = bench.Database;
        var url = "http://127.0.0.1:" + FreePort();
        await using var app = DermisServer.Create(database, new ServerOptions { Urls = url, LogFormat = LogFormat.Text }, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "admin"));
        var protocol = Dermis.Trials.Protocol.ProtocolParser.Parse(yaml, "ad-phase3.yaml");
        var study = protocol.StudyId;
        await Ok(http.PostAsync("/api/studies", new StringContent(yaml, Encoding.UTF8, "application/yaml")));
        for (var s = 1; s <= 10; s++)
        {
            await Ok(http.PostAsJsonAsync($"/api/studies/{study}/sites",
                new { id = $"S{s:00}", name = $"Site {s}", country = s % 2 == 0 ? "DE" : "FR", investigator = $"Dr. Site {s}", capacity = count / 10 + 20, activationDate = $"2026-0{1 + s % 6}-01" }));
        }

        await Ok(http.PostAsJsonAsync($"/api/studies/{study}/staff",
            new { username = "dm", displayName = "Bench Data Manager", password = Password, roles = new[] { new { role = "dataManager", site = (string?)null } } }));
        var seeded = Stopwatch.StartNew();
        var (participant, visitKey) = await SeedAsync(database, study, protocol.Version, count);
        Console.Error.WriteLine($"seeded {count} participants in {seeded.Elapsed.TotalSeconds:F1} s");

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "dm"));
        var pages = new (string Name, string Path)[]
        {
            ("home", "/"),
            ("dashboard", $"/studies/{study}"),
            ("participants (page 1 of all)", $"/studies/{study}/participants"),
            ("participants (one site)", $"/studies/{study}/participants?site=S03"),
            ("queries inbox", $"/studies/{study}/queries"),
            ("sites", $"/studies/{study}/sites"),
            ("casebook", $"/studies/{study}/participants/{participant}"),
            ("eCRF (EASI)", $"/studies/{study}/participants/{participant}/visits/{visitKey}/forms/easi"),
            ("audit of a participant", $"/studies/{study}/participants/{participant}/audit"),
        };

        Console.WriteLine($"| page ({count} participants, {database.EngineName}) | requests | p50 ms | p95 ms | max ms | KiB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, path) in pages)
        {
            for (var i = 0; i < 5; i++)
            {
                await Ok(http.GetAsync(path));
            }

            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await Ok(http.GetAsync(path));
                bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {requests} | {times[times.Count / 2]:F1} | {times[Math.Min(times.Count - 1, (int)Math.Ceiling(0.95 * times.Count) - 1)]:F1} | {times[^1]:F1} | {bytes / 1024} |"));
        }

        await app.StopAsync();
        return 0;
    }

    /// <summary>
    /// Participants straight into the store (seeding through HTTP would take minutes): a mix of
    /// screen failures and randomised participants 0–40 weeks into the study, each visit with EASI and
    /// vIGA-AD scored by the real instruments, and a query on one EASI in five.
    /// </summary>
    private static async Task<(string Participant, long VisitKey)> SeedAsync(DermisDatabase database, string study, string version, int count)
    {
        var random = new Random(20261122);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string[] schedule = ["screening", "baseline", "week2", "week4", "week8", "week12", "week16", "week24", "week32", "week40"];
        int[] days = [-14, 1, 15, 29, 57, 85, 113, 169, 225, 281];
        (string, long) first = ("", 0);
        await using var store = await TrialStore.BeginAsync(database, write: true);
        for (var i = 0; i < count; i++)
        {
            var site = $"S{1 + i % 10:00}";
            var screenedAt = today.AddDays(-random.Next(20, 330));
            var row = await store.ScreenParticipantAsync(study, site, version, "screened", new DateTimeOffset(screenedAt.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            var failed = random.NextDouble() < 0.2;
            var anchor = screenedAt.AddDays(14);
            row.Status = failed ? "screenFailed" : "randomised";
            row.StatusReason = failed ? "EASI below 16 at screening" : null;
            row.AnchorDate = failed ? null : UtcText.Format(anchor);
            row.Arm = failed ? null : random.Next(2) == 0 ? "active" : "placebo";
            await store.UpdateParticipantAsync(row);
            for (var v = 0; v < schedule.Length && (v == 0 || !failed); v++)
            {
                var date = anchor.AddDays(days[v] - 1 + random.Next(-2, 3));
                if (date > today)
                {
                    break;
                }

                var visit = await store.AddVisitAsync(new VisitRow
                {
                    ParticipantId = row.Id, VisitId = schedule[v], VisitDate = UtcText.Format(date), WindowStatus = random.NextDouble() < 0.9 ? "inWindow" : "late", ProtocolVersion = version,
                }, DateTimeOffset.UtcNow);
                var severity = Math.Max(0.0, 2.5 - v * 0.25 + random.NextDouble() * 0.5);
                foreach (var (formId, data) in new[] { ("easi", BenchDatabase.Easi(severity, random)), ("viga", $$"""{"grade":{{Math.Min(4, (int)Math.Round(severity * 1.4))}}}""") })
                {
                    var instrument = formId;
                    using var document = JsonDocument.Parse(data);
                    var derived = ScoreJson.Score(instrument, document.RootElement);
                    var form = new FormRow
                    {
                        ParticipantId = row.Id, VisitRowId = visit.Id, FormId = formId, ProtocolVersion = version, Status = "complete", Data = data, Derived = derived.ToJsonString(),
                        InstrumentVersion = (string?)derived["version"], UpdatedAt = UtcText.Format(new DateTimeOffset(date.AddDays(random.Next(0, 6)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)), UpdatedBy = "seed",
                    };
                    await store.InsertFormAsync(form);
                    if (formId == "easi" && random.NextDouble() < 0.2)
                    {
                        await store.OpenQueryAsync(new QueryRow
                        {
                            StudyId = study, SiteId = site, ParticipantId = row.Id, ScreeningNumber = row.ScreeningNumber, FormDataId = form.Id, Item = "total", Kind = "editCheck",
                            CheckId = "EC-EASI-WORSE", State = random.NextDouble() < 0.5 ? "open" : "closed", Text = "EASI worsened by more than 50 % from baseline", OpenedBy = "system",
                            OpenedAt = UtcText.Format(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
                        }, null);
                    }

                    if (first.Item1.Length == 0 && formId == "easi" && v == 1)
                    {
                        first = (row.ScreeningNumber, visit.Id);
                    }
                }
            }
        }

        await store.CommitAsync("seed", null, AuditSource.System, DateTimeOffset.UtcNow);
        return first;
    }
}
