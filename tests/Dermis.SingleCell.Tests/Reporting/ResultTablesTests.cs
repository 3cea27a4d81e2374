using Dermis.SingleCell.Composition;
using Dermis.SingleCell.Reporting;

namespace Dermis.SingleCell.Tests.Reporting;

public sealed class ResultTablesTests
{
    [Theory]
    [InlineData("CD14+ Mono", "CD14+ Mono")]
    [InlineData("T, activated", "\"T, activated\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void Csv_quotesOnlyWhenNeeded_rfc4180(string value, string expected) => Assert.Equal(expected, ResultTables.Csv(value));

    [Fact]
    public void WriteComposition_exactHeader_participantFromTheSheet_emptyOtherwise()
    {
        var rows = CellComposition.Count(["S1", "S1", "S1", "S2"], ["B", "B", "NK", "B"]);
        using var writer = new StringWriter { NewLine = "\n" };

        ResultTables.WriteComposition(rows, new Dictionary<string, string> { ["S1"] = "P01" }, writer);

        Assert.Equal(
            "sample,participant,cell_type,cells,fraction\nS1,P01,B,2,0.666667\nS1,P01,NK,1,0.333333\nS2,,B,1,1\nS2,,NK,0,0\n",
            writer.ToString());
    }
}
