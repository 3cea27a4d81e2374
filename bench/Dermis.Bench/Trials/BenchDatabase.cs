using System.Globalization;
using Dermis.Server.Auth;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;

using static Dermis.Bench.Trials.BenchHttp;

namespace Dermis.Bench.Trials;

/// <summary>
/// What the seeded study benchmarks share: a migrated database (SQLite in a temporary folder, or the
/// given PostgreSQL server) holding the installation admin account, removed again on dispose, and
/// EASI input that looks like a visit's.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private BenchDatabase(DermisDatabase database, string folder)
    {
        Database = database;
        _folder = folder;
    }

    public DermisDatabase Database { get; }

    /// <param name="db"><c>sqlite</c> or a PostgreSQL connection string.</param>
    public static async Task<BenchDatabase> CreateAsync(string db)
    {
        var folder = Directory.CreateTempSubdirectory("dermis-bench-").FullName;
        var target = DatabaseTarget.Parse(db == "sqlite" ? Path.Combine(folder, "bench.db") : db, folder);
        var database = DermisDatabase.Create(target);
        await new Migrator(database).MigrateAsync();
        await using (var store = await TrialStore.BeginAsync(database, write: true))
        {
            await store.CreateAccountAsync("admin", "Bench Admin", Passwords.Hash(Password), true, DateTimeOffset.UtcNow);
            await store.CommitAsync("admin", null, AuditSource.System, DateTimeOffset.UtcNow);
        }

        return new BenchDatabase(database, folder);
    }

    /// <summary>A path inside the benchmark's temporary folder (removed with it).</summary>
    public string PathOf(string name) => Path.Combine(_folder, name);

    /// <summary>EASI input around <paramref name="severity"/> (0–3): half-point signs, a present sign at least 1 (0.5 is not on the EASI scale), areas 1–4.</summary>
    public static string Easi(double severity, Random random)
    {
        string Sign()
        {
            var value = Math.Round(Math.Clamp(severity + random.NextDouble() - 0.5, 0, 3) * 2, MidpointRounding.AwayFromZero) / 2;
            return (value == 0.5 ? 1 : value).ToString(CultureInfo.InvariantCulture);
        }

        string Region() => $$"""{"erythema":{{Sign()}},"induration":{{Sign()}},"excoriation":{{Sign()}},"lichenification":{{Sign()}},"area":{{random.Next(1, 5)}}}""";
        return $$$"""{"ageYears":{{{random.Next(18, 70)}}},"regions":{"head":{{{Region()}}},"upperLimbs":{{{Region()}}},"trunk":{{{Region()}}},"lowerLimbs":{{{Region()}}}}}""";
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
