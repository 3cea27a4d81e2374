using System.Text;
using Dermis.Trials.Exchange.Odm;

namespace Dermis.Trials.Tests.Exchange.Odm;

/// <summary>Reading an ODM file's clinical data and turning its item values back into form documents.</summary>
public sealed class OdmReadingTests
{
    private const string Header = """<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:dermis="urn:dermis:odm:1" FileType="Snapshot" ODMVersion="1.3.2">""";

    private static OdmClinicalData Read(string xml) => OdmClinicalData.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    [Theory]
    // Not well-formed: the line of the fault.
    [InlineData(Header + "\n<ClinicalData StudyOID=\"ST.X\">\n<SubjectData SubjectKey=\"A\">\n</ClinicalData></ODM>", "line 4: not well-formed XML")]
    [InlineData("", "not well-formed XML")]
    // A DTD could expand entities without bound: refused, never expanded.
    [InlineData("<!DOCTYPE ODM [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n" + Header + "<ClinicalData StudyOID=\"&b;\"/></ODM>", "not well-formed XML")]
    // ODM 1.2 or no namespace: not the ODM 1.3 root.
    [InlineData("<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.2\"><ClinicalData StudyOID=\"ST.X\"/></ODM>", "line 1: the root element must be ODM in namespace http://www.cdisc.org/ns/odm/v1.3")]
    [InlineData(Header + "</ODM>", "line 1: the file must hold exactly one ClinicalData element; it holds 0")]
    [InlineData(Header + "\n<ClinicalData StudyOID=\"ST.X\">\n<SubjectData>\n<SiteRef LocationOID=\"LOC.DE01\"/></SubjectData></ClinicalData></ODM>", "line 3: SubjectData has no SubjectKey")]
    [InlineData(Header + "\n<ClinicalData>\n</ClinicalData></ODM>", "line 2: ClinicalData has no StudyOID")]
    [InlineData(Header + "<ClinicalData StudyOID=\"ST.X\"><SubjectData SubjectKey=\"A\"><StudyEventData StudyEventOID=\"SE.B\"><FormData FormOID=\"F.V\"><ItemGroupData>\n<ItemData Value=\"1\"/>"
        + "</ItemGroupData></FormData></StudyEventData></SubjectData></ClinicalData></ODM>", "line 2: ItemData has no ItemOID")]
    public void Read_a_file_that_is_not_ODM_clinical_data_is_a_FormatException_naming_the_line(string xml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Read(xml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_takes_items_in_file_order_with_IsNull_as_null_and_a_missing_Value_as_empty()
    {
        var data = Read(Header + """
            <ClinicalData StudyOID="ST.X"><SubjectData SubjectKey="DE01-0001" dermis:Status="enrolled"><SiteRef LocationOID="LOC.DE01"/>
            <StudyEventData StudyEventOID="SE.BASELINE" dermis:VisitDate="2026-09-01"><FormData FormOID="F.VITALS" dermis:Status="complete"><ItemGroupData ItemGroupOID="IG.VITALS">
            <ItemData ItemOID="IT.VITALS.WEIGHT" Value="71.5"/><ItemData ItemOID="IT.VITALS.SYSTOLIC" IsNull="Yes"/><ItemData ItemOID="IT.VITALS.NOTE"/>
            </ItemGroupData></FormData></StudyEventData></SubjectData></ClinicalData></ODM>
            """);

        var subject = Assert.Single(data.Subjects);
        Assert.Equal(("Snapshot", "ST.X", "DE01-0001", "LOC.DE01", "enrolled"), (data.FileType, data.StudyOid, subject.SubjectKey, subject.LocationOid, subject.Status));
        var form = Assert.Single(Assert.Single(subject.Events).Forms);
        Assert.Equal([("IT.VITALS.WEIGHT", "71.5"), ("IT.VITALS.SYSTOLIC", null), ("IT.VITALS.NOTE", "")], form.Items.Select(i => (i.ItemOid, i.Value)));
    }

    [Fact]
    public void Flatten_then_Build_gives_the_stored_document_back()
    {
        const string json = """{"ageYears":41,"regions":{"head":{"erythema":2.50,"area":2}},"answers":["aLot",null,"notAtAll"],"done":true}""";
        var types = new Dictionary<string, OdmDataType> { ["ageYears"] = OdmDataType.Integer, ["regions.head.erythema"] = OdmDataType.Float, ["regions.head.area"] = OdmDataType.Integer, ["done"] = OdmDataType.Boolean };

        var values = FormDocument.Flatten(json);
        var rebuilt = FormDocument.Build(values, path => types.GetValueOrDefault(path, OdmDataType.Text));

        Assert.Equal([("ageYears", "41"), ("regions.head.erythema", "2.50"), ("regions.head.area", "2"), ("answers[0]", "aLot"), ("answers[1]", null), ("answers[2]", "notAtAll"), ("done", "true")],
            values.Select(v => (v.Path, v.Value)));
        Assert.Equal(json, rebuilt);
    }

    [Theory]
    // XML Schema decimals that JSON's number grammar refuses: numbers, not a parser crash.
    [InlineData("+5", "{\"w\":5}")]
    [InlineData(".5", "{\"w\":0.5}")]
    [InlineData("5.", "{\"w\":5}")]
    [InlineData("-0.250", "{\"w\":-0.250}")]
    [InlineData("1.5E1", "{\"w\":15}")]
    public void Build_numbers_in_XML_Schema_forms_become_JSON_numbers(string text, string expected)
    {
        Assert.Equal(expected, FormDocument.Build([new FormValue("w", text)], _ => OdmDataType.Float));
    }

    [Theory]
    [InlineData("heavy", OdmDataType.Float, "w: 'heavy' is not a number")]
    [InlineData("NaN", OdmDataType.Float, "w: 'NaN' is not a number")]
    [InlineData("1e400", OdmDataType.Integer, "w: '1e400' is not a number")]
    [InlineData(" 5", OdmDataType.Integer, "w: ' 5' is not a number")]
    [InlineData("yes", OdmDataType.Boolean, "w: 'yes' is not a boolean (true, false, 1 or 0)")]
    public void Build_a_value_not_of_its_items_type_is_a_FormatException_naming_the_path(string text, OdmDataType type, string expected)
    {
        var error = Assert.Throws<FormatException>(() => FormDocument.Build([new FormValue("w", text)], _ => type));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Build_an_item_given_twice_is_refused_not_overwritten()
    {
        var error = Assert.Throws<FormatException>(() => FormDocument.Build([new FormValue("weight", "70"), new FormValue("weight", "90")], _ => OdmDataType.Float));

        Assert.Equal("weight: given twice; an item holds one value", error.Message);
    }
}
