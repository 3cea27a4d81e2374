using Dapper;
using Dermis.Storage.Database;
using Dermis.Testing;

namespace Dermis.Cli.Tests;

public sealed class StudyAndAuditCommandTests
{
    private static readonly string Samples = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../samples"));

    public static TheoryData<string> Engines => TestDatabase.Engines;

    public static TheoryData<string, string, string> Tampering
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var engine in TestDatabase.Engines)
            {
                data.Add(engine, "UPDATE audit SET new_value = 'forged' WHERE sequence = 2",
                    "BROKEN in chain 'study' at record 2: record 2 does not match its hash (its content was edited)");
                data.Add(engine, "DELETE FROM audit WHERE sequence = 1",
                    "BROKEN in chain 'study' at record 1: record 1 is missing: the chain jumps from 0 to 2 (a record was deleted)");
                data.Add(engine, "DELETE FROM audit WHERE sequence = 2",
                    "BROKEN in chain 'study' at record 2: the chain ends at record 1 but its head records 2 (the last records were deleted)");
                data.Add(engine, "INSERT INTO audit SELECT study_id, chain, sequence + 1, site_id, participant, entity, entity_key, item, action, old_value, 'forged', reason, actor, role, source, at_utc, hash, hash FROM audit WHERE sequence = (SELECT max(sequence) FROM audit)",
                    "BROKEN in chain 'study' at record 3: record 3 does not match its hash (its content was edited)");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Study_create_from_the_sample_protocol_then_audit_verify_reports_an_intact_chain(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var db = test.Target.ConnectionString;

        var account = await CliRun.RunWithInputAsync("a long enough password\n", "account", "create", "--db", db, "--username", "sponsor", "--name", "Sam Sponsor", "--admin");
        var study = await CliRun.RunAsync("study", "create", "--db", db, "--protocol", Path.Combine(Samples, "ad-phase3.yaml"), "--admin", "sponsor");
        var verify = await CliRun.RunAsync("audit", "verify", "--db", db);

        Assert.Equal(0, account.ExitCode);
        Assert.Equal("Created account sponsor (administrator).\n", account.Output);
        Assert.Equal(0, study.ExitCode);
        Assert.StartsWith("Created study ", study.Output, StringComparison.Ordinal);
        Assert.Matches(@"^\S+: 2 records in 1 chains, intact\n$", verify.Output);
        Assert.Equal(0, verify.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Audit_verify_names_the_first_broken_record_after_tampering(string engine, string tamper, string expected)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var db = test.Target.ConnectionString;
        await CliRun.RunWithInputAsync("a long enough password\n", "account", "create", "--db", db, "--username", "sponsor", "--name", "Sam Sponsor", "--admin");
        await CliRun.RunAsync("study", "create", "--db", db, "--protocol", Path.Combine(Samples, "hand-eczema.yaml"), "--admin", "sponsor");
        await CliRun.RunAsync("study", "create", "--db", db, "--protocol", Path.Combine(Samples, "ad-phase3.yaml"), "--admin", "sponsor");
        await using (var database = DermisDatabase.Create(test.Target))
        await using (var connection = await database.OpenConnectionAsync())
        {
            // Tamper with the first study only (its records 1–2); the second stays intact.
            var study = await connection.ExecuteScalarAsync<string>("SELECT min(study_id) FROM audit");
            await connection.ExecuteAsync(tamper.Replace("FROM audit WHERE", $"FROM audit WHERE study_id = '{study}' AND", StringComparison.Ordinal)
                                                .Replace("UPDATE audit SET new_value = 'forged' WHERE", $"UPDATE audit SET new_value = 'forged' WHERE study_id = '{study}' AND", StringComparison.Ordinal)
                                                .Replace("(SELECT max(sequence) FROM audit)", $"(SELECT max(sequence) FROM audit WHERE study_id = '{study}')", StringComparison.Ordinal));
        }

        var verify = await CliRun.RunAsync("audit", "verify", "--db", db);

        Assert.Equal(1, verify.ExitCode);
        var lines = verify.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.EndsWith("2 records in 1 chains, intact", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol_check_reports_file_line_and_column_and_exits_2()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-protocol-").FullName;
        try
        {
            var file = Path.Combine(folder, "broken.yaml");
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Path.Combine(Samples, "hand-eczema.yaml"))).Replace("ratio: 1", "ratio: 0", StringComparison.Ordinal));

            var good = await CliRun.RunAsync("protocol", "check", Path.Combine(Samples, "hand-eczema.yaml"));
            var bad = await CliRun.RunAsync("protocol", "check", file);

            Assert.Equal(0, good.ExitCode);
            Assert.Contains(" is valid: ", good.Output, StringComparison.Ordinal);
            Assert.Equal(2, bad.ExitCode);
            Assert.Matches(@"^dermis: broken\.yaml:\d+:\d+: ", bad.Error);
            Assert.Contains("ratio", bad.Error, StringComparison.Ordinal);
            Assert.False(bad.ShowsStackTrace);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
