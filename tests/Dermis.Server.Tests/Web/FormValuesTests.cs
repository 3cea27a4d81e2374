using System.Text.Json;
using Dermis.Server.Web.Forms;
using Dermis.Trials.Protocol;

namespace Dermis.Server.Tests.Web;

public sealed class FormValuesTests
{
    private static readonly ProtocolDefinition Protocol = Dermis.Trials.Protocol.ProtocolParser.Parse(Dermis.Testing.TestProtocols.AtopicDermatitis, "test.yaml");

    private static IReadOnlyList<EntryGroup> Layout(string instrument) =>
        FormLayout.For(new FormDefinition(instrument, instrument, instrument, []), Protocol);

    [Fact]
    public void EASI_inputs_become_the_score_document_numbers_as_numbers_empty_as_null()
    {
        var posted = new Dictionary<string, string> { ["ageYears"] = "35", ["regions.head.erythema"] = "1.5", ["regions.head.area"] = "2", ["regions.trunk.area"] = "0" };

        var document = FormValues.ToDocument(Layout("easi"), posted.GetValueOrDefault);

        Assert.Equal(35m, document.GetProperty("ageYears").GetDecimal());
        Assert.Equal(1.5m, document.GetProperty("regions").GetProperty("head").GetProperty("erythema").GetDecimal());
        Assert.Equal(JsonValueKind.Null, document.GetProperty("regions").GetProperty("head").GetProperty("induration").ValueKind);
        Assert.Equal(0m, document.GetProperty("regions").GetProperty("trunk").GetProperty("area").GetDecimal());
        // 1 + 4 regions × 5 inputs: every item is present, so the instrument names what is missing.
        Assert.Equal(4, document.GetProperty("regions").EnumerateObject().Count());
        Assert.All(document.GetProperty("regions").EnumerateObject(), r => Assert.Equal(5, r.Value.EnumerateObject().Count()));
    }

    [Fact]
    public void Arrays_keep_their_positions_text_choices_stay_text_and_optional_settings_are_left_out()
    {
        var dlqi = FormValues.ToDocument(Layout("dlqi"), new Dictionary<string, string> { ["answers[6]"] = "yes", ["answers[0]"] = "aLot" }.GetValueOrDefault);
        var ppnrs = FormValues.ToDocument(Layout("ppnrs"), new Dictionary<string, string> { ["current[2]"] = "7" }.GetValueOrDefault);

        Assert.Equal(10, dlqi.GetProperty("answers").GetArrayLength());
        Assert.Equal("aLot", dlqi.GetProperty("answers")[0].GetString());
        Assert.Equal("yes", dlqi.GetProperty("answers")[6].GetString());
        Assert.Equal(JsonValueKind.Null, dlqi.GetProperty("answers")[9].ValueKind);
        Assert.Equal(7m, ppnrs.GetProperty("current")[2].GetDecimal());
        Assert.False(ppnrs.TryGetProperty("minimumDays", out _));
    }

    [Fact]
    public void A_number_that_does_not_parse_is_kept_as_text_for_the_rules_to_name()
    {
        var document = FormValues.ToDocument(Layout("easi"), new Dictionary<string, string> { ["ageYears"] = "3 5" }.GetValueOrDefault);

        Assert.Equal("3 5", document.GetProperty("ageYears").GetString());
    }

    [Fact]
    public void A_stored_document_gives_each_input_its_text_back()
    {
        const string Stored = """{"ageYears":35,"regions":{"head":{"erythema":1.5,"induration":null,"excoriation":1,"lichenification":0,"area":2}}}""";

        var values = FormValues.FromDocument(Layout("easi"), Stored);

        Assert.Equal("35", values["ageYears"]);
        Assert.Equal("1.5", values["regions.head.erythema"]);
        Assert.Equal("", values["regions.head.induration"]);
        Assert.False(values.ContainsKey("regions.trunk.area"));
    }
}
