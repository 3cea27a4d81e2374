using System.Text;
using Dermis.Trials.Exchange.Csv;
using Dermis.Trials.Exchange.Sdtm;
using static Dermis.Trials.Tests.Exchange.Sdtm.ExportFixture;

namespace Dermis.Trials.Tests.Exchange.Sdtm;

public sealed class SdtmWriterTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("line\nfeed", "\"line\nfeed\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Field_quotes_only_fields_with_comma_quote_or_line_break_RFC_4180(string? value, string expected)
    {
        Assert.Equal(expected, CsvText.Field(value));
    }

    [Fact]
    public async Task WriteDatasetAsync_quotes_the_verbatim_AE_term_with_a_comma_and_doubled_quotes()
    {
        var ae = SdtmExportTests.Domain(ThreeParticipants(armsVisible: true), "AE");
        using var writer = new StringWriter();

        await SdtmWriter.WriteDatasetAsync(ae, writer);

        Assert.Equal(
            "STUDYID,DOMAIN,USUBJID,AESEQ,AETERM,AEDECOD,AESEV,AESER,AEREL,AEOUT,AESTDTC,AEENDTC,AESTDY,AEENDY\r\n" +
            "DERM-AD-301,AE,DERM-AD-301-DE01-0001,1,\"Injection-site reaction, \"\"mild\"\" erythema\",,MILD,N,POSSIBLY RELATED,RECOVERED/RESOLVED,2024-04-08,2024-04-12,36,40\r\n",
            writer.ToString());
    }

    [Fact]
    public async Task WriteDefineAsync_lists_each_dataset_then_its_variables_with_metadata()
    {
        var datasets = SdtmExport.Build(ThreeParticipants(armsVisible: true));
        using var writer = new StringWriter();

        await SdtmWriter.WriteDefineAsync(datasets, writer);

        var lines = writer.ToString().Split("\r\n");
        Assert.Equal("dataset,variable,label,type,length,origin,codelist,comment", lines[0]);
        Assert.Equal("DM,,Demographics,dataset,,,,3 records", lines[1]);
        Assert.Equal("DM,STUDYID,Study Identifier,Char,11,Protocol,,The protocol's study id.", lines[2]);
        Assert.Contains("DM,AGE,Age,Num,8,Derived,,Completed years from a full BRTHDTC to RFICDTC; else ageYears of the first EASI form; else empty.", lines);
        Assert.Contains("AE,AEDECOD,Dictionary-Derived Term,Char,1,Assigned,MedDRA,Empty: Dermis does not code adverse events to MedDRA.", lines);
        Assert.Contains("QS,,Questionnaires,dataset,,,,66 records", lines);
        // Header, one line per dataset and per variable, and the empty string after the last CRLF.
        Assert.Equal(1 + datasets.Count + datasets.Sum(d => d.Variables.Count) + 1, lines.Length);
    }

    [Fact]
    public async Task WriteAsync_writes_one_csv_per_domain_and_define_csv_in_utf8_without_bom()
    {
        var datasets = SdtmExport.Build(ThreeParticipants(armsVisible: true));
        var directory = Path.Combine(Path.GetTempPath(), "dermis-sdtm-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = await SdtmWriter.WriteAsync(datasets, directory);

            Assert.Equal(["dm.csv", "ds.csv", "sv.csv", "ex.csv", "ae.csv", "qs.csv", "rs.csv", "define.csv"], written.Select(Path.GetFileName));
            var bytes = await File.ReadAllBytesAsync(Path.Combine(directory, "dm.csv"));
            Assert.Equal((byte)'S', bytes[0]);
            using var expected = new StringWriter();
            await SdtmWriter.WriteDatasetAsync(datasets[0], expected);
            Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(bytes));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
