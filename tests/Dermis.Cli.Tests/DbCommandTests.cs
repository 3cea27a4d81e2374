using Dapper;
using Dermis.Storage.Database;
using Dermis.Testing;

namespace Dermis.Cli.Tests;

public sealed class DbCommandTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Db_migrate_applies_once_then_reports_nothing_to_apply(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);

        var first = await CliRun.RunAsync("db", "migrate", "--db", test.Target.ConnectionString);
        var second = await CliRun.RunAsync("db", "migrate", "--db", test.Target.ConnectionString);

        var catalog = Dermis.Storage.Migrations.MigrationCatalog.For(test.Target.Kind);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(
            $"Database: {engine} {test.Target.Display}\n" + string.Concat(catalog.Select(m => $"Applied {m.FileName}\n")) + $"Now at schema version {catalog.Count}.\n",
            first.Output);
        Assert.StartsWith($"Database: {engine} {test.Target.Display}\nApplied 0001_installation.sql\nApplied 0002_trials.sql\n", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.EndsWith($"Already at schema version {catalog.Count}; nothing to apply.\n", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_status_lists_pending_before_and_applied_after_migrate()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);

        var before = await CliRun.RunAsync("db", "status", "--db", test.Target.Display);
        await CliRun.RunAsync("db", "migrate", "--db", test.Target.Display);
        var after = await CliRun.RunAsync("db", "status", "--db", test.Target.Display);

        Assert.Equal(0, before.ExitCode);
        Assert.Contains("Schema version: 0\n", before.Output, StringComparison.Ordinal);
        Assert.Contains("0001     installation                     pending  -\n", before.Output, StringComparison.Ordinal);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("Schema version: 10\n", after.Output, StringComparison.Ordinal);
        Assert.Contains("0002     trials                           applied  ", after.Output, StringComparison.Ordinal);
        Assert.Matches(@"0001     installation                     applied  \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\n", after.Output);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Db_migrate_refuses_a_database_whose_recorded_checksum_differs(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await CliRun.RunAsync("db", "migrate", "--db", test.Target.ConnectionString);
        await using (var database = DermisDatabase.Create(test.Target))
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE schema_version SET checksum = 'c0ffee' WHERE version = 1");
        }

        var migrate = await CliRun.RunAsync("db", "migrate", "--db", test.Target.ConnectionString);
        var status = await CliRun.RunAsync("db", "status", "--db", test.Target.ConnectionString);

        Assert.Equal(1, migrate.ExitCode);
        Assert.StartsWith("dermis: Migration 0001_installation.sql was applied to ", migrate.Error, StringComparison.Ordinal);
        Assert.Contains("with checksum c0ffee, but the file in this build has checksum ", migrate.Error, StringComparison.Ordinal);
        Assert.False(migrate.ShowsStackTrace);
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("0001     installation                     changed ", status.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Colour=blue")]
    [InlineData("foo=bar")]
    [InlineData("/no/such/folder/dermis.db")]
    public async Task Bad_db_value_exits_2_naming_the_value_and_the_accepted_forms(string value)
    {
        var run = await CliRun.RunAsync("db", "status", "--db", value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"dermis: --db value '{value}' cannot be used: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(DatabaseTarget.AcceptedForms, run.Error, StringComparison.Ordinal);
        Assert.False(run.ShowsStackTrace);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("db", "migrate")]
    [InlineData("db", "status")]
    [InlineData("serve")]
    public async Task Unreachable_postgres_exits_2_with_a_clear_message(params string[] verb)
    {
        string[] args = [.. verb, "--db", "postgresql://dermis:secret@127.0.0.1:1/trial?timeout=5"];

        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "dermis: Cannot connect to PostgreSQL at 127.0.0.1:1/trial: Connection refused. " +
            "Check that the server is running and that --db names the right host, port, database, user and password.\n",
            run.Error);
        Assert.False(run.ShowsStackTrace);
    }
}
