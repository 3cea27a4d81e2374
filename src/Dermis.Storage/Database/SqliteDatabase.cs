using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Dermis.Storage.Database;

/// <summary>The embedded SQLite database: one file, WAL mode, a busy timeout for concurrent writers.</summary>
internal sealed class SqliteDatabase(DatabaseTarget target) : DermisDatabase(target)
{
    // Long enough for a migration or a large ingest batch of another process to finish.
    private const int BusyTimeoutMilliseconds = 10_000;

    internal override string SchemaVersionTableExistsSql =>
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";

    internal override string CreateSchemaVersionTableSql => """
        CREATE TABLE IF NOT EXISTS schema_version (
            version        INTEGER PRIMARY KEY,
            name           TEXT NOT NULL,
            checksum       TEXT NOT NULL,
            applied_at     TEXT NOT NULL,
            dermis_version TEXT NOT NULL
        )
        """;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(Target.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            // WAL lets readers (the dashboards) go on while one writer commits; NORMAL sync is
            // durable across application crashes in WAL mode and far faster than FULL. The read of
            // sqlite_master makes a file that is not a database fail here, not mid-transaction.
            pragmas.CommandText = $"""
                PRAGMA busy_timeout = {BusyTimeoutMilliseconds};
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA foreign_keys = ON;
                SELECT count(*) FROM sqlite_master;
                """;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw CannotOpen(e);
        }
    }

    public override string ForUpdate => "";

    private readonly SemaphoreSlim _writer = new(1, 1);

    public override bool SerializesWriters => true;

    public override async ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        return new WriterTurn(_writer);
    }

    public override async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await base.DisposeAsync();
    }

    private sealed class WriterTurn(SemaphoreSlim writer) : IDisposable
    {
        private SemaphoreSlim? _writer = writer;

        public void Dispose() => Interlocked.Exchange(ref _writer, null)?.Release();
    }

    public override Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        // Deferred: no lock until the first read, and in WAL mode readers never block the writer.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: true);
        return Task.FromResult(transaction);
    }

    public override Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        BeginMigrationTransactionAsync(connection, cancellationToken);

    internal override Task<DbTransaction> BeginMigrationTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE takes the write lock at once, so a second process blocks here (up to the
        // busy timeout) instead of both reading "nothing applied". In WAL mode SQLite treats
        // EXCLUSIVE exactly as IMMEDIATE (https://sqlite.org/lang_transaction.html).
        // Microsoft.Data.Sqlite has no asynchronous BEGIN; its busy handler waits on this thread.
        try
        {
            DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
            return Task.FromResult(transaction);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_NOTADB or SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_PERM)
        {
            // A file too short to hold a header passes the open and fails at the first write lock.
            throw CannotOpen(e);
        }
    }

    private DatabaseConfigurationException CannotOpen(SqliteException e) => new(
        $"Cannot open the SQLite database '{Target.Display}': {e.Message.TrimEnd('.')}. " +
        "Check that the file is a Dermis SQLite database and that this user may write to it and its folder.", e);
}
