using Dermis.SingleCell.Composition;

namespace Dermis.SingleCell.Tests.Composition;

public sealed class SampleSheetTests
{
    [Fact]
    public void Read_suffixSheet_assignsAggrSuffixes()
    {
        var sheet = SampleSheet.Read(new StringReader("barcode_suffix,sample,participant\n1,P01-W0,P01\n2,P01-W16,P01\n3,P02-W0,P02\n"), "samples.csv");

        var assigned = sheet.Assign(["AAAC-1", "GGGT-3", "TTTA-2"]);

        Assert.True(sheet.BySuffix);
        Assert.Equal(["P01-W0", "P02-W0", "P01-W16"], assigned.Select(a => a.Sample));
        Assert.Equal(["P01", "P02", "P01"], assigned.Select(a => a.Participant));
        Assert.Equal(["P01-W0", "P01-W16", "P02-W0"], sheet.Samples.Select(s => s.Sample));
    }

    [Fact]
    public void Read_barcodeSheetWithGroup_readsColumnsByName()
    {
        var sheet = SampleSheet.Read(new StringReader("barcode,group,sample\nAAAC-1,responder,S1\nGGGT-1,non-responder,S2\n"), "s.csv");

        var assigned = sheet.Assign(["GGGT-1"]);

        Assert.False(sheet.BySuffix);
        Assert.True(sheet.HasGroups);
        Assert.False(sheet.HasParticipants);
        Assert.Equal(new SampleInfo("S2", "", "non-responder"), assigned[0]);
    }

    [Theory]
    [InlineData("cell,sample\nA-1,S1\n", "s.csv: line 1: the first column must be 'barcode_suffix' or 'barcode'; found 'cell'.")]
    [InlineData("barcode_suffix,sample\n1,S1\n2\n", "s.csv: line 3: expected 2 fields like the header, found 1.")]
    [InlineData("barcode_suffix,sample\n1,S1\nx,S2\n", "s.csv: line 3: barcode_suffix must be the number after the last '-' of the barcodes (1, 2, …); found 'x'.")]
    [InlineData("barcode_suffix,sample\n1,S1\n1,S2\n", "s.csv: line 3: '1' appears twice in column 'barcode_suffix'.")]
    [InlineData("barcode_suffix,sample,participant\n1,S1,P1\n2,S1,P2\n", "s.csv: line 3: sample 'S1' was given participant 'P1' and group '' before; a sample has one participant and one group.")]
    [InlineData("barcode_suffix,sample\n", "s.csv: line 2: the sheet has a header but no samples.")]
    public void Read_malformed_namesFileAndLine(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => SampleSheet.Read(new StringReader(text), "s.csv"));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Assign_unknownSuffix_namesBarcodeAndFix()
    {
        var sheet = SampleSheet.Read(new StringReader("barcode_suffix,sample\n1,S1\n"), "s.csv");

        var e = Assert.Throws<FormatException>(() => sheet.Assign(["AAAC-1", "CCCG-2"]));

        Assert.Equal("s.csv: no row for barcode suffix '2' (barcode 'CCCG-2', cell 2); add a line '2,<sample>,<participant>'.", e.Message);
    }
}
