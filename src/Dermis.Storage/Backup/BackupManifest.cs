using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dermis.Storage.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup file: what it holds and how to check it. Every other entry of
/// the zip is listed in <see cref="Entries"/> with its size and SHA-256, so one changed byte anywhere
/// in the data is found before a restore writes anything.
/// </summary>
/// <param name="FormatVersion">Layout of the file; <see cref="CurrentFormatVersion"/> is the only one so far.</param>
/// <param name="Engine"><c>sqlite</c> (one entry, the database file from SQLite's online backup) or <c>postgresql</c> (one COPY text entry per table).</param>
/// <param name="SchemaVersion">Highest migration applied to the database backed up.</param>
/// <param name="Migrations">The database's <c>schema_version</c> rows: a restore checks each checksum against its own migration files.</param>
/// <param name="Tables">Dermis tables in foreign-key order (referenced before referencing), with their row counts.</param>
/// <param name="Entries">Every data entry of the zip with its size and SHA-256.</param>
/// <param name="CreatedAt">When the snapshot was taken (UTC).</param>
/// <param name="DermisVersion">Version of the Dermis build that wrote the file.</param>
internal sealed record BackupManifest(
    int FormatVersion,
    string Engine,
    int SchemaVersion,
    IReadOnlyList<BackupMigration> Migrations,
    IReadOnlyList<BackupTable> Tables,
    IReadOnlyList<BackupEntry> Entries,
    DateTimeOffset CreatedAt,
    string DermisVersion)
{
    /// <summary>The format this build writes and the newest it reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Name of the manifest inside the zip.</summary>
    public const string EntryName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Total rows over all tables.</summary>
    [JsonIgnore]
    public long Rows => Tables.Sum(t => t.Rows);

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Parses a manifest; null when the text is not one (malformed JSON or a missing field).</summary>
    public static BackupManifest? Parse(Stream utf8)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(utf8, Json);
        }
        catch (JsonException)
        {
            return null;
        }

        // System.Text.Json leaves absent members null whatever the nullability annotations say.
        return manifest is { Engine: not null, Migrations: not null, Tables: not null, Entries: not null, DermisVersion: not null }
               && manifest.Tables.All(t => t is { Name: not null, Columns: not null })
               && manifest.Entries.All(e => e is { Name: not null, Sha256: not null })
            ? manifest
            : null;
    }
}

/// <summary>One applied migration as recorded in the backed-up database.</summary>
/// <param name="Version">Migration number.</param>
/// <param name="Name">Migration name.</param>
/// <param name="Checksum">SHA-256 of the migration text when it was applied.</param>
internal sealed record BackupMigration(int Version, string Name, string Checksum);

/// <summary>One table of the backup.</summary>
/// <param name="Name">Table name.</param>
/// <param name="Columns">Column names in the order of the COPY data (PostgreSQL) or of the table (SQLite).</param>
/// <param name="Rows">Row count in the snapshot.</param>
/// <param name="Entry">The zip entry holding its rows (PostgreSQL), or null when they live in the database file (SQLite).</param>
internal sealed record BackupTable(string Name, IReadOnlyList<string> Columns, long Rows, string? Entry);

/// <summary>One data entry of the zip.</summary>
/// <param name="Name">Entry name inside the zip.</param>
/// <param name="Bytes">Uncompressed size in bytes.</param>
/// <param name="Sha256">SHA-256 of the uncompressed bytes, lowercase hex.</param>
internal sealed record BackupEntry(string Name, long Bytes, string Sha256);
