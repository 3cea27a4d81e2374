using Dapper;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Testing;

namespace Dermis.Storage.Tests;

public sealed class DatabaseConnectionTests
{
    [Fact]
    public async Task Sqlite_connection_runs_in_wal_mode_with_a_busy_timeout_and_foreign_keys()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var database = DermisDatabase.Create(test.Target);

        await using var connection = await database.OpenConnectionAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(10_000, await connection.ExecuteScalarAsync<int>("PRAGMA busy_timeout"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
    }

    [Theory]
    [InlineData(1)] // shorter than a SQLite header: fails at the first write lock
    [InlineData(200)] // longer than a page: fails at the first read
    public async Task Sqlite_file_that_is_not_a_database_gives_a_clear_message(int rows)
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await File.WriteAllTextAsync(test.Target.Display, "participant,visit\n" + string.Concat(Enumerable.Repeat("1001,baseline\n", rows)));
        await using var database = DermisDatabase.Create(test.Target);

        var error = await Assert.ThrowsAsync<DatabaseConfigurationException>(() => new Migrator(database).MigrateAsync());

        Assert.StartsWith($"Cannot open the SQLite database '{test.Target.Display}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains("file is not a database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_that_refuses_connections_gives_a_clear_message()
    {
        // Port 1 (tcpmux) is closed on any machine that runs these tests: the connection is refused at once.
        var target = DatabaseTarget.Parse("Host=127.0.0.1;Port=1;Database=trial;Username=dermis;Password=secret;Timeout=5", Path.GetTempPath());
        await using var database = DermisDatabase.Create(target);

        var error = await Assert.ThrowsAsync<DatabaseConfigurationException>(() => new Migrator(database).MigrateAsync());

        Assert.Equal(
            "Cannot connect to PostgreSQL at 127.0.0.1:1/trial: Connection refused. " +
            "Check that the server is running and that --db names the right host, port, database, user and password.",
            error.Message);
    }

    [PostgresFact]
    public async Task Postgres_missing_database_gives_the_server_reason()
    {
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.PostgresAdminConnectionString) { Database = "no_such_dermis_db" };
        await using var database = DermisDatabase.Create(DatabaseTarget.Parse(admin.ConnectionString, Path.GetTempPath()));

        var error = await Assert.ThrowsAsync<DatabaseConfigurationException>(() => database.OpenConnectionAsync());

        Assert.Contains("database \"no_such_dermis_db\" does not exist", error.Message, StringComparison.Ordinal);
    }
}
