namespace Dermis.Storage.Migrations;

/// <summary>One row of <see cref="MigrationStatus"/>.</summary>
/// <param name="Version">Migration number.</param>
/// <param name="Name">Migration name (from the file, or as recorded when applied).</param>
/// <param name="State">How it stands.</param>
/// <param name="AppliedAt">When it was applied (UTC), if it was.</param>
/// <param name="AppliedChecksum">The checksum recorded when applied, if it was.</param>
/// <param name="FileChecksum">The checksum of the file in this build, if there is one.</param>
public sealed record MigrationStatusEntry(
    int Version,
    string Name,
    MigrationState State,
    DateTimeOffset? AppliedAt,
    string? AppliedChecksum,
    string? FileChecksum);

/// <summary>Every migration this build knows or the database has recorded, in version order.</summary>
public sealed record MigrationStatus(IReadOnlyList<MigrationStatusEntry> Entries)
{
    /// <summary>The highest applied version, 0 for an empty database.</summary>
    public int CurrentVersion => Entries.Where(e => e.State != MigrationState.Pending).Select(e => e.Version).DefaultIfEmpty(0).Max();

    /// <summary>Migrations that <see cref="Migrator.MigrateAsync"/> would apply.</summary>
    public IEnumerable<MigrationStatusEntry> Pending => Entries.Where(e => e.State == MigrationState.Pending);

    /// <summary>True when a migration was changed after it was applied, or the database is newer than this build.</summary>
    public bool IsInconsistent => Entries.Any(e => e.State is MigrationState.Changed or MigrationState.Unknown);
}
