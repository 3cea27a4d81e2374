namespace Dermis.Storage.Migrations;

/// <summary>
/// The database's recorded migrations do not match this build: an applied migration's file has
/// changed, or the database was migrated by a newer build. Start-up is refused; nothing is changed.
/// </summary>
public sealed class MigrationIntegrityException : Exception
{
    /// <summary>Creates the exception with a message that names the migration and the fix.</summary>
    public MigrationIntegrityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that names the migration and the fix.</summary>
    public MigrationIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
