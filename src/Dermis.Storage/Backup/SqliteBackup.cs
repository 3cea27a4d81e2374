using System.Data.Common;
using Dapper;
using Dermis.Storage.Database;
using Microsoft.Data.Sqlite;

namespace Dermis.Storage.Backup;

/// <summary>
/// SQLite: the backup is a copy made by SQLite's online backup API, in one step under one read
/// transaction, so it is the database as of one instant while the server keeps writing (WAL mode
/// lets writers go on). A restore writes the copy to a temporary file beside the target, checks it
/// and renames it over the target: readers see the old file or the new one, never a mixture.
/// </summary>
internal static class SqliteBackup
{
    public const string DatabaseEntry = "database.sqlite";

    public static async Task<BackupManifest> BackupAsync(DermisDatabase database, BackupWriter writer, string outPath, TimeProvider time, CancellationToken cancellationToken)
    {
        var snapshot = TempBeside(outPath, "snapshot");
        try
        {
            DateTimeOffset createdAt;
            await using (var source = (SqliteConnection)await database.OpenConnectionAsync(cancellationToken))
            await using (var copy = OpenFile(snapshot, SqliteOpenMode.ReadWriteCreate))
            {
                await copy.OpenAsync(cancellationToken);
                createdAt = time.GetUtcNow();
                // Microsoft.Data.Sqlite passes -1 to sqlite3_backup_step: every page in one step, so the
                // copy never restarts when another connection writes and is one consistent snapshot.
                source.BackupDatabase(copy);
                // The copy inherits WAL mode; a rollback journal keeps it one self-contained file.
                await copy.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = DELETE", cancellationToken: cancellationToken));
            }

            var (migrations, tables) = await DescribeAsync(snapshot, database, cancellationToken);
            using (var hashing = writer.AddEntry(DatabaseEntry))
            {
                await using (var file = new FileStream(snapshot, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
                {
                    await file.CopyToAsync(hashing, cancellationToken);
                }

                writer.Complete(DatabaseEntry, hashing);
            }

            return new BackupManifest(BackupManifest.CurrentFormatVersion, "sqlite", migrations[^1].Version, migrations, tables, [], createdAt, BackupFormat.DermisVersion);
        }
        finally
        {
            File.Delete(snapshot);
        }
    }

    public static async Task RestoreAsync(DermisDatabase target, BackupArchive archive, bool force, CancellationToken cancellationToken)
    {
        var path = target.Target.Display;
        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        if (exists)
        {
            await RefuseDermisDataAsync(target, path, force, cancellationToken);
        }

        var manifest = archive.Manifest;
        var entry = manifest.Entries.FirstOrDefault(e => e.Name == DatabaseEntry)
            ?? throw new BackupException(BackupProblem.Corrupt, $"it is corrupt: the manifest lists no entry '{DatabaseEntry}'. Take a new backup, or use another copy");
        var temp = TempBeside(path, "restoring");
        try
        {
            using (var hashing = archive.OpenEntry(entry.Name))
            {
                await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    await hashing.CopyToAsync(file, cancellationToken);
                    file.Flush(flushToDisk: true);
                }

                // Again while extracting: the file may have changed since it was verified.
                BackupArchive.Expect(entry, hashing);
            }

            var (migrations, tables) = await DescribeAsync(temp, target, cancellationToken);
            BackupCheck.SameAsManifest(manifest, migrations[^1].Version, tables.ToDictionary(t => t.Name, t => t.Rows, StringComparer.Ordinal));
            if (exists)
            {
                await EnsureNotInUseAsync(target, path, cancellationToken);
            }

            // rename(2): atomic on one file system, which "beside the target" guarantees.
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Integrity check, schema version and row counts of a database file that no one else has open.</summary>
    private static async Task<(List<BackupMigration> Migrations, List<BackupTable> Tables)> DescribeAsync(string path, DermisDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = OpenFile(path, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(cancellationToken);
        var integrity = (await connection.QueryAsync<string>(new CommandDefinition("PRAGMA integrity_check", cancellationToken: cancellationToken))).ToList();
        if (integrity is not ["ok"])
        {
            throw new BackupException(BackupProblem.CheckFailed,
                $"SQLite's integrity check of the copy of {database.Target.Display} failed: {string.Join("; ", integrity.Take(5))}. Nothing was replaced");
        }

        var migrations = await BackupFormat.ReadMigrationsAsync(connection, null, database, cancellationToken);
        var tables = new List<BackupTable>();
        foreach (var name in await BackupFormat.ExistingDermisTablesAsync(connection, null, DatabaseKind.Sqlite, cancellationToken))
        {
            var columns = await connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM pragma_table_info(@name) ORDER BY cid", new { name }, cancellationToken: cancellationToken));
            var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {BackupFormat.Quote(name)}", cancellationToken: cancellationToken));
            tables.Add(new BackupTable(name, [.. columns], rows, null));
        }

        return (migrations, tables);
    }

    private static async Task RefuseDermisDataAsync(DermisDatabase target, string path, bool force, CancellationToken cancellationToken)
    {
        await using var connection = OpenFile(path, SqliteOpenMode.ReadWrite);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var present = await BackupFormat.ExistingDermisTablesAsync(connection, null, DatabaseKind.Sqlite, cancellationToken);
            if (present.Count > 0 && !force)
            {
                var studies = present.Contains("study")
                    ? await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM study", cancellationToken: cancellationToken))
                    : 0;
                throw BackupCheck.NotEmpty(present.Count, studies);
            }
        }
        catch (SqliteException e)
        {
            throw new DatabaseConfigurationException(
                $"Cannot open the SQLite database '{path}': {e.Message.TrimEnd('.')}. --db must name a SQLite database file or a new file to create", e);
        }
    }

    /// <summary>
    /// Checkpoints the target's WAL into the file and closes this process's connections. SQLite
    /// deletes the <c>-wal</c> file when the last connection closes; if it is still there, another
    /// process (a running server) has the database open and would go on writing into the replaced file.
    /// </summary>
    private static async Task EnsureNotInUseAsync(DermisDatabase target, string path, CancellationToken cancellationToken)
    {
        SqliteConnection.ClearPool(new SqliteConnection(target.Target.ConnectionString));
        await using (var connection = OpenFile(path, SqliteOpenMode.ReadWrite))
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
        }

        if (File.Exists(path + "-wal"))
        {
            throw new BackupException(BackupProblem.TargetInUse,
                "another process has this database open (its write-ahead log is still there); stop the Dermis server that uses it, then restore again");
        }
    }

    private static SqliteConnection OpenFile(string path, SqliteOpenMode mode) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
    }.ConnectionString);

    private static string TempBeside(string path, string purpose) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{purpose}-{Guid.NewGuid():N}");
}
