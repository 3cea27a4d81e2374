using System.Data.Common;
using System.Reflection;
using Dapper;
using Dermis.Storage.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dermis.Storage.Migrations;

/// <summary>
/// Brings a database to this build's schema: applies pending migrations in version order, all in
/// one transaction, under a lock that lets only one process migrate at a time, and records each in
/// <c>schema_version</c> with its checksum.
/// </summary>
public sealed partial class Migrator
{
    private readonly DermisDatabase _database;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a migrator for <paramref name="database"/>.</summary>
    /// <param name="database">The database to migrate.</param>
    /// <param name="migrations">The migrations of this build; by default the embedded files for the database's engine.</param>
    /// <param name="time">Clock for <c>applied_at</c>; the system clock by default.</param>
    /// <param name="logger">Where to log applied migrations.</param>
    public Migrator(DermisDatabase database, IReadOnlyList<Migration>? migrations = null, TimeProvider? time = null, ILogger<Migrator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _migrations = migrations ?? MigrationCatalog.For(database.Target.Kind);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<Migrator>.Instance;
    }

    private static string DermisVersion { get; } =
        typeof(Migrator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Applies every pending migration; returns those applied (none when already current).</summary>
    /// <exception cref="MigrationIntegrityException">An applied migration changed, or the database is newer than this build. Nothing is applied.</exception>
    /// <exception cref="DatabaseConfigurationException">The database cannot be reached.</exception>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await _database.BeginMigrationTransactionAsync(connection, cancellationToken);

        await connection.ExecuteAsync(new CommandDefinition(_database.CreateSchemaVersionTableSql, transaction: transaction, cancellationToken: cancellationToken));
        var status = Compare(await ReadAppliedAsync(connection, transaction, cancellationToken));
        ThrowIfInconsistent(status);

        var applied = new List<Migration>();
        foreach (var entry in status.Pending)
        {
            var migration = _migrations.First(m => m.Version == entry.Version);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            }
            catch (DbException e)
            {
                throw new MigrationIntegrityException(
                    $"Migration {migration.FileName} failed on {_database.EngineName} ({e.Message}); nothing was applied.", e);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, checksum, applied_at, dermis_version) VALUES (@Version, @Name, @Checksum, @AppliedAt, @DermisVersion)",
                new { migration.Version, migration.Name, migration.Checksum, AppliedAt = _time.GetUtcNow(), DermisVersion },
                transaction,
                cancellationToken: cancellationToken));
            applied.Add(migration);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var migration in applied)
        {
            LogApplied(migration.FileName, _database.Target.Display);
        }

        return applied;
    }

    /// <summary>Compares the database with this build without changing either.</summary>
    public async Task<MigrationStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(_database.SchemaVersionTableExistsSql, cancellationToken: cancellationToken));
        var applied = exists == 1 ? await ReadAppliedAsync(connection, null, cancellationToken) : [];
        return Compare(applied);
    }

    private MigrationStatus Compare(IReadOnlyList<AppliedMigration> applied)
    {
        var entries = new List<MigrationStatusEntry>();
        foreach (var migration in _migrations)
        {
            var record = applied.FirstOrDefault(a => a.Version == migration.Version);
            var state = record is null ? MigrationState.Pending
                : record.Checksum == migration.Checksum ? MigrationState.Applied
                : MigrationState.Changed;
            entries.Add(new MigrationStatusEntry(migration.Version, migration.Name, state, record?.AppliedAt, record?.Checksum, migration.Checksum));
        }

        foreach (var record in applied)
        {
            if (!_migrations.Any(m => m.Version == record.Version))
            {
                entries.Add(new MigrationStatusEntry(record.Version, record.Name, MigrationState.Unknown, record.AppliedAt, record.Checksum, null));
            }
        }

        entries.Sort((a, b) => a.Version.CompareTo(b.Version));
        return new MigrationStatus(entries);
    }

    private void ThrowIfInconsistent(MigrationStatus status)
    {
        foreach (var entry in status.Entries)
        {
            var file = $"{entry.Version:D4}_{entry.Name}.sql";
            switch (entry.State)
            {
                case MigrationState.Changed:
                    throw new MigrationIntegrityException(
                        $"Migration {file} was applied to {_database.Target.Display} on {entry.AppliedAt:u} with checksum {entry.AppliedChecksum}, " +
                        $"but the file in this build has checksum {entry.FileChecksum}. An applied migration must never change: " +
                        "restore the original file and put the change in a new migration. Nothing was applied.");
                case MigrationState.Unknown:
                    throw new MigrationIntegrityException(
                        $"The database {_database.Target.Display} has migration {file}, which this build of Dermis ({DermisVersion}) does not have: " +
                        "it was migrated by a newer Dermis. Run that version or a later one. Nothing was applied.");
                default:
                    break;
            }
        }
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, name, checksum, applied_at FROM schema_version ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(new AppliedMigration(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return applied;
    }

    private sealed record AppliedMigration(int Version, string Name, string Checksum, DateTimeOffset AppliedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration} to {Database}")]
    private partial void LogApplied(string migration, string database);
}
