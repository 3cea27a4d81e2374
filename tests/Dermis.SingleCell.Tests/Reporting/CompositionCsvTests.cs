using Dermis.SingleCell.Composition;
using Dermis.SingleCell.Reporting;

namespace Dermis.SingleCell.Tests.Reporting;

public sealed class CompositionCsvTests
{
    [Fact]
    public void Read_returns_what_WriteComposition_wrote_including_a_quoted_cell_type()
    {
        using var writer = new StringWriter();
        ResultTables.WriteComposition([new CompositionRow("S1", "NK, cytotoxic", 176, 0.176), new CompositionRow("S1", "B", 344, 0.344)],
            new Dictionary<string, string> { ["S1"] = "DE01-0001" }, writer);

        var rows = CompositionCsv.Read(new StringReader(writer.ToString()));

        Assert.Equal(
            [new CompositionRecord(2, "S1", "DE01-0001", "NK, cytotoxic", 176, 0.176, null, null, null), new CompositionRecord(3, "S1", "DE01-0001", "B", 344, 0.344, null, null, null)],
            rows);
    }

    [Theory]
    [InlineData("sample,participant,cell_type,cells\nS1,P,B,1\n", "line 1: the header lacks 'fraction'; required: sample,participant,cell_type,cells,fraction")]
    [InlineData("sample,participant,cell_type,cells,fraction,colour\n", "line 1, column 6: unknown column 'colour'; allowed: sample, participant, cell_type, cells, fraction, collected_on, tissue, pipeline_version")]
    [InlineData("sample,participant,cell_type,cells,fraction\nS1,P,B,1\n", "line 2: 4 fields, but the header has 5")]
    [InlineData("sample,participant,cell_type,cells,fraction\nS1,P,B,-1,0.5\n", "line 2: cells must be a whole number ≥ 0 and fraction a number 0–1")]
    [InlineData("sample,participant,cell_type,cells,fraction,collected_on\nS1,P,B,1,0.5,01/09/2026\n", "line 2: collected_on must be yyyy-MM-dd; got '01/09/2026'")]
    [InlineData("sample,participant,cell_type,cells,fraction\nS1,P,\"B,1,0.5\n", "line 2: a quoted field is not closed.")]
    public void Read_names_the_line_of_what_is_wrong(string csv, string message)
    {
        var e = Assert.Throws<FormatException>(() => CompositionCsv.Read(new StringReader(csv)));
        Assert.Equal(message, e.Message);
    }
}
