using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;

namespace Dermis.Storage.Backup;

/// <summary>
/// Backup and restore of a whole Dermis database into one file: a zip with <c>manifest.json</c>
/// (format, engine, schema version, tables with row counts, SHA-256 of every entry) and the data,
/// SQLite's online-backup copy or one PostgreSQL <c>COPY</c> text entry per table.
/// </summary>
/// <remarks>
/// Both are consistent while the server keeps writing (one SQLite read transaction; one PostgreSQL
/// REPEATABLE READ snapshot). A restore checks everything it can before it writes, writes all or
/// nothing (SQLite: temporary file and rename; PostgreSQL: one transaction), and then verifies every
/// audit chain of the restored database with <see cref="TrialStore.VerifyAuditAsync"/>.
/// Format and guarantees: docs/operations.md.
/// </remarks>
public static class DatabaseBackup
{
    /// <summary>Writes a backup of <paramref name="database"/> to <paramref name="outputPath"/>.</summary>
    /// <param name="database">The database to back up; it may be in use.</param>
    /// <param name="outputPath">The backup file; its folder must exist. Written under a temporary name and renamed when complete.</param>
    /// <param name="overwrite">Replace an existing file at <paramref name="outputPath"/>; otherwise that is refused.</param>
    /// <param name="time">Clock for the manifest's <c>createdAt</c> and the elapsed time; the system clock by default.</param>
    /// <param name="cancellationToken">Cancels the backup; no file is left behind.</param>
    /// <exception cref="BackupException">The output cannot be written, or the database was migrated by a newer Dermis.</exception>
    /// <exception cref="DatabaseConfigurationException">The database cannot be reached.</exception>
    public static async Task<BackupSummary> BackupAsync(DermisDatabase database, string outputPath, bool overwrite = false, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var path = FullPath(outputPath, nameof(outputPath));
        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        using var writer = BackupWriter.Create(path, overwrite);
        var manifest = database.Target.Kind switch
        {
            DatabaseKind.Sqlite => await SqliteBackup.BackupAsync(database, writer, path, clock, cancellationToken),
            DatabaseKind.PostgreSql => await PostgresBackup.BackupAsync(database, writer, clock, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(database), database.Target.Kind, "Unknown database kind."),
        };
        var size = writer.Finish(manifest);
        return new BackupSummary(path, manifest.Engine, size, manifest.Tables.Count, manifest.Rows, manifest.SchemaVersion, clock.GetElapsedTime(started));
    }

    /// <summary>
    /// Restores the backup at <paramref name="backupPath"/> into <paramref name="target"/>, then
    /// verifies every audit chain of the result. Before anything is written the manifest is checked
    /// (engine, format, schema version, migration checksums) and every entry's SHA-256 and row count.
    /// </summary>
    /// <param name="target">The database to restore into: new or without Dermis tables, unless <paramref name="force"/>.</param>
    /// <param name="backupPath">A file written by <see cref="BackupAsync"/> for the same engine.</param>
    /// <param name="force">Replace a target that holds Dermis tables (SQLite: swap the file atomically; PostgreSQL: drop them in the restore transaction).</param>
    /// <param name="time">Clock for the elapsed time; the system clock by default.</param>
    /// <param name="cancellationToken">Cancels the restore before its commit or rename; the target is then unchanged.</param>
    /// <returns>Tables and rows restored and the audit verification; a broken chain is reported here, not thrown, because the data was restored as it was backed up.</returns>
    /// <exception cref="BackupException">The backup or the target is unusable (see <see cref="BackupException.Problem"/>); the target is unchanged.</exception>
    /// <exception cref="DatabaseConfigurationException">The target cannot be reached.</exception>
    public static async Task<RestoreSummary> RestoreAsync(DermisDatabase target, string backupPath, bool force = false, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var path = FullPath(backupPath, nameof(backupPath));
        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        BackupManifest manifest;
        using (var archive = BackupArchive.Open(path, target.Target.Kind))
        {
            manifest = archive.Manifest;
            await archive.VerifyAsync(cancellationToken);
            switch (target.Target.Kind)
            {
                case DatabaseKind.Sqlite:
                    await SqliteBackup.RestoreAsync(target, archive, force, cancellationToken);
                    break;
                case DatabaseKind.PostgreSql:
                    await PostgresRestore.RestoreAsync(target, archive, force, cancellationToken);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(target), target.Target.Kind, "Unknown database kind.");
            }
        }

        IReadOnlyList<AuditVerification> audit;
        await using (var store = await TrialStore.BeginAsync(target, write: false, cancellationToken))
        {
            audit = await store.VerifyAuditAsync(cancellationToken);
        }

        return new RestoreSummary(manifest.Engine, manifest.Tables.Count, manifest.Rows, manifest.SchemaVersion, audit, clock.GetElapsedTime(started));
    }

    private static string FullPath(string path, string field)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"{field} '{path}' is blank; name a file, e.g. ./backups/dermis-2026-01-31.zip.", field);
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"{field} '{path}' is not a valid file path: {e.Message}", field, e);
        }
    }
}
