using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dermis.Instruments.Json;
using Dermis.Server.Exchange;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;

using static Dermis.Bench.Trials.BenchHttp;

namespace Dermis.Bench.Trials;

/// <summary>
/// Export time for a study of 2,000 participants × 15 visits (the phase-3 sample protocol: 11
/// scheduled visits and up to 4 unscheduled, EASI, vIGA-AD, vitals, POEM and DLQI where scheduled):
/// reading the study, then writing ODM Snapshot, SDTM and the analysis CSV. Prints a table.
/// Usage: export [--db sqlite|&lt;PostgreSQL connection string&gt;] [--participants 2000]
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var db = Option(args, "--db") ?? "sqlite";
        var count = int.Parse(Option(args, "--participants") ?? "2000", CultureInfo.InvariantCulture);
        var yaml = await File.ReadAllTextAsync(Option(args, "--protocol") ?? "samples/ad-phase3.yaml");
        await using var bench = await BenchDatabase.CreateAsync(db);
        var database = bench.Database;
        var protocol = await StudyCreation.CreateAsync(database, yaml, "ad-phase3.yaml", "admin", AuditSource.Import, DateTimeOffset.UtcNow, CancellationToken.None);
        var seeding = Stopwatch.StartNew();
        var (visits, forms) = await SeedAsync(database, protocol.StudyId, protocol.Version, count);
        Console.Error.WriteLine($"seeded {count} participants, {visits} visits, {forms} forms in {seeding.Elapsed.TotalSeconds:F1} s");

        var rows = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var output = bench.PathOf("out");
            var total = Stopwatch.StartNew();
            var step = Stopwatch.StartNew();
            var export = await StudyExports.LoadAsync(database, protocol.StudyId, unblinded: true, history: false, DateTimeOffset.UtcNow);
            var load = step.Elapsed.TotalSeconds;
            step.Restart();
            var odm = await StudyExports.WriteAsync(export, ExportFormat.Odm, output, "bench");
            var odmSeconds = step.Elapsed.TotalSeconds;
            step.Restart();
            var sdtm = await StudyExports.WriteAsync(export, ExportFormat.Sdtm, output, "bench");
            var sdtmSeconds = step.Elapsed.TotalSeconds;
            step.Restart();
            var csv = await StudyExports.WriteAsync(export, ExportFormat.Csv, output, "bench");
            var csvSeconds = step.Elapsed.TotalSeconds;
            double Mb(IEnumerable<string> files) => files.Sum(f => new FileInfo(f).Length) / 1048576.0;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {database.EngineName} | {count} | {visits} | {forms} | {load:F2} | {odmSeconds:F2} ({Mb(odm):F0} MB) | {sdtmSeconds:F2} ({Mb(sdtm):F0} MB) | {csvSeconds:F2} ({Mb(csv):F1} MB) | {total.Elapsed.TotalSeconds:F2} |"));
        }

        Console.WriteLine("| engine | participants | visits | forms | read s | ODM snapshot s | SDTM s | analysis CSV s | total s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<(int Visits, int Forms)> SeedAsync(DermisDatabase database, string study, string version, int count)
    {
        var random = new Random(20261122);
        string[] schedule = ["screening", "baseline", "week2", "week4", "week8", "week12", "week16", "week24", "week32", "week40", "week52"];
        int[] days = [-14, 1, 15, 29, 57, 85, 113, 169, 225, 281, 365];
        var withPros = new HashSet<string> { "baseline", "week4", "week16", "week52" };
        int visits = 0, forms = 0;
        await using (var store = await TrialStore.BeginAsync(database, write: true))
        {
            for (var s = 1; s <= 10; s++)
            {
                await store.AddSiteAsync(new SiteRow { StudyId = study, Id = $"S{s:00}", Name = $"Site {s}", Country = s % 2 == 0 ? "DE" : "FR", Investigator = $"Dr. Site {s}", Capacity = count / 10 + 20 });
            }

            await store.CommitAsync("seed", null, AuditSource.System, DateTimeOffset.UtcNow);
        }

        await using var writer = await TrialStore.BeginAsync(database, write: true);
        var anchorBase = new DateOnly(2025, 1, 6);
        for (var i = 0; i < count; i++)
        {
            var row = await writer.ScreenParticipantAsync(study, $"S{1 + i % 10:00}", version, "screened", DateTimeOffset.UtcNow);
            var anchor = anchorBase.AddDays(random.Next(0, 200));
            row.Status = "randomised";
            row.AnchorDate = UtcText.Format(anchor);
            row.Arm = random.Next(2) == 0 ? "active" : "placebo";
            await writer.UpdateParticipantAsync(row);
            var plan = schedule.Select((id, v) => (id, anchor.AddDays(days[v] - 1 + random.Next(-2, 3))))
                .Concat(Enumerable.Range(1, 4).Select(u => ("unscheduled", anchor.AddDays(40 + (u * 70) + random.Next(0, 10))))).ToList();
            foreach (var (visitId, date) in plan)
            {
                var visit = await writer.AddVisitAsync(new VisitRow { ParticipantId = row.Id, VisitId = visitId, VisitDate = UtcText.Format(date), WindowStatus = "inWindow", ProtocolVersion = version }, DateTimeOffset.UtcNow);
                visits++;
                var severity = Math.Max(0.0, 2.5 - (date.DayNumber - anchor.DayNumber) / 120.0 + random.NextDouble() * 0.5);
                var entries = new List<(string Form, string Data)> { ("easi", BenchDatabase.Easi(severity, random)), ("viga", $$"""{"grade":{{Math.Min(4, (int)Math.Round(severity * 1.4))}}}""") };
                if (visitId != "unscheduled")
                {
                    entries.Add(("vitals", $$"""{"weight":{{70 + random.Next(-5, 6)}}.5,"height":172,"systolic":{{118 + random.Next(-10, 10)}},"diastolic":78,"pulse":66,"temperature":36.7}"""));
                }

                if (withPros.Contains(visitId))
                {
                    entries.Add(("poem", $$"""{"answers":[{{string.Join(",", Enumerable.Range(0, 7).Select(_ => random.Next(0, 5)))}}]}"""));
                    entries.Add(("dlqi", """{"answers":["aLot","aLittle","notAtAll","aLittle","notAtAll","notRelevant","notAtAll","aLittle","notAtAll","aLittle"]}"""));
                }

                foreach (var (formId, data) in entries)
                {
                    var instrument = formId == "vitals" ? null : formId;
                    string? derived = null;
                    string? instrumentVersion = null;
                    if (instrument is not null)
                    {
                        using var document = JsonDocument.Parse(data);
                        var score = ScoreJson.Score(instrument, document.RootElement);
                        derived = score.ToJsonString();
                        instrumentVersion = (string?)score["version"];
                    }

                    await writer.InsertFormAsync(new FormRow
                    {
                        ParticipantId = row.Id, VisitRowId = visit.Id, FormId = formId, ProtocolVersion = version, Status = "complete", Data = data, Derived = derived,
                        InstrumentVersion = instrumentVersion, UpdatedAt = UtcText.Format(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)), UpdatedBy = "seed",
                    });
                    forms++;
                }
            }
        }

        await writer.CommitAsync("seed", null, AuditSource.System, DateTimeOffset.UtcNow);
        return (visits, forms);
    }
}
