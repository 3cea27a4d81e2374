using System.Xml.Linq;
using Dermis.Testing;

namespace Dermis.Cli.Tests;

public sealed class ExportCommandTests
{
    private static readonly string Samples = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../samples"));
    private static readonly XNamespace Odm = "http://www.cdisc.org/ns/odm/v1.3";

    [Fact]
    public async Task Export_odm_sdtm_and_csv_write_their_files_and_a_missing_study_is_exit_code_2()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var db = test.Target.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("dermis-export-").FullName;
        try
        {
            await CliRun.RunWithInputAsync("a long enough password\n", "account", "create", "--db", db, "--username", "sponsor", "--name", "Sam Sponsor", "--admin");
            await CliRun.RunAsync("study", "create", "--db", db, "--protocol", Path.Combine(Samples, "ad-phase3.yaml"), "--admin", "sponsor");

            var odm = await CliRun.RunAsync("export", "odm", "--db", db, "--study", "DERM-AD-301", "--out", folder);
            var sdtm = await CliRun.RunAsync("export", "sdtm", "--db", db, "--study", "DERM-AD-301", "--out", folder);
            var csv = await CliRun.RunAsync("export", "csv", "--db", db, "--study", "DERM-AD-301", "--out", folder);
            var missing = await CliRun.RunAsync("export", "odm", "--db", db, "--study", "NO-SUCH", "--out", folder);

            Assert.Equal((0, "DERM-AD-301: 0 participants, blinded → DERM-AD-301-odm-snapshot.xml\n"), (odm.ExitCode, odm.Output));
            // The sample protocol's 12 visits and 11 forms become the ODM metadata.
            var document = XDocument.Load(Path.Combine(folder, "DERM-AD-301-odm-snapshot.xml"));
            var metadata = document.Root!.Element(Odm + "Study")!.Element(Odm + "MetaDataVersion")!;
            Assert.Equal(("MDV.2.0", 12, 11), (metadata.Attribute("OID")!.Value, metadata.Elements(Odm + "StudyEventDef").Count(), metadata.Elements(Odm + "FormDef").Count()));
            Assert.Equal(0, sdtm.ExitCode);
            Assert.True(File.Exists(Path.Combine(folder, "define.csv")));
            Assert.True(File.Exists(Path.Combine(folder, "dm.csv")));
            Assert.Equal((0, "DERM-AD-301: 0 participants, blinded → DERM-AD-301-analysis.csv\n"), (csv.ExitCode, csv.Output));
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("--study: There is no study 'NO-SUCH'.", missing.Error, StringComparison.Ordinal);

            // An --out that is a file, not a folder: bad input named on stderr, no stack trace.
            var file = Path.Combine(folder, "define.csv");
            var notAFolder = await CliRun.RunAsync("export", "csv", "--db", db, "--study", "DERM-AD-301", "--out", file);
            Assert.Equal(2, notAFolder.ExitCode);
            Assert.StartsWith($"dermis: --out: {file} cannot be written: ", notAFolder.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", notAFolder.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
