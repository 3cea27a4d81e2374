namespace Dermis.Storage.Backup;

/// <summary>Why a backup or restore was refused; each names the input at fault, so a caller can point at its option.</summary>
public enum BackupProblem
{
    /// <summary>The backup file does not exist or cannot be read.</summary>
    SourceMissing,

    /// <summary>The file is not a Dermis backup (no manifest, not a zip, a raw database file).</summary>
    NotABackup,

    /// <summary>An entry's SHA-256, size or row count differs from the manifest: the file was changed or truncated.</summary>
    Corrupt,

    /// <summary>The backup was taken at a schema version or in a format this build does not know.</summary>
    NewerSchema,

    /// <summary>The backup was taken from the other engine (SQLite into PostgreSQL or the reverse).</summary>
    WrongEngine,

    /// <summary>The target database already holds Dermis tables and no force was given.</summary>
    TargetNotEmpty,

    /// <summary>The target SQLite file is open in another process (a running server).</summary>
    TargetInUse,

    /// <summary>The output file exists and no force was given, or its folder is missing.</summary>
    OutputUnusable,

    /// <summary>A check of the data itself failed (integrity check, row counts after writing): not the user's input; nothing was replaced.</summary>
    CheckFailed,

    /// <summary>The database to back up was migrated by a newer Dermis, or was changed after migration.</summary>
    SourceNewerThanBuild,
}
