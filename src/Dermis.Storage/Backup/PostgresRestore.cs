using System.Text;
using Dapper;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Npgsql;

namespace Dermis.Storage.Backup;

/// <summary>
/// PostgreSQL restore in one transaction: (with force) drop the Dermis tables, run this build's
/// migrations up to the backup's schema version, <c>COPY … FROM STDIN</c> every table in
/// foreign-key order, move every identity sequence past the restored ids, check the counts, commit.
/// DDL is transactional in PostgreSQL, so a failure at any step leaves the target as it was.
/// </summary>
internal static class PostgresRestore
{
    private const int CharBuffer = 1 << 15;

    public static async Task RestoreAsync(DermisDatabase target, BackupArchive archive, bool force, CancellationToken cancellationToken)
    {
        var manifest = archive.Manifest;
        await using var connection = (NpgsqlConnection)await target.OpenConnectionAsync(cancellationToken);
        // The migration lock: a server starting meanwhile waits instead of migrating under the restore.
        await using var transaction = await target.BeginMigrationTransactionAsync(connection, cancellationToken);
        await Execute(connection, transaction, PostgresSchema.StableTextSettings, cancellationToken);

        var present = await BackupFormat.ExistingDermisTablesAsync(connection, transaction, DatabaseKind.PostgreSql, cancellationToken);
        if (present.Count > 0)
        {
            if (!force)
            {
                var studies = present.Contains("study")
                    ? await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM study", transaction: transaction, cancellationToken: cancellationToken))
                    : 0;
                throw BackupCheck.NotEmpty(present.Count, studies);
            }

            await Execute(connection, transaction, $"DROP TABLE {string.Join(", ", present.Select(BackupFormat.Quote))} CASCADE", cancellationToken);
        }

        await Execute(connection, transaction, target.CreateSchemaVersionTableSql, cancellationToken);
        foreach (var migration in MigrationCatalog.For(DatabaseKind.PostgreSql).Where(m => m.Version <= manifest.SchemaVersion))
        {
            await Execute(connection, transaction, migration.Sql, cancellationToken);
        }

        // Migrations seed rows (the installation); the backup's rows replace them, schema_version's included.
        await Execute(connection, transaction, $"TRUNCATE {string.Join(", ", manifest.Tables.Select(t => BackupFormat.Quote(t.Name)))}", cancellationToken);
        var buffer = new char[CharBuffer];
        foreach (var table in manifest.Tables)
        {
            var entry = manifest.Entries.FirstOrDefault(e => e.Name == table.Entry)
                ?? throw new BackupException(BackupProblem.Corrupt, $"it is corrupt: table {table.Name} has no entry in the manifest. Take a new backup, or use another copy");
            using var hashing = archive.OpenEntry(entry.Name);
            using (var reader = new StreamReader(hashing, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true))
            {
                var import = await connection.BeginTextImportAsync(PostgresBackup.CopySql(table.Name, table.Columns, "FROM STDIN"), cancellationToken);
                try
                {
                    int read;
                    while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
                    {
                        await import.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }

                    // Disposing the writer ends the COPY; PostgreSQL then reports any bad row.
                    await import.DisposeAsync();
                }
                catch
                {
                    await import.CancelAsync();
                    throw;
                }
            }

            // Again while restoring: the file may have changed since it was verified.
            BackupArchive.Expect(entry, hashing);
        }

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in await BackupFormat.ExistingDermisTablesAsync(connection, transaction, DatabaseKind.PostgreSql, cancellationToken))
        {
            rows[name] = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT count(*) FROM {BackupFormat.Quote(name)}", transaction: transaction, cancellationToken: cancellationToken));
        }

        var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT max(version) FROM schema_version", transaction: transaction, cancellationToken: cancellationToken));
        BackupCheck.SameAsManifest(manifest, version, rows);

        foreach (var (table, column) in await PostgresSchema.SequenceColumnsAsync(connection, transaction, cancellationToken))
        {
            if (!rows.ContainsKey(table))
            {
                continue;
            }

            // is_called = false: the next id handed out is max + 1 (1 for an empty table).
            await connection.ExecuteAsync(new CommandDefinition(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE(max({BackupFormat.Quote(column)}), 0) + 1, false) FROM {BackupFormat.Quote(table)}",
                new { table = BackupFormat.Quote(table), column }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static Task<int> Execute(NpgsqlConnection connection, System.Data.Common.DbTransaction transaction, string sql, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
}
