using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Dermis.Storage.Backup;

/// <summary>
/// Writes a backup file: entries through a <see cref="HashingStream"/>, then the manifest and its
/// hash, into a temporary file beside the target that is renamed into place only when complete, so
/// a crash or a full disk never leaves a half-written backup under the name a user chose.
/// </summary>
internal sealed class BackupWriter : IDisposable
{
    private readonly string _path;
    private readonly string _partial;
    private readonly bool _overwrite;
    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly List<BackupEntry> _entries = [];
    private bool _finished;

    private BackupWriter(string path, string partial, bool overwrite, FileStream file)
    {
        _file = file;
        _path = path;
        _partial = partial;
        _overwrite = overwrite;
        _zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
    }

    /// <summary>Checks the output path and opens the temporary file; throws <see cref="BackupProblem.OutputUnusable"/> when it cannot be used.</summary>
    public static BackupWriter Create(string path, bool overwrite)
    {
        var folder = Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new BackupException(BackupProblem.OutputUnusable, $"the folder '{folder}' does not exist; create it first");
        }

        if (Directory.Exists(path))
        {
            throw new BackupException(BackupProblem.OutputUnusable, "it is a folder; name the backup file inside it, e.g. " + Path.Combine(path, "dermis-backup.zip"));
        }

        if (File.Exists(path) && !overwrite)
        {
            throw new BackupException(BackupProblem.OutputUnusable, "the file exists; choose a new name (e.g. with the date in it) or add --force to replace it");
        }

        var partial = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        var file = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        return new BackupWriter(path, partial, overwrite, file);
    }

    /// <summary>Adds an entry; write its bytes to the returned stream, then dispose it and call <see cref="Complete"/>.</summary>
    public HashingStream AddEntry(string name) =>
        new(_zip.CreateEntry(name, CompressionLevel.Fastest).Open());

    /// <summary>Records the size and SHA-256 of an entry written through <paramref name="hashing"/>.</summary>
    public BackupEntry Complete(string name, HashingStream hashing)
    {
        var entry = new BackupEntry(name, hashing.Bytes, hashing.Sha256);
        _entries.Add(entry);
        return entry;
    }

    /// <summary>Writes the manifest (with the entries recorded so far) and its hash, and moves the file into place; returns its size in bytes.</summary>
    public long Finish(BackupManifest manifest)
    {
        var bytes = (manifest with { Entries = [.. _entries] }).ToUtf8();
        using (var stream = _zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Fastest).Open())
        {
            stream.Write(bytes);
        }

        using (var stream = _zip.CreateEntry(BackupArchive.ManifestHashEntryName, CompressionLevel.NoCompression).Open())
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(bytes)) + "\n"));
        }

        _zip.Dispose();
        // On disk before the rename: a crash must not leave an empty file under the final name.
        _file.Flush(flushToDisk: true);
        _file.Dispose();
        File.Move(_partial, _path, _overwrite);
        _finished = true;
        return new FileInfo(_path).Length;
    }

    public void Dispose()
    {
        _zip.Dispose();
        _file.Dispose();
        if (!_finished)
        {
            File.Delete(_partial);
        }
    }
}
