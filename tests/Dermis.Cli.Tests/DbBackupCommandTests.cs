using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Dermis.Storage.Database;
using Dermis.Testing;

namespace Dermis.Cli.Tests;

public sealed class DbBackupCommandTests
{
    // 34 CREATE TABLE statements in migrations 0001–0010 (counted in the files) plus schema_version.
    private const int DermisTables = 35;

    public static TheoryData<string> Engines => TestDatabase.Engines;

    public static TheoryData<string, string> CorruptedEntries
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var engine in TestDatabase.Engines)
            {
                data.Add(engine, engine == TestDatabase.Sqlite ? "database.sqlite" : "tables/audit.copy");
                data.Add(engine, "manifest.json");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Backup_then_restore_into_a_fresh_database_reproduces_every_table_and_audit_chain(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        await SeedAsync(trial);
        var source = trial.Host.Test.Target.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("dermis-backup-").FullName;
        try
        {
            var file = Path.Combine(folder, "trial.zip");
            var backup = await CliRun.RunAsync("db", "backup", "--db", source, "--out", file);
            var sourceCounts = await CountsAsync(trial.Host.Test.Target);
            var sourceHeads = await HeadsAsync(trial.Host.Test.Target);
            await using var target = await TestDatabase.CreateAsync(engine);

            var restore = await CliRun.RunAsync("db", "restore", "--db", target.Target.ConnectionString, "--from", file);
            var verifySource = await CliRun.RunAsync("audit", "verify", "--db", source);
            var verifyRestored = await CliRun.RunAsync("audit", "verify", "--db", target.Target.ConnectionString);

            var rows = sourceCounts.Values.Sum();
            var records = sourceCounts["audit"];
            Assert.Equal(0, backup.ExitCode);
            Assert.Contains($"Backup: {file}\nDatabase: {engine} {trial.Host.Test.Target.Display}\nSize: {new FileInfo(file).Length} bytes\n", backup.Output, StringComparison.Ordinal);
            Assert.Contains($"Tables: {DermisTables}\nRows: {rows}\nSchema version: 10\nTime: ", backup.Output, StringComparison.Ordinal);
            Assert.Equal(0, restore.ExitCode);
            Assert.Equal("", restore.Error);
            // Three chains: the study's own and one per participant (two enrolled).
            Assert.Contains($"Tables: {DermisTables}\nRows: {rows}\nSchema version: 10\nStudies verified: 1 (3 audit chains, {records} records, intact)\n",
                restore.Output, StringComparison.Ordinal);

            // What SeedAsync created, counted independently of the backup.
            Assert.Equal(2, sourceCounts["participant"]);
            Assert.Equal(2, sourceCounts["site"]);
            Assert.Equal(1, sourceCounts["visit"]);
            Assert.Equal(1, sourceCounts["data_query"]);
            Assert.Equal(DermisTables, sourceCounts.Count);
            Assert.Equal(sourceCounts, await CountsAsync(target.Target));
            Assert.Equal(3, sourceHeads.Count);
            Assert.Equal(sourceHeads, await HeadsAsync(target.Target));
            Assert.Equal(0, verifyRestored.ExitCode);
            Assert.Equal(verifySource.Output, verifyRestored.Output);
            Assert.Equal($"{trial.Study}: {records} records in 3 chains, intact\n", verifyRestored.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(CorruptedEntries))]
    public async Task Restore_of_a_backup_with_one_byte_changed_exits_2_and_leaves_the_target_untouched(string engine, string entry)
    {
        await using var source = await TestDatabase.CreateAsync(engine);
        await using var target = await TestDatabase.CreateAsync(engine);
        await StudyAsync(source.Target.ConnectionString);
        await AccountAsync(target.Target.ConnectionString, "keeper");
        var file = Path.Combine(Path.GetTempPath(), $"dermis-corrupt-{Guid.NewGuid():N}.zip");
        try
        {
            Assert.Equal(0, (await CliRun.RunAsync("db", "backup", "--db", source.Target.ConnectionString, "--out", file)).ExitCode);
            var before = await CountsAsync(target.Target);
            FlipByteInside(file, entry);

            var restore = await CliRun.RunAsync("db", "restore", "--db", target.Target.ConnectionString, "--from", file, "--force");

            Assert.Equal(2, restore.ExitCode);
            Assert.StartsWith($"dermis: --from '{file}': it is corrupt: ", restore.Error, StringComparison.Ordinal);
            Assert.Contains(entry, restore.Error, StringComparison.Ordinal);
            Assert.EndsWith("Take a new backup, or use another copy.\n", restore.Error, StringComparison.Ordinal);
            Assert.False(restore.ShowsStackTrace);
            Assert.Equal("", restore.Output);
            Assert.Equal(before, await CountsAsync(target.Target));
            Assert.Equal(1, before["account"]);
            Assert.Equal(0, before["study"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Restore_over_dermis_data_is_refused_without_force_and_replaces_it_with_force(string engine)
    {
        await using var source = await TestDatabase.CreateAsync(engine);
        await using var target = await TestDatabase.CreateAsync(engine);
        await StudyAsync(source.Target.ConnectionString);
        await AccountAsync(target.Target.ConnectionString, "keeper");
        await AccountAsync(target.Target.ConnectionString, "second");
        var file = Path.Combine(Path.GetTempPath(), $"dermis-force-{Guid.NewGuid():N}.zip");
        try
        {
            await CliRun.RunAsync("db", "backup", "--db", source.Target.ConnectionString, "--out", file);

            var refused = await CliRun.RunAsync("db", "restore", "--db", target.Target.ConnectionString, "--from", file);
            var kept = await CountsAsync(target.Target);
            var forced = await CliRun.RunAsync("db", "restore", "--db", target.Target.ConnectionString, "--from", file, "--force");

            Assert.Equal(2, refused.ExitCode);
            Assert.Equal(
                $"dermis: --db '{target.Target.Display}': it already holds a Dermis database ({DermisTables} Dermis tables, 0 studies); nothing was changed. " +
                "Restore into a new, empty database, or add --force to replace it (back it up first: its data is lost).\n", refused.Error);
            Assert.Equal(2, kept["account"]);
            Assert.Equal(0, forced.ExitCode);
            Assert.Contains("Studies verified: 1 (1 audit chains, 2 records, intact)\n", forced.Output, StringComparison.Ordinal);
            Assert.Equal(await CountsAsync(source.Target), await CountsAsync(target.Target));
            Assert.Equal(1, (await CountsAsync(target.Target))["account"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Restore_from_a_newer_schema_version_exits_2_naming_both_versions()
    {
        await using var source = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var target = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await StudyAsync(source.Target.ConnectionString);
        var file = Path.Combine(source.Folder!, "newer.zip");
        await CliRun.RunAsync("db", "backup", "--db", source.Target.ConnectionString, "--out", file);
        RewriteManifest(file, manifest =>
        {
            manifest["schemaVersion"] = 11;
            manifest["dermisVersion"] = "9.9.9";
            manifest["migrations"]!.AsArray().Add(new JsonObject { ["version"] = 11, ["name"] = "future", ["checksum"] = "f00d" });
        });

        var restore = await CliRun.RunAsync("db", "restore", "--db", target.Target.Display, "--from", file);

        Assert.Equal(2, restore.ExitCode);
        Assert.Equal(
            $"dermis: --from '{file}': it was taken at schema version 11 by Dermis 9.9.9, but this Dermis (0.1.0) knows migrations up to 10. Restore it with Dermis 9.9.9 or later.\n",
            restore.Error);
        Assert.False(File.Exists(target.Target.Display));
    }

    [Fact]
    public async Task Restore_of_a_postgresql_backup_into_sqlite_exits_2_and_says_where_it_goes()
    {
        await using var source = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var target = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await StudyAsync(source.Target.ConnectionString);
        var file = Path.Combine(source.Folder!, "other-engine.zip");
        await CliRun.RunAsync("db", "backup", "--db", source.Target.ConnectionString, "--out", file);
        RewriteManifest(file, manifest => manifest["engine"] = "postgresql");

        var restore = await CliRun.RunAsync("db", "restore", "--db", target.Target.Display, "--from", file);

        Assert.Equal(2, restore.ExitCode);
        Assert.Equal(
            $"dermis: --from '{file}': it is a PostgreSQL backup, but --db names a SQLite database. A backup restores only into the engine it was taken from: " +
            "restore it into a PostgreSQL database (--db postgresql://user:password@host:5432/database).\n", restore.Error);
        Assert.False(File.Exists(target.Target.Display));
    }

    [Fact]
    public async Task Restore_from_a_missing_file_a_text_file_or_a_raw_database_exits_2_naming_the_problem()
    {
        await using var source = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await StudyAsync(source.Target.ConnectionString);
        var text = Path.Combine(source.Folder!, "notes.txt");
        await File.WriteAllTextAsync(text, "not a backup");
        var target = Path.Combine(source.Folder!, "target.db");
        var missing = Path.Combine(source.Folder!, "missing.zip");

        var fromMissing = await CliRun.RunAsync("db", "restore", "--db", target, "--from", missing);
        var fromText = await CliRun.RunAsync("db", "restore", "--db", target, "--from", text);
        var fromDatabase = await CliRun.RunAsync("db", "restore", "--db", target, "--from", source.Target.Display);

        Assert.Equal(2, fromMissing.ExitCode);
        Assert.StartsWith($"dermis: --from '{missing}': the file cannot be read (Could not find file '{missing}'", fromMissing.Error, StringComparison.Ordinal);
        Assert.Equal(2, fromText.ExitCode);
        Assert.Equal($"dermis: --from '{text}': it is not a Dermis backup (a zip file written by 'dermis db backup').\n", fromText.Error);
        Assert.Equal(2, fromDatabase.ExitCode);
        Assert.Equal(
            $"dermis: --from '{source.Target.Display}': it is a SQLite database file, not a Dermis backup; " +
            "take a backup of it with 'dermis db backup --db <that file> --out <backup>' and restore that.\n", fromDatabase.Error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Backup_to_an_existing_file_or_a_missing_folder_exits_2_and_keeps_the_existing_file()
    {
        await using var source = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await StudyAsync(source.Target.ConnectionString);
        var existing = Path.Combine(source.Folder!, "existing.zip");
        await File.WriteAllTextAsync(existing, "keep me");
        var missingFolder = Path.Combine(source.Folder!, "no-such-folder", "b.zip");

        var overExisting = await CliRun.RunAsync("db", "backup", "--db", source.Target.Display, "--out", existing);
        var kept = await File.ReadAllTextAsync(existing);
        var intoMissing = await CliRun.RunAsync("db", "backup", "--db", source.Target.Display, "--out", missingFolder);
        var forced = await CliRun.RunAsync("db", "backup", "--db", source.Target.Display, "--out", existing, "--force");

        Assert.Equal(2, overExisting.ExitCode);
        Assert.Equal($"dermis: --out '{existing}': the file exists; choose a new name (e.g. with the date in it) or add --force to replace it.\n", overExisting.Error);
        Assert.Equal(2, intoMissing.ExitCode);
        Assert.Equal($"dermis: --out '{missingFolder}': the folder '{Path.GetDirectoryName(missingFolder)}' does not exist; create it first.\n", intoMissing.Error);
        Assert.Equal("keep me", kept);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(existing))[..2]);
        // No temporary snapshot or partial file is left beside the output (their names start with a dot).
        Assert.Equal(["dermis.db", "existing.zip"], Listing(source.Folder!).Where(n => !n.EndsWith("-wal", StringComparison.Ordinal) && !n.EndsWith("-shm", StringComparison.Ordinal)));
    }

    /// <summary>Two participants at DE01, a baseline visit with an EASI form whose edit check opens a query, and the site's answer.</summary>
    private static async Task SeedAsync(TrialFixture trial)
    {
        var s = $"/api/studies/{trial.Study}";
        var first = await trial.EnrolAsync();
        await trial.EnrolAsync();
        var (status, body) = await trial.PostAsync("coord.de", $"{s}/participants/{first}/visits", new { visit = "baseline", date = "2026-09-01" });
        Assert.Equal(System.Net.HttpStatusCode.Created, status);
        var visit = body.GetProperty("id").GetInt64();
        object Region(int a) => new { erythema = 2, induration = 2, excoriation = 1, lichenification = 1, area = a };
        var easi = new { ageYears = 34, regions = new { head = Region(2), upperLimbs = Region(2), trunk = Region(2), lowerLimbs = Region(2) } };
        (status, body) = await trial.PutAsync("coord.de", $"{s}/participants/{first}/visits/{visit}/forms/easi", new { data = easi });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var query = Assert.Single(body.GetProperty("queries").EnumerateArray()).GetProperty("id").GetInt64();
        (status, _) = await trial.PostAsync("coord.de", $"{s}/queries/{query}/answer", new { text = "Head area re-assessed." });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
    }

    private static readonly string Samples = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../samples"));

    private static async Task AccountAsync(string db, string username) =>
        Assert.Equal(0, (await CliRun.RunWithInputAsync("a long enough password\n", "account", "create", "--db", db, "--username", username, "--name", username, "--admin")).ExitCode);

    private static async Task StudyAsync(string db)
    {
        await AccountAsync(db, "sponsor");
        Assert.Equal(0, (await CliRun.RunAsync("study", "create", "--db", db, "--protocol", Path.Combine(Samples, "hand-eczema.yaml"), "--admin", "sponsor")).ExitCode);
    }

    /// <summary>Rows per Dermis table, read with plain SQL (not through the backup code).</summary>
    private static async Task<SortedDictionary<string, long>> CountsAsync(DatabaseTarget target)
    {
        await using var database = DermisDatabase.Create(target);
        await using var connection = await database.OpenConnectionAsync();
        var tables = target.Kind == DatabaseKind.Sqlite
            ? await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            : await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
        }

        return counts;
    }

    private static async Task<List<(string Study, string Chain, long Sequence, string Hash)>> HeadsAsync(DatabaseTarget target)
    {
        await using var database = DermisDatabase.Create(target);
        await using var connection = await database.OpenConnectionAsync();
        return [.. await connection.QueryAsync<(string, string, long, string)>("SELECT study_id, chain, last_sequence, last_hash FROM audit_chain ORDER BY study_id, chain")];
    }

    /// <summary>Changes one byte in the middle of an entry's stored (compressed) data, found through its local file header.</summary>
    private static void FlipByteInside(string file, string entryName)
    {
        long compressed;
        using (var zip = ZipFile.OpenRead(file))
        {
            compressed = zip.GetEntry(entryName)!.CompressedLength;
        }

        var bytes = File.ReadAllBytes(file);
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var at = 0; at + 30 + name.Length < bytes.Length; at++)
        {
            // Local file header: signature PK\3\4, name length at +26, extra length at +28, name at +30.
            if (bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == 3 && bytes[at + 3] == 4 &&
                BitConverter.ToUInt16(bytes, at + 26) == name.Length && bytes.AsSpan(at + 30, name.Length).SequenceEqual(name))
            {
                var data = at + 30 + name.Length + BitConverter.ToUInt16(bytes, at + 28);
                bytes[data + (compressed / 2)] ^= 0x01;
                File.WriteAllBytes(file, bytes);
                return;
            }
        }

        throw new InvalidOperationException($"No local header for {entryName} in {file}.");
    }

    /// <summary>Edits manifest.json and writes its matching SHA-256, as a newer Dermis or the other engine would.</summary>
    private static void RewriteManifest(string file, Action<JsonObject> edit)
    {
        using var zip = ZipFile.Open(file, ZipArchiveMode.Update);
        JsonObject manifest;
        using (var stream = zip.GetEntry("manifest.json")!.Open())
        {
            manifest = JsonNode.Parse(stream)!.AsObject();
        }

        edit(manifest);
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        zip.GetEntry("manifest.json")!.Delete();
        zip.GetEntry("manifest.sha256")!.Delete();
        using (var stream = zip.CreateEntry("manifest.json").Open())
        {
            stream.Write(bytes);
        }

        using (var stream = zip.CreateEntry("manifest.sha256").Open())
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        }
    }

    private static string[] Listing(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];
}
