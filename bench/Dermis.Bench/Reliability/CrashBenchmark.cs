using System.Globalization;
using Dermis.Bench.Reliability.Harness;

using static Dermis.Bench.Trials.BenchHttp;

namespace Dermis.Bench.Reliability;

/// <summary>
/// Crash safety, many rounds (docs/reliability.md): the crash harness against a built <c>dermis.dll</c>,
/// printing acknowledged writes per kind, writes in flight at the kills, lost and duplicated writes,
/// audit verification and restart time.
/// Usage: crash [--engine sqlite|postgresql] [--rounds 50] [--participants 16] [--seed 1] [--dermis path/to/dermis.dll]
/// PostgreSQL needs DERMIS_TEST_POSTGRES (a server where a scratch database is created and dropped).
/// </summary>
internal static class CrashBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var engine = Option(args, "--engine") ?? "sqlite";
        if (engine is not ("sqlite" or "postgresql"))
        {
            throw new ArgumentException($"--engine: '{engine}' is not allowed; use sqlite or postgresql.", nameof(args));
        }

        var rounds = int.Parse(Option(args, "--rounds") ?? "50", CultureInfo.InvariantCulture);
        var participants = int.Parse(Option(args, "--participants") ?? "16", CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        var dermis = Path.GetFullPath(Option(args, "--dermis") ?? "artifacts/bin/Dermis.Cli/release/dermis.dll");
        var work = Directory.CreateTempSubdirectory("dermis-crash-").FullName;
        string? scratch = null;
        var admin = Environment.GetEnvironmentVariable("DERMIS_TEST_POSTGRES");
        string database;
        if (engine == "postgresql")
        {
            if (string.IsNullOrEmpty(admin))
            {
                throw new ArgumentException("--engine postgresql needs DERMIS_TEST_POSTGRES (run bench/crash-test.sh, which starts a throw-away cluster).", nameof(args));
            }

            scratch = "dermis_crash_" + Guid.NewGuid().ToString("N");
            await ExecuteAsync(admin, $"CREATE DATABASE {scratch}");
            database = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = scratch }.ConnectionString;
        }
        else
        {
            database = Path.Combine(work, "crash.db");
        }

        try
        {
            var options = new CrashOptions(dermis, database, work, Rounds: rounds, Participants: participants, FormWriters: 8, DiaryWriters: 2, Devices: 4, Seed: seed);
            var report = await CrashHarness.RunAsync(options, Console.Error);
            Print(report);
            return report.Lost == 0 && report.Duplicated == 0 && report.AuditVerifiedRounds == rounds && report.Errors.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            if (scratch is not null)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(admin!, $"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)");
            }
        }
    }

    private static void Print(CrashReport report)
    {
        Console.WriteLine("| engine | rounds | acknowledged form saves | diary entries | device batches | in flight at kill (rounds with ≥ 1) | cut off | landed unacknowledged | lost | duplicated | audit verified | restart p50 ms | restart max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {report.Engine} | {report.Rounds.Count} | {report.FormSaves} | {report.DiaryEntries} | {report.DeviceBatches} | {report.InFlightAtKill} ({report.Rounds.Count(r => r.InFlightAtKill > 0)}) | {report.Rounds.Sum(r => r.CutOff)} | {report.Rounds.Sum(r => r.LandedUnacknowledged)} | {report.Lost} | {report.Duplicated} | {report.AuditVerifiedRounds}/{report.Rounds.Count} | {report.RestartMilliseconds(0.5):F0} | {report.RestartMilliseconds(1):F0} |"));
        foreach (var problem in report.Rounds.SelectMany(r => r.Problems).Concat(report.Errors))
        {
            Console.WriteLine("problem: " + problem);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
