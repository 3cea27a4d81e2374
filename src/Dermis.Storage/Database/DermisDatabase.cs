using System.Data.Common;

namespace Dermis.Storage.Database;

/// <summary>
/// One Dermis database, SQLite or PostgreSQL: hands out open connections and knows the few
/// things that differ between the two engines (connection set-up, the migration lock).
/// </summary>
/// <remarks>Thread-safe; create one per process and dispose it at shutdown.</remarks>
public abstract class DermisDatabase : IAsyncDisposable
{
    private protected DermisDatabase(DatabaseTarget target) => Target = target;

    /// <summary>Which database this is.</summary>
    public DatabaseTarget Target { get; }

    /// <summary>The engine, as it is named in <c>/health</c> and <c>dermis db status</c>.</summary>
    public string EngineName => Target.Kind switch
    {
        DatabaseKind.Sqlite => "sqlite",
        DatabaseKind.PostgreSql => "postgresql",
        _ => throw new InvalidOperationException($"Unknown database kind {Target.Kind}."),
    };

    /// <summary>Opens the database named by <paramref name="target"/>; no connection is made yet.</summary>
    public static DermisDatabase Create(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind switch
        {
            DatabaseKind.Sqlite => new SqliteDatabase(target),
            DatabaseKind.PostgreSql => new PostgresDatabase(target),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "Unknown database kind."),
        };
    }

    /// <summary>Opens a pooled connection, ready for use.</summary>
    /// <exception cref="DatabaseConfigurationException">The database cannot be reached or opened; the message says why.</exception>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts the transaction that applies migrations, holding a lock that keeps every other
    /// process from migrating the same database until it ends.
    /// </summary>
    internal abstract Task<DbTransaction> BeginMigrationTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a read-write transaction. SQLite takes the write lock at once (BEGIN IMMEDIATE), so two
    /// writers queue on the busy timeout instead of failing on a lock upgrade; PostgreSQL runs READ COMMITTED.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken = default);

    /// <summary>True when the engine admits one writer at a time (SQLite): work that can be done before writing should be.</summary>
    public virtual bool SerializesWriters => false;

    /// <summary>
    /// Waits for this process's turn to write, before <see cref="BeginWriteTransactionAsync"/>. SQLite
    /// allows one writer; queueing writers here, in order, spares them SQLite's busy handler, which
    /// sleeps in growing steps and turns contention into 100 ms tail latencies. PostgreSQL needs no gate.
    /// </summary>
    /// <returns>Disposing it lets the next writer in; dispose right after commit or rollback.</returns>
    public virtual ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Starts a read transaction: a consistent snapshot that takes no write lock.</summary>
    public abstract Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection, CancellationToken cancellationToken = default);

    /// <summary>The clause that locks selected rows until commit (<c> FOR UPDATE</c>; empty on SQLite, whose write transaction already excludes other writers).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>A query returning 1 when the schema-version table exists, 0 otherwise.</summary>
    internal abstract string SchemaVersionTableExistsSql { get; }

    /// <summary>DDL of the schema-version table, in this engine's dialect.</summary>
    internal abstract string CreateSchemaVersionTableSql { get; }

    /// <inheritdoc/>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
