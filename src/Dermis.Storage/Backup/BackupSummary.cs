namespace Dermis.Storage.Backup;

/// <summary>What <see cref="DatabaseBackup.BackupAsync"/> wrote.</summary>
/// <param name="Path">The backup file (full path).</param>
/// <param name="Engine"><c>sqlite</c> or <c>postgresql</c>: the engine it restores into.</param>
/// <param name="SizeBytes">Size of the backup file in bytes.</param>
/// <param name="Tables">Dermis tables in the backup, <c>schema_version</c> included.</param>
/// <param name="Rows">Rows over all those tables.</param>
/// <param name="SchemaVersion">Highest applied migration of the database backed up.</param>
/// <param name="Elapsed">Wall-clock time from the first read to the file in place.</param>
public sealed record BackupSummary(string Path, string Engine, long SizeBytes, int Tables, long Rows, int SchemaVersion, TimeSpan Elapsed);
