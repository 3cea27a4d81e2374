using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace Dermis.Storage.Database;

/// <summary>PostgreSQL 15+: pooled through one <see cref="NpgsqlDataSource"/>; migrations serialised by an advisory lock.</summary>
internal sealed class PostgresDatabase(DatabaseTarget target) : DermisDatabase(target)
{
    // Arbitrary but fixed: every Dermis process must use the same key ("DERMIS" in ASCII).
    private const long MigrationLockKey = 0x44_45_52_4D_49_53;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(Tune(target.ConnectionString));

    internal override string SchemaVersionTableExistsSql =>
        "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 ELSE 1 END";

    internal override string CreateSchemaVersionTableSql => """
        CREATE TABLE IF NOT EXISTS schema_version (
            version        integer PRIMARY KEY,
            name           text NOT NULL,
            checksum       text NOT NULL,
            applied_at     timestamptz NOT NULL,
            dermis_version text NOT NULL
        )
        """;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or SocketException)
        {
            throw new DatabaseConfigurationException(
                $"Cannot connect to PostgreSQL at {Target.Display}: {Reason(e)}. " +
                "Check that the server is running and that --db names the right host, port, database, user and password.", e);
        }
    }

    public override string ForUpdate => " FOR UPDATE";

    public override async Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.BeginTransactionAsync(cancellationToken);
    }

    public override async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.BeginTransactionAsync(cancellationToken);
    }

    internal override async Task<DbTransaction> BeginMigrationTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Transaction-scoped: released by commit or rollback, even if this process dies.
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>
    /// Dermis sends the same few dozen statements over and over: let Npgsql prepare them on the
    /// server after their second use, so PostgreSQL parses and plans each once per connection.
    /// Dermis keeps no session state (its only advisory lock is transaction-scoped and every unit of
    /// work ends in commit or rollback), so a pooled connection needs no reset batch on each return:
    /// that batch cost the server as much work as a save's own reads. Either default yields to the
    /// user's connection string.
    /// </summary>
    private static string Tune(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 128;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static string Reason(Exception e) => e switch
    {
        PostgresException postgres => postgres.MessageText,
        _ when e.InnerException is SocketException socket => socket.Message,
        _ when e.InnerException is TimeoutException => "the connection timed out",
        _ => e.Message,
    };
}
