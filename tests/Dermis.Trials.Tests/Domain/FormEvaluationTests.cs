using System.Text.Json;
using Dermis.Instruments.Easi;
using Dermis.Instruments.Scoring;
using Dermis.Trials.Forms;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Tests.Domain;

public sealed class FormEvaluationTests
{
    private static readonly FormDefinition _demographics = new("demographics", "Demographics", null,
    [
        new ItemDefinition("initials", "Initials", ItemType.Text, Required: true, null, null, null, null),
        new ItemDefinition("weight", "Body weight", ItemType.Decimal, Required: true, "kg", new ValueRange(20, 300), new ValueRange(40, 150), null),
        new ItemDefinition("height", "Height", ItemType.Integer, Required: false, "cm", new ValueRange(50, 250), null, null),
        new ItemDefinition("age", "Age", ItemType.Integer, Required: false, null, new ValueRange(18, null), new ValueRange(null, 75), null),
        new ItemDefinition("visitDate", "Visit date", ItemType.Date, Required: true, null, null, null, null),
        new ItemDefinition("onset", "Onset of atopic dermatitis", ItemType.PartialDate, Required: false, null, null, null, null),
        new ItemDefinition("sex", "Sex", ItemType.Choice, Required: true, null, null, null, "sex"),
        new ItemDefinition("smoker", "Current smoker", ItemType.Boolean, Required: false, null, null, null, null),
        new ItemDefinition("score", "Free score", ItemType.Decimal, Required: false, null, null, null, null),
    ]);

    private static readonly FormDefinition _easi = new("easi", "EASI", "easi", []);

    private static readonly ProtocolDefinition _protocol = DomainProtocol.Create(
        forms: [_demographics, _easi],
        codeLists: [new CodeList("sex", [new KeyValuePair<string, string>("M", "Male"), new KeyValuePair<string, string>("F", "Female")])]);

    private const string ValidDemographics = """
        { "initials": "AB", "weight": 72.5, "height": 178, "age": 34, "visitDate": "2026-09-01",
          "onset": "2019-03", "sex": "F", "smoker": false, "score": -3.25 }
        """;

    // Worked example of docs/scoring.md: head (2+1+1+0)·2·0.1 = 0.8; upper limbs (2+2+1.5+1)·3·0.2 = 3.9;
    // trunk (1+1+1+0)·2·0.3 = 1.8; lower limbs (2.5+2+2+2)·4·0.4 = 13.6; total 20.1, moderate (7.1–21).
    private const string EasiExample = """
        { "ageYears": 35,
          "regions": {
            "head":       { "erythema": 2, "induration": 1, "excoriation": 1, "lichenification": 0, "area": 2 },
            "upperLimbs": { "erythema": 2, "induration": 2, "excoriation": 1.5, "lichenification": 1, "area": 3 },
            "trunk":      { "erythema": 1, "induration": 1, "excoriation": 1, "lichenification": 0, "area": 2 },
            "lowerLimbs": { "erythema": 2.5, "induration": 2, "excoriation": 2, "lichenification": 2, "area": 4 } } }
        """;

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static FormEvaluation Demographics(string json) => FormEvaluation.Evaluate(_protocol, _demographics, Json(json));

    /// <summary>The valid document with one item replaced (raw JSON value).</summary>
    private static FormEvaluation WithItem(string item, string rawValue)
    {
        var document = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(ValidDemographics)!;
        document[item] = Json(rawValue);
        return Demographics(JsonSerializer.Serialize(document));
    }

    private static FieldError SingleError(FormEvaluation evaluation)
    {
        Assert.Empty(evaluation.SoftRangeIssues);
        return Assert.Single(evaluation.Errors);
    }

    [Fact]
    public void Evaluate_valid_custom_form_has_no_findings_and_no_derived_score()
    {
        var evaluation = Demographics(ValidDemographics);

        Assert.Empty(evaluation.Errors);
        Assert.Empty(evaluation.SoftRangeIssues);
        Assert.Empty(evaluation.MissingRequired);
        Assert.Null(evaluation.Derived);
        Assert.Null(evaluation.InstrumentVersion);
    }

    [Fact]
    public void Evaluate_empty_document_lists_required_items_in_form_order()
    {
        var evaluation = Demographics("{}");

        Assert.Empty(evaluation.Errors);
        Assert.Equal(["initials", "weight", "visitDate", "sex"], evaluation.MissingRequired);
    }

    [Fact]
    public void Evaluate_null_required_item_is_missing_not_an_error()
    {
        var evaluation = WithItem("weight", "null");

        Assert.Empty(evaluation.Errors);
        Assert.Equal(["weight"], evaluation.MissingRequired);
    }

    [Fact]
    public void Evaluate_unknown_item_is_an_error_naming_the_form_items()
    {
        var evaluation = WithItem("bmi", "22.9");

        Assert.Equal(
            new FieldError("bmi", "is not an item of form demographics; allowed: initials, weight, height, age, visitDate, onset, sex, smoker, score"),
            SingleError(evaluation));
    }

    [Fact]
    public void Evaluate_document_that_is_not_an_object_is_rejected()
    {
        var evaluation = Demographics("[1, 2]");

        Assert.Equal(
            new FieldError("(document)", "expected an object of items: initials, weight, height, age, visitDate, onset, sex, smoker, score"),
            SingleError(evaluation));
        Assert.Empty(evaluation.MissingRequired);
    }

    [Fact]
    public void Evaluate_unknown_items_come_before_item_errors()
    {
        var evaluation = Demographics("""{ "zzz": 1, "initials": 5, "weight": 72, "visitDate": "2026-09-01", "sex": "M" }""");

        Assert.Equal(["zzz", "initials"], evaluation.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("initials", "5", "expected text (a JSON string)")]
    [InlineData("initials", "true", "expected text (a JSON string)")]
    [InlineData("smoker", "\"yes\"", "expected true or false")]
    [InlineData("smoker", "1", "expected true or false")]
    [InlineData("weight", "\"72\"", "expected a number kg; allowed: 20 to 300 kg")]
    [InlineData("score", "\"1\"", "expected a number")]
    [InlineData("height", "177.5", "177.5 is not a whole number; allowed: 50 to 250 cm")]
    [InlineData("age", "30.50", "30.5 is not a whole number; allowed: 18 or more")]
    [InlineData("visitDate", "\"2026-02-30\"", "expected a date yyyy-MM-dd")]
    [InlineData("visitDate", "\"2026-9-1\"", "expected a date yyyy-MM-dd")]
    [InlineData("visitDate", "\"01/09/2026\"", "expected a date yyyy-MM-dd")]
    [InlineData("visitDate", "20260901", "expected a date yyyy-MM-dd")]
    [InlineData("onset", "\"2019-13\"", "expected a partial date: yyyy, yyyy-MM or yyyy-MM-dd")]
    [InlineData("onset", "\"2019-02-29\"", "expected a partial date: yyyy, yyyy-MM or yyyy-MM-dd")]
    [InlineData("onset", "\"19\"", "expected a partial date: yyyy, yyyy-MM or yyyy-MM-dd")]
    [InlineData("onset", "\"2019-3\"", "expected a partial date: yyyy, yyyy-MM or yyyy-MM-dd")]
    [InlineData("onset", "\"\"", "expected a partial date: yyyy, yyyy-MM or yyyy-MM-dd")]
    [InlineData("onset", "2019", "expected a partial date: yyyy, yyyy-MM or yyyy-MM-dd")]
    [InlineData("sex", "\"X\"", "\"X\" is not allowed; allowed: M (Male), F (Female)")]
    [InlineData("sex", "\"m\"", "\"m\" is not allowed; allowed: M (Male), F (Female)")]
    [InlineData("sex", "1", "1 is not allowed; allowed: M (Male), F (Female)")]
    public void Evaluate_wrong_type_gives_field_error(string item, string rawValue, string message)
    {
        Assert.Equal(new FieldError(item, message), SingleError(WithItem(item, rawValue)));
    }

    [Theory]
    [InlineData("onset", "\"2019\"")]
    [InlineData("onset", "\"2019-03\"")]
    [InlineData("onset", "\"2020-02-29\"")]
    [InlineData("visitDate", "\"2028-02-29\"")]
    [InlineData("height", "178.0")] // a whole number written with a decimal point
    [InlineData("sex", "\"M\"")]
    [InlineData("smoker", "true")]
    [InlineData("initials", "\"\"")]
    public void Evaluate_valid_value_gives_no_error(string item, string rawValue)
    {
        Assert.Empty(WithItem(item, rawValue).Errors);
    }

    [Theory]
    [InlineData("weight", "350", "350 is out of range; allowed: 20 to 300 kg")]
    [InlineData("weight", "19.99", "19.99 is out of range; allowed: 20 to 300 kg")]
    [InlineData("weight", "300.10", "300.1 is out of range; allowed: 20 to 300 kg")]
    [InlineData("height", "251", "251 is out of range; allowed: 50 to 250 cm")]
    [InlineData("age", "17", "17 is out of range; allowed: 18 or more")]
    public void Evaluate_value_outside_hard_range_is_rejected_without_soft_issue(string item, string rawValue, string message)
    {
        Assert.Equal(new FieldError(item, message), SingleError(WithItem(item, rawValue)));
    }

    [Theory]
    [InlineData("weight", "20")]
    [InlineData("weight", "300")]
    [InlineData("height", "50")]
    [InlineData("height", "250")]
    [InlineData("age", "18")]
    public void Evaluate_hard_range_bounds_are_inclusive(string item, string rawValue)
    {
        Assert.Empty(WithItem(item, rawValue).Errors);
    }

    [Theory]
    [InlineData("weight", "35", "Body weight 35 kg is outside the expected range 40 to 150 kg; please confirm or correct.")]
    [InlineData("weight", "20", "Body weight 20 kg is outside the expected range 40 to 150 kg; please confirm or correct.")]
    [InlineData("weight", "160.50", "Body weight 160.5 kg is outside the expected range 40 to 150 kg; please confirm or correct.")]
    [InlineData("age", "80", "Age 80 is outside the expected range 75 or less; please confirm or correct.")]
    public void Evaluate_value_outside_soft_range_is_saved_with_issue(string item, string rawValue, string message)
    {
        var evaluation = WithItem(item, rawValue);

        Assert.Empty(evaluation.Errors);
        Assert.Equal(new SoftRangeIssue(item, message), Assert.Single(evaluation.SoftRangeIssues));
    }

    [Theory]
    [InlineData("weight", "40")]
    [InlineData("weight", "150.0")]
    [InlineData("age", "75")]
    public void Evaluate_soft_range_bounds_are_inclusive(string item, string rawValue)
    {
        var evaluation = WithItem(item, rawValue);

        Assert.Empty(evaluation.Errors);
        Assert.Empty(evaluation.SoftRangeIssues);
    }

    [Fact]
    public void Evaluate_instrument_form_derives_easi_20_1()
    {
        var evaluation = FormEvaluation.Evaluate(_protocol, _easi, Json(EasiExample));

        Assert.Empty(evaluation.Errors);
        Assert.Empty(evaluation.SoftRangeIssues);
        Assert.Empty(evaluation.MissingRequired);
        Assert.NotNull(evaluation.InstrumentVersion);
        Assert.Equal(EasiScorer.Info.Version, evaluation.InstrumentVersion);
        Assert.Contains("\"total\":20.1,", evaluation.Derived, StringComparison.Ordinal);

        using var derived = JsonDocument.Parse(evaluation.Derived!);
        var root = derived.RootElement;
        Assert.Equal("easi", root.GetProperty("instrument").GetString());
        Assert.Equal(evaluation.InstrumentVersion, root.GetProperty("version").GetString());
        Assert.Equal(20.1m, root.GetProperty("total").GetDecimal());
        Assert.Equal("moderate", root.GetProperty("band").GetString());
        Assert.Equal("adult", root.GetProperty("weights").GetString());
        Assert.Equal("""{"head":0.8,"upperLimbs":3.9,"trunk":1.8,"lowerLimbs":13.6}""", root.GetProperty("regions").GetRawText());
    }

    [Fact]
    public void Evaluate_invalid_instrument_data_gives_the_instrument_field_errors()
    {
        var data = EasiExample
            .Replace("\"erythema\": 2, \"induration\": 1,", "\"erythema\": 0.5, \"induration\": 1,", StringComparison.Ordinal)
            .Replace("\"trunk\":      { \"erythema\": 1, \"induration\": 1, \"excoriation\": 1, \"lichenification\": 0, \"area\": 2 }", "\"trunk\": { \"erythema\": 1, \"induration\": 1, \"excoriation\": 1, \"lichenification\": 0, \"area\": 7 }", StringComparison.Ordinal);
        Assert.Contains("\"area\": 7", data, StringComparison.Ordinal);

        var evaluation = FormEvaluation.Evaluate(_protocol, _easi, Json(data));

        Assert.Equal(
            [
                new FieldError("regions.head.erythema", "0.5 is not allowed; allowed: 0, 1, 1.5, 2, 2.5, 3 (no 0.5: a sign present is at least mild)"),
                new FieldError("regions.trunk.area", "7 is out of range; allowed: integers 0–6 (0 = none, 1 = <10 %, 2 = 10–<30 %, 3 = 30–<50 %, 4 = 50–<70 %, 5 = 70–<90 %, 6 = 90–100 %)"),
            ],
            evaluation.Errors);
        Assert.Null(evaluation.Derived);
        Assert.Null(evaluation.InstrumentVersion);
        Assert.Empty(evaluation.MissingRequired);
    }

    [Fact]
    public void Evaluate_instrument_document_with_unknown_field_and_no_age_names_both()
    {
        var evaluation = FormEvaluation.Evaluate(_protocol, _easi, Json(EasiExample.Replace("\"ageYears\": 35,", "\"bsa\": 12,", StringComparison.Ordinal)));

        Assert.Equal(
            [
                new FieldError("bsa", "is not a field of easi; expected ageYears, regions"),
                new FieldError("ageYears", "is required; allowed: 0–130 (below 8: children's weights)"),
            ],
            evaluation.Errors);
        Assert.Null(evaluation.Derived);
    }
}
