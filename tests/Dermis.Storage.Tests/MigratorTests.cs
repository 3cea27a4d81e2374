using Dapper;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Testing;

namespace Dermis.Storage.Tests;

public sealed class MigratorTests
{
    private static readonly DateTimeOffset FirstStart = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondStart = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    private static readonly Migration CreateVisit = new(1, "visit", "CREATE TABLE visit (id INTEGER PRIMARY KEY, label TEXT NOT NULL);");
    private static readonly Migration CreateQuery = new(2, "query", "CREATE TABLE query (id INTEGER PRIMARY KEY, visit_id INTEGER NOT NULL);");

    public static TheoryData<string> Engines => TestDatabase.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Migrate_fresh_database_applies_every_embedded_migration_and_records_its_checksum(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = DermisDatabase.Create(test.Target);
        var catalog = MigrationCatalog.For(test.Target.Kind);

        var applied = await new Migrator(database, time: new FixedTimeProvider(FirstStart)).MigrateAsync();

        Assert.Equal(catalog.Select(m => m.Version), applied.Select(m => m.Version));
        await using var connection = await database.OpenConnectionAsync();
        var recorded = (await connection.QueryAsync<(int Version, string Checksum)>("SELECT version, checksum FROM schema_version ORDER BY version")).ToList();
        Assert.Equal(catalog.Select(m => (m.Version, m.Checksum)), recorded);
        var installationId = await connection.ExecuteScalarAsync<string>("SELECT installation_id FROM installation WHERE id = 1");
        Assert.Matches("^[0-9a-f]{32}$", installationId);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Migrate_again_applies_nothing_and_keeps_the_first_record(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = DermisDatabase.Create(test.Target);
        await new Migrator(database, time: new FixedTimeProvider(FirstStart)).MigrateAsync();

        var again = await new Migrator(database, time: new FixedTimeProvider(SecondStart)).MigrateAsync();
        var status = await new Migrator(database).GetStatusAsync();

        Assert.Empty(again);
        Assert.All(status.Entries, e => Assert.Equal(MigrationState.Applied, e.State));
        Assert.All(status.Entries, e => Assert.Equal(FirstStart, e.AppliedAt));
        Assert.Equal(MigrationCatalog.For(test.Target.Kind).Count, status.CurrentVersion);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Status_of_fresh_database_lists_all_pending_and_creates_nothing(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = DermisDatabase.Create(test.Target);

        var status = await new Migrator(database, [CreateVisit, CreateQuery]).GetStatusAsync();

        Assert.Equal(0, status.CurrentVersion);
        Assert.Equal([1, 2], status.Pending.Select(e => e.Version));
        Assert.False(await TableExistsAsync(database, "schema_version"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Migrate_applies_only_the_new_migration_of_a_later_build(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = DermisDatabase.Create(test.Target);
        await new Migrator(database, [CreateVisit]).MigrateAsync();

        var applied = await new Migrator(database, [CreateVisit, CreateQuery]).MigrateAsync();

        Assert.Equal([2], applied.Select(m => m.Version));
        Assert.True(await TableExistsAsync(database, "query"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Migrate_refuses_when_an_applied_migration_changed_and_applies_nothing(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = DermisDatabase.Create(test.Target);
        await new Migrator(database, [CreateVisit], new FixedTimeProvider(FirstStart)).MigrateAsync();
        var edited = CreateVisit with { Sql = "CREATE TABLE visit (id INTEGER PRIMARY KEY, label TEXT);" };

        var error = await Assert.ThrowsAsync<MigrationIntegrityException>(() => new Migrator(database, [edited, CreateQuery]).MigrateAsync());

        Assert.Contains("Migration 0001_visit.sql was applied", error.Message, StringComparison.Ordinal);
        Assert.Contains($"with checksum {CreateVisit.Checksum}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"but the file in this build has checksum {edited.Checksum}", error.Message, StringComparison.Ordinal);
        Assert.Contains("put the change in a new migration", error.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync(database, "query"));
        var status = await new Migrator(database, [edited, CreateQuery]).GetStatusAsync();
        Assert.Equal(MigrationState.Changed, status.Entries[0].State);
        Assert.True(status.IsInconsistent);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Migrate_refuses_a_database_migrated_by_a_newer_build(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = DermisDatabase.Create(test.Target);
        await new Migrator(database, [CreateVisit, CreateQuery]).MigrateAsync();

        var error = await Assert.ThrowsAsync<MigrationIntegrityException>(() => new Migrator(database, [CreateVisit]).MigrateAsync());

        Assert.Contains("has migration 0002_query.sql, which this build of Dermis", error.Message, StringComparison.Ordinal);
        Assert.Contains("migrated by a newer Dermis", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Migrate_failing_midway_rolls_back_every_migration_of_the_run(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = DermisDatabase.Create(test.Target);
        var broken = new Migration(2, "broken", "CREATE TABLE query (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);");

        var error = await Assert.ThrowsAsync<MigrationIntegrityException>(() => new Migrator(database, [CreateVisit, broken]).MigrateAsync());

        Assert.Contains($"Migration 0002_broken.sql failed on {engine}", error.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync(database, "visit"));
        Assert.False(await TableExistsAsync(database, "query"));
        Assert.Equal(0, (await new Migrator(database, [CreateVisit]).GetStatusAsync()).CurrentVersion);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Migrate_from_several_processes_at_once_applies_each_migration_exactly_once(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        const int Starters = 4;
        var catalog = MigrationCatalog.For(test.Target.Kind);

        // Each starter has its own DermisDatabase (own pool, own connections), as separate processes would.
        var databases = Enumerable.Range(0, Starters).Select(_ => DermisDatabase.Create(test.Target)).ToArray();
        try
        {
            using var gate = new Barrier(Starters);
            var runs = databases.Select(db => Task.Run(async () =>
            {
                gate.SignalAndWait();
                return await new Migrator(db).MigrateAsync();
            }));
            var results = await Task.WhenAll(runs);

            Assert.Single(results, applied => applied.Count == catalog.Count);
            Assert.Equal(Starters - 1, results.Count(applied => applied.Count == 0));
            await using var connection = await databases[0].OpenConnectionAsync();
            Assert.Equal(catalog.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_version"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM installation"));
        }
        finally
        {
            foreach (var db in databases)
            {
                await db.DisposeAsync();
            }
        }
    }

    private static async Task<bool> TableExistsAsync(DermisDatabase database, string table)
    {
        await using var connection = await database.OpenConnectionAsync();
        var sql = database.Target.Kind == DatabaseKind.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @table";
        return await connection.ExecuteScalarAsync<int>(sql, new { table }) == 1;
    }
}
