using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;

namespace Dermis.Storage.Backup;

/// <summary>
/// A backup file opened for restore: the manifest read and checked against this build and the
/// target engine, and every entry checked against its SHA-256, before anything is written.
/// </summary>
internal sealed class BackupArchive : IDisposable
{
    /// <summary>Holds the lowercase hex SHA-256 of <c>manifest.json</c>, so that the manifest is covered as well as the data.</summary>
    public const string ManifestHashEntryName = "manifest.sha256";

    private static readonly byte[] ZipMagic = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();

    private readonly ZipArchive _zip;

    private BackupArchive(ZipArchive zip, BackupManifest manifest)
    {
        _zip = zip;
        Manifest = manifest;
    }

    public BackupManifest Manifest { get; }

    /// <summary>Opens <paramref name="path"/> and checks its manifest; throws <see cref="BackupException"/> naming the problem.</summary>
    public static BackupArchive Open(string path, DatabaseKind target)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new BackupException(BackupProblem.SourceMissing, $"the file cannot be read ({e.Message.TrimEnd('.')}); name a file written by 'dermis db backup'", e);
        }

        try
        {
            var head = new byte[SqliteMagic.Length];
            var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            file.Position = 0;
            if (read >= SqliteMagic.Length && head.AsSpan().SequenceEqual(SqliteMagic))
            {
                throw new BackupException(BackupProblem.NotABackup,
                    "it is a SQLite database file, not a Dermis backup; take a backup of it with 'dermis db backup --db <that file> --out <backup>' and restore that");
            }

            if (read < ZipMagic.Length || !head.AsSpan(0, ZipMagic.Length).SequenceEqual(ZipMagic))
            {
                throw new BackupException(BackupProblem.NotABackup, "it is not a Dermis backup (a zip file written by 'dermis db backup')");
            }

            var zip = OpenZip(file);
            try
            {
                var manifest = ReadManifest(zip);
                Check(manifest, target);
                return new BackupArchive(zip, manifest);
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads every entry the manifest lists and compares size, SHA-256 and (per table) row count; nothing is written.</summary>
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in Manifest.Entries)
        {
            await using var hashing = OpenEntry(entry.Name);
            try
            {
                await hashing.CopyToAsync(Stream.Null, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw Corrupt($"entry '{entry.Name}' cannot be decompressed ({e.Message.TrimEnd('.')})", e);
            }

            Expect(entry, hashing);
            var table = Manifest.Tables.FirstOrDefault(t => t.Entry == entry.Name);
            if (table is not null && hashing.LineFeeds != table.Rows)
            {
                throw Corrupt($"entry '{entry.Name}' holds {hashing.LineFeeds} rows of table {table.Name}, the manifest {table.Rows}");
            }
        }
    }

    /// <summary>Opens an entry for reading through a <see cref="HashingStream"/>; compare with <see cref="Expect"/> once read.</summary>
    public HashingStream OpenEntry(string name)
    {
        var entry = _zip.GetEntry(name) ?? throw Corrupt($"entry '{name}' listed in the manifest is missing");
        try
        {
            return new HashingStream(entry.Open());
        }
        catch (InvalidDataException e)
        {
            throw Corrupt($"entry '{name}' cannot be opened ({e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>Throws <see cref="BackupProblem.Corrupt"/> unless the bytes read through <paramref name="hashing"/> are those of <paramref name="entry"/>.</summary>
    public static void Expect(BackupEntry entry, HashingStream hashing)
    {
        if (hashing.Bytes != entry.Bytes || hashing.Sha256 != entry.Sha256)
        {
            throw Corrupt($"entry '{entry.Name}' has {hashing.Bytes} bytes with SHA-256 {hashing.Sha256}, the manifest {entry.Bytes} bytes with SHA-256 {entry.Sha256}");
        }
    }

    public void Dispose() => _zip.Dispose();

    private static ZipArchive OpenZip(FileStream file)
    {
        try
        {
            return new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt($"its zip structure is damaged or truncated ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static BackupManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName);
        var hashEntry = zip.GetEntry(ManifestHashEntryName);
        if (entry is null || hashEntry is null)
        {
            throw new BackupException(BackupProblem.NotABackup, $"it is a zip file without {BackupManifest.EntryName} and {ManifestHashEntryName}, not a Dermis backup");
        }

        try
        {
            byte[] bytes;
            using (var stream = entry.Open())
            using (var buffer = new MemoryStream())
            {
                stream.CopyTo(buffer);
                bytes = buffer.ToArray();
            }

            string expected;
            using (var reader = new StreamReader(hashEntry.Open(), Encoding.ASCII))
            {
                expected = reader.ReadToEnd().Trim();
            }

            var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (actual != expected)
            {
                throw Corrupt($"{BackupManifest.EntryName} has SHA-256 {actual}, {ManifestHashEntryName} records {expected}");
            }

            using var parse = new MemoryStream(bytes, writable: false);
            return BackupManifest.Parse(parse) ?? throw Corrupt($"{BackupManifest.EntryName} is not a valid manifest");
        }
        catch (InvalidDataException e)
        {
            throw Corrupt($"{BackupManifest.EntryName} cannot be decompressed ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static void Check(BackupManifest manifest, DatabaseKind target)
    {
        if (manifest.FormatVersion > BackupManifest.CurrentFormatVersion)
        {
            throw new BackupException(BackupProblem.NewerSchema,
                $"it is in backup format {manifest.FormatVersion}, written by Dermis {manifest.DermisVersion}; this Dermis ({BackupFormat.DermisVersion}) reads format {BackupManifest.CurrentFormatVersion}. Restore it with Dermis {manifest.DermisVersion} or later");
        }

        var engine = BackupFormat.EngineName(target);
        if (manifest.Engine != engine)
        {
            throw new BackupException(BackupProblem.WrongEngine, manifest.Engine == "postgresql"
                ? "it is a PostgreSQL backup, but --db names a SQLite database. A backup restores only into the engine it was taken from: " +
                  "restore it into a PostgreSQL database (--db postgresql://user:password@host:5432/database)"
                : "it is a SQLite backup, but --db names a PostgreSQL database. A backup restores only into the engine it was taken from: " +
                  "restore it into a SQLite file (--db ./data/dermis.db)");
        }

        var catalog = MigrationCatalog.For(target);
        var known = catalog.Count == 0 ? 0 : catalog[^1].Version;
        if (manifest.SchemaVersion > known)
        {
            throw new BackupException(BackupProblem.NewerSchema,
                $"it was taken at schema version {manifest.SchemaVersion} by Dermis {manifest.DermisVersion}, but this Dermis ({BackupFormat.DermisVersion}) knows migrations up to {known}. " +
                $"Restore it with Dermis {manifest.DermisVersion} or later");
        }

        foreach (var applied in manifest.Migrations)
        {
            var mine = catalog.FirstOrDefault(m => m.Version == applied.Version);
            if (mine is null || mine.Checksum != applied.Checksum)
            {
                throw new BackupException(BackupProblem.NewerSchema,
                    $"its migration {applied.Version:D4}_{applied.Name} has checksum {applied.Checksum}, which this Dermis ({BackupFormat.DermisVersion}) does not have " +
                    $"({(mine is null ? "no such migration" : "its file has " + mine.Checksum)}). Restore it with the Dermis that took it ({manifest.DermisVersion})");
            }
        }

        if (manifest.Migrations.Count == 0 || manifest.Migrations.Max(m => m.Version) != manifest.SchemaVersion)
        {
            throw Corrupt($"the manifest's schema version {manifest.SchemaVersion} does not match its migrations");
        }
    }

    private static BackupException Corrupt(string why, Exception? inner = null) => inner is null
        ? new(BackupProblem.Corrupt, $"it is corrupt: {why}. Take a new backup, or use another copy")
        : new(BackupProblem.Corrupt, $"it is corrupt: {why}. Take a new backup, or use another copy", inner);
}
