using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dermis.Bench.Reliability.Harness;

/// <summary>How a crash run is shaped.</summary>
/// <param name="DermisDll">The built <c>dermis.dll</c> to run with <c>dotnet</c>.</param>
/// <param name="Database">A SQLite file path or a PostgreSQL connection string (an empty database).</param>
/// <param name="WorkFolder">Working directory of the server process.</param>
/// <param name="Rounds">Kill/restart rounds, 1 or more.</param>
/// <param name="Participants">Participants seeded (one form and one diarist each).</param>
/// <param name="FormWriters">Concurrent eCRF writers (at most <paramref name="Participants"/>).</param>
/// <param name="DiaryWriters">Concurrent diary writers.</param>
/// <param name="Devices">Paired wristbands, one writer each (at most <paramref name="Participants"/>).</param>
/// <param name="MinKillMilliseconds">Shortest time writers run before the kill.</param>
/// <param name="MaxKillMilliseconds">Longest time writers run before the kill.</param>
/// <param name="Seed">Seeds the kill delays, so a run's schedule can be repeated.</param>
internal sealed record CrashOptions(
    string DermisDll, string Database, string WorkFolder, int Rounds = 5, int Participants = 12, int FormWriters = 6, int DiaryWriters = 2,
    int Devices = 2, int MinKillMilliseconds = 50, int MaxKillMilliseconds = 1500, int Seed = 1, int DiaryPauseMilliseconds = 40, int DevicePauseMilliseconds = 10)
{
    public bool IsPostgreSql => Database.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The crash-safety harness (docs/reliability.md): starts <c>dermis serve</c>, seeds once, then per round
/// runs concurrent writers, SIGKILLs the server at a random moment, restarts it, and checks every
/// acknowledged write against the database and the audit chains with <c>dermis audit verify</c>.
/// Used by <c>CrashSafetyTests</c> (few rounds) and <c>Dermis.Bench crash</c> (many).
/// </summary>
internal static class CrashHarness
{
    public static async Task<CrashReport> RunAsync(CrashOptions options, TextWriter? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Rounds, 1);
        if (options.FormWriters > options.Participants || options.Devices > options.Participants)
        {
            throw new ArgumentException($"FormWriters ({options.FormWriters}) and Devices ({options.Devices}) must not exceed Participants ({options.Participants}).", nameof(options));
        }

        using var server = new CrashServer(options.DermisDll, options.Database, options.WorkFolder);
        await server.StartAsync();
        CrashCohort cohort;
        using (var http = CrashHttp.Client(server.Url))
        {
            cohort = await CrashSeed.SeedAsync(server, http, options.Participants, options.Devices);
        }

        var ledger = new CrashLedger(cohort, options.FormWriters);
        var random = new Random(options.Seed);
        var rounds = new List<CrashRound>();
        try
        {
            for (var round = 1; round <= options.Rounds; round++)
            {
                var killAfter = random.Next(options.MinKillMilliseconds, options.MaxKillMilliseconds + 1);
                rounds.Add(await RoundAsync(server, cohort, ledger, options, round, killAfter));
                var r = rounds[^1];
                progress?.WriteLine($"round {round}: killed after {r.KillAfterMilliseconds} ms, {r.InFlightAtKill} in flight, {r.CutOff} cut off, {r.LandedUnacknowledged} landed, lost {r.Lost}, duplicated {r.Duplicated}, audit {(r.AuditVerified ? "verified" : "BROKEN")}, restart {r.RestartMilliseconds:F0} ms");
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"Crash round {rounds.Count + 1} failed: {e.Message}{Environment.NewLine}Server log:{Environment.NewLine}{server.LogTail}", e);
        }
        finally
        {
            await server.KillAsync();
        }

        return new CrashReport(options.IsPostgreSql ? "postgresql" : "sqlite", ledger.FormAcks, ledger.DiaryAcks, ledger.BatchAcks, rounds, ledger.Errors.ToList());
    }

    private static async Task<CrashRound> RoundAsync(CrashServer server, CrashCohort cohort, CrashLedger ledger, CrashOptions options, int round, int killAfter)
    {
        CrashWriters writers;
        int inFlight;
        using (var http = CrashHttp.Client(server.Url))
        {
            writers = new CrashWriters(http, cohort, ledger, round, options.DiaryWriters, options.DevicePauseMilliseconds, options.DiaryPauseMilliseconds);
            var running = writers.RunAsync();
            await Task.Delay(killAfter);
            inFlight = writers.Stop();
            await server.KillAsync();
            await running;
        }

        var killed = Stopwatch.GetTimestamp();
        await server.StartAsync();
        var restart = Stopwatch.GetElapsedTime(killed).TotalMilliseconds;

        CrashCheckResult check;
        await using (var connection = Open(options))
        {
            await connection.OpenAsync();
            check = await CrashCheck.CheckAsync(connection, cohort, ledger);
        }

        await RetryUnknownAsync(server, cohort, ledger, round, options);
        var (exit, output) = await server.RunCliAsync(["audit", "verify"]);
        var problems = check.Problems.ToList();
        if (exit != 0)
        {
            problems.Add($"dermis audit verify exited {exit}: {output}");
        }

        return new CrashRound(round, killAfter, inFlight, writers.CutOff, check.LandedUnacknowledged, check.Lost, check.Duplicated, restart, exit == 0, problems);
    }

    /// <summary>
    /// Sends again what the kill cut off, as the protocol says a client must: the same client entry id
    /// (201 or 200 replayed) and the same batch id with the same samples (201 or 200 duplicate).
    /// </summary>
    private static async Task RetryUnknownAsync(CrashServer server, CrashCohort cohort, CrashLedger ledger, int round, CrashOptions options)
    {
        using var http = CrashHttp.Client(server.Url);
        var writers = new CrashWriters(http, cohort, ledger, round, options.DiaryWriters, 0, 0);
        while (ledger.UnknownDiary.TryDequeue(out var entry))
        {
            if (await writers.SubmitDiaryAsync(entry) is not true)
            {
                throw new InvalidOperationException($"The retry of diary entry {entry.ClientEntryId} was not acknowledged: {string.Join(" | ", ledger.Errors)}");
            }
        }

        var batches = new List<CrashBatchWrite>();
        while (ledger.UnknownBatches.TryDequeue(out var batch))
        {
            batches.Add(batch);
        }

        foreach (var batch in batches)
        {
            if (await writers.PostBatchAsync(batch) is not true)
            {
                throw new InvalidOperationException($"The retry of batch {batch.BatchId} was not acknowledged: {string.Join(" | ", ledger.Errors)}");
            }
        }
    }

    private static DbConnection Open(CrashOptions options) => options.IsPostgreSql
        ? new NpgsqlConnection(options.Database)
        : new SqliteConnection($"Data Source={options.Database};Mode=ReadOnly;Pooling=False");
}
