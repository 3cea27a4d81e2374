namespace Dermis.Storage.Migrations;

/// <summary>How one migration of this build stands against a database.</summary>
public enum MigrationState
{
    /// <summary>Applied, with the same checksum as the file in this build.</summary>
    Applied,

    /// <summary>In this build, not yet applied.</summary>
    Pending,

    /// <summary>Applied, but the file in this build differs from what was applied: refused.</summary>
    Changed,

    /// <summary>Applied by another (newer) build; this build has no such file: refused.</summary>
    Unknown,
}
