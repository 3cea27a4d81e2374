using Dapper;
using Dermis.Storage.Backup;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Storage.Trials;
using Dermis.Testing;
using Dermis.Trials.Audit;

namespace Dermis.Storage.Tests.Backup;

public sealed class SqliteBackupTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Backup_taken_while_another_connection_appends_audit_records_is_one_consistent_snapshot()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var writerDatabase = DermisDatabase.Create(test.Target);
        await new Migrator(writerDatabase).MigrateAsync();
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            // Each unit of work appends one record to the study chain and moves the chain head, in one transaction.
            while (!stop.IsCancellationRequested)
            {
                await using var store = await TrialStore.BeginAsync(writerDatabase, write: true);
                store.Audit("S-1", new AuditEvent(null, null, "setting", "k", "value", "update", written.ToString(), (written + 1).ToString(), null));
                await store.CommitAsync("writer", null, AuditSource.Api, Start.AddSeconds(written));
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 20)
        {
            await Task.Delay(10);
        }

        var snapshots = new List<(int Before, BackupSummary Summary, int After)>();
        await using (var backupDatabase = DermisDatabase.Create(test.Target))
        {
            for (var i = 0; i < 3; i++)
            {
                var before = Volatile.Read(ref written);
                var summary = await DatabaseBackup.BackupAsync(backupDatabase, Path.Combine(test.Folder!, $"backup-{i}.zip"));
                snapshots.Add((before, summary, Volatile.Read(ref written)));
            }
        }

        await stop.CancelAsync();
        await writer;
        // The writer really wrote while backups ran (otherwise this test would prove nothing).
        Assert.Contains(snapshots, s => s.After > s.Before);

        for (var i = 0; i < snapshots.Count; i++)
        {
            var (before, summary, after) = snapshots[i];
            var restoredPath = Path.Combine(test.Folder!, $"restored-{i}.db");
            await using var restored = DermisDatabase.Create(DatabaseTarget.Parse(restoredPath, test.Folder!));

            var result = await DatabaseBackup.RestoreAsync(restored, summary.Path);

            await using var connection = await restored.OpenConnectionAsync();
            var records = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit");
            var head = await connection.ExecuteScalarAsync<long>("SELECT last_sequence FROM audit_chain WHERE study_id = 'S-1'");
            var integrity = await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check");
            Assert.Equal("ok", integrity);
            // A snapshot holds every commit that ended before the backup began and none begun after it ended.
            Assert.InRange(records, before, after);
            Assert.Equal(records, head);
            var chain = Assert.Single(result.Audit);
            Assert.True(chain.IsIntact, chain.Problem);
            Assert.Equal(records, chain.Records);
            Assert.Equal(1, result.StudiesVerified);
            Assert.Equal(summary.Rows, result.Rows);
        }
    }

    [Fact]
    public async Task Restore_of_a_backup_whose_audit_trail_was_edited_restores_it_and_reports_the_broken_record()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var source = DermisDatabase.Create(test.Target);
        await new Migrator(source).MigrateAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var store = await TrialStore.BeginAsync(source, write: true);
            store.Audit("S-1", new AuditEvent("DE01", "S-001", "form", "easi", "total", "update", null, $"{i}", null));
            await store.CommitAsync("coord", "coordinator", AuditSource.Web, Start.AddMinutes(i));
        }

        await using (var connection = await source.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE audit SET new_value = 'forged' WHERE sequence = 2");
        }

        var backup = await DatabaseBackup.BackupAsync(source, Path.Combine(test.Folder!, "tampered.zip"));
        await using var restored = DermisDatabase.Create(DatabaseTarget.Parse(Path.Combine(test.Folder!, "restored.db"), test.Folder!));
        var result = await DatabaseBackup.RestoreAsync(restored, backup.Path);

        var chain = Assert.Single(result.Audit);
        Assert.False(result.AuditIntact);
        Assert.Equal("S-001", chain.Chain);
        Assert.Equal(2, chain.FirstBrokenSequence);
        Assert.Equal("record 2 does not match its hash (its content was edited)", chain.Problem);
    }
}
