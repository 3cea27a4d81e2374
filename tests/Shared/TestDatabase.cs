using Dermis.Storage.Database;
using Npgsql;

namespace Dermis.Testing;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temporary folder, or a new database
/// on the throw-away PostgreSQL cluster that ./test.sh starts (DERMIS_TEST_POSTGRES). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    private readonly string? _postgresName;

    private TestDatabase(DatabaseTarget target, string? folder, string? postgresName)
    {
        Target = target;
        Folder = folder;
        _postgresName = postgresName;
    }

    /// <summary>Where the database is.</summary>
    public DatabaseTarget Target { get; }

    /// <summary>The temporary folder of a SQLite database (null for PostgreSQL).</summary>
    public string? Folder { get; }

    /// <summary>The connection string of the PostgreSQL cluster for tests, or null when none is configured.</summary>
    public static string? PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("DERMIS_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>True in CI, where a missing PostgreSQL must fail the run rather than skip tests.</summary>
    public static bool PostgresRequired =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The engines to run database tests on: SQLite always; PostgreSQL when configured or required.</summary>
    public static TheoryData<string> Engines
    {
        get
        {
            var engines = new TheoryData<string> { Sqlite };
            if (PostgresAdminConnectionString is not null || PostgresRequired)
            {
                engines.Add(PostgreSql);
            }

            return engines;
        }
    }

    public static async Task<TestDatabase> CreateAsync(string engine)
    {
        if (engine == Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("dermis-test-").FullName;
            return new TestDatabase(DatabaseTarget.Parse(Path.Combine(folder, "dermis.db"), folder), folder, null);
        }

        var admin = PostgresAdminConnectionString ?? throw new InvalidOperationException(
            "DERMIS_TEST_POSTGRES is not set, but CI=true requires the PostgreSQL tests to run. Run the tests through ./test.sh, which starts a PostgreSQL cluster.");
        var name = "dermis_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseTarget.Parse(builder.ConnectionString, Path.GetTempPath()), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (Folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
