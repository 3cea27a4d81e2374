using Dermis.Bench.Reliability.Harness;
using Dermis.Testing;
using Xunit.Abstractions;

namespace Dermis.Cli.Tests;

/// <summary>
/// Crash safety (docs/reliability.md): a real <c>dermis serve</c> process under concurrent eCRF saves,
/// diary submissions and device ingest is SIGKILLed at random moments and restarted; every write it
/// acknowledged must be in the database exactly once and every audit chain must verify. A few rounds
/// per engine here; <c>Dermis.Bench crash --rounds 50</c> runs many.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Rounds = 5;

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Serve_killed_mid_write_five_times_keeps_every_acknowledged_write_exactly_once(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var work = Directory.CreateTempSubdirectory("dermis-crash-").FullName;
        try
        {
            var target = engine == TestDatabase.Sqlite ? Path.Combine(database.Folder!, "dermis.db") : database.Target.ConnectionString;
            var options = new CrashOptions(Path.Combine(AppContext.BaseDirectory, "dermis.dll"), target, work, Rounds: Rounds,
                Participants: 6, FormWriters: 4, DiaryWriters: 2, Devices: 2, MinKillMilliseconds: 150, MaxKillMilliseconds: 900, Seed: 20260105);
            var report = await CrashHarness.RunAsync(options);
            foreach (var round in report.Rounds)
            {
                output.WriteLine($"round {round.Round}: killed after {round.KillAfterMilliseconds} ms, {round.InFlightAtKill} in flight, {round.CutOff} cut off, {round.LandedUnacknowledged} landed, restart {round.RestartMilliseconds:F0} ms");
            }

            output.WriteLine($"acknowledged: {report.FormSaves} form saves, {report.DiaryEntries} diary entries, {report.DeviceBatches} device batches");

            Assert.Empty(report.Errors);
            Assert.Equal(Rounds, report.Rounds.Count);
            Assert.All(report.Rounds, round => Assert.Empty(round.Problems));
            Assert.Equal(0, report.Lost);
            Assert.Equal(0, report.Duplicated);
            Assert.Equal(Rounds, report.AuditVerifiedRounds);
            // Each kind was really written, and the kills really hit writes in flight: with four form
            // writers saving back to back, every kill finds at least one request unanswered.
            Assert.True(report.FormSaves >= Rounds * 4, $"only {report.FormSaves} form saves acknowledged");
            Assert.True(report.DiaryEntries >= Rounds, $"only {report.DiaryEntries} diary entries acknowledged");
            Assert.True(report.DeviceBatches >= Rounds, $"only {report.DeviceBatches} device batches acknowledged");
            Assert.All(report.Rounds, round => Assert.True(round.InFlightAtKill >= 1, $"round {round.Round}: no write in flight at the kill"));
            Assert.True(report.Rounds.Sum(r => r.CutOff) >= Rounds);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
