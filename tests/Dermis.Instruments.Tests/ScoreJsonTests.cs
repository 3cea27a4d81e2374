using System.Text.Json;
using System.Text.Json.Nodes;
using Dermis.Instruments.Json;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

public sealed class ScoreJsonTests
{
    // The easi example document of score-json.md (worked example of instruments.md §4.1).
    private const string EasiExample = """
        { "ageYears": 35,
          "regions": {
            "head":       { "erythema": 2, "induration": 1, "excoriation": 1, "lichenification": 0, "area": 2 },
            "upperLimbs": { "erythema": 2, "induration": 2, "excoriation": 1.5, "lichenification": 1, "area": 3 },
            "trunk":      { "erythema": 1, "induration": 1, "excoriation": 1, "lichenification": 0, "area": 2 },
            "lowerLimbs": { "erythema": 2.5, "induration": 2, "excoriation": 2, "lichenification": 2, "area": 4 } } }
        """;

    // PASI worked example of instruments.md §4.3 in the score-json.md shape.
    private const string PasiExample = """
        { "regions": {
            "head":       { "erythema": 2, "induration": 2, "desquamation": 1, "area": 2 },
            "upperLimbs": { "erythema": 3, "induration": 2, "desquamation": 2, "area": 3 },
            "trunk":      { "erythema": 2, "induration": 2, "desquamation": 2, "area": 4 },
            "lowerLimbs": { "erythema": 3, "induration": 3, "desquamation": 2, "area": 4 } } }
        """;

    // The scorad example document of score-json.md (worked example of instruments.md §4.4).
    private const string ScoradExample = """
        { "extentPercent": 36,
          "intensity": { "erythema": 2, "oedema": 2, "oozing": 1, "excoriation": 2, "lichenification": 1, "dryness": 2 },
          "pruritusVas": 7, "sleeplessnessVas": 5 }
        """;

    // HECSI worked example of instruments.md §4.6 in the score-json.md shape.
    private const string HecsiExample = """
        { "locations": {
            "fingertips": { "erythema": 1, "induration": 1, "vesicles": 0, "fissuring": 2, "scaling": 1, "oedema": 0, "extent": 2 },
            "fingers":    { "erythema": 2, "induration": 1, "vesicles": 1, "fissuring": 1, "scaling": 2, "oedema": 0, "extent": 3 },
            "palms":      { "erythema": 2, "induration": 2, "vesicles": 2, "fissuring": 1, "scaling": 2, "oedema": 1, "extent": 2 },
            "backs":      { "erythema": 1, "induration": 1, "vesicles": 0, "fissuring": 0, "scaling": 1, "oedema": 0, "extent": 1 },
            "wrists":     { "erythema": 0, "induration": 0, "vesicles": 0, "fissuring": 0, "scaling": 0, "oedema": 0, "extent": 0 } } }
        """;

    // DLQI worked example of instruments.md §4.7: 3, 2, 1, NR, 2, 0, Q7 "No" + "A little", 1, NR, 2.
    private const string DlqiExample = """
        { "answers": ["veryMuch", "aLot", "aLittle", "notRelevant", "aLot", "notAtAll", "aLittle", "aLittle", "notRelevant", "aLot"] }
        """;

    [Fact]
    public void Score_easi_example_gives_20_1_without_trailing_zero()
    {
        // score-json.md: { "instrument": "easi", "total": 20.1, "band": "moderate", "regions": { "head": 0.8, ... } }.
        var output = Score("easi", EasiExample);

        Assert.Equal("easi", output["instrument"]!.GetValue<string>());
        Assert.Equal("20.1", output["total"]!.ToJsonString());
        Assert.Equal("moderate", output["band"]!.GetValue<string>());
        Assert.Equal("adult", output["weights"]!.GetValue<string>());
        // Regions 0.8, 3.90, 1.8, 13.60 (§4.1) written without trailing zeros.
        Assert.Equal("""{"head":0.8,"upperLimbs":3.9,"trunk":1.8,"lowerLimbs":13.6}""", output["regions"]!.ToJsonString());
        Assert.Null(output["reason"]);
    }

    [Fact]
    public void Score_easi_child_gives_17_5()
    {
        // §4.1 child: 1.6 + 3.90 + 1.8 + 10.20 = 17.50.
        var output = Score("easi", EasiExample.Replace("\"ageYears\": 35", "\"ageYears\": 5", StringComparison.Ordinal));

        Assert.Equal("17.5", output["total"]!.ToJsonString());
        Assert.Equal("child", output["weights"]!.GetValue<string>());
        Assert.Equal("""{"head":1.6,"upperLimbs":3.9,"trunk":1.8,"lowerLimbs":10.2}""", output["regions"]!.ToJsonString());
    }

    [Fact]
    public void Score_easi_output_text_carries_exact_number()
    {
        var text = Score("easi", EasiExample).ToJsonString();

        Assert.Contains("\"total\":20.1,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("20.09", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_easi_null_sign_in_region_with_area_gives_null_total_and_reason()
    {
        // §4.1: missing sign in a region with area > 0 → total missing.
        var output = Score("easi", EasiExample.Replace("\"erythema\": 1, \"induration\": 1, \"excoriation\": 1, \"lichenification\": 0, \"area\": 2", "\"erythema\": 1, \"induration\": null, \"excoriation\": 1, \"lichenification\": 0, \"area\": 2", StringComparison.Ordinal));

        Assert.Null(output["total"]);
        Assert.Null(output["band"]);
        Assert.Null(output["regions"]!["trunk"]);
        Assert.Equal("0.8", output["regions"]!["head"]!.ToJsonString());
        Assert.Contains("regions.trunk", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"total\":null", output.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Score_easi_absent_signs_in_region_with_area_0_are_scored()
    {
        // Head with area 0 and no signs: 3.90 + 1.8 + 13.60 = 19.30.
        var output = Score("easi", EasiExample.Replace("\"erythema\": 2, \"induration\": 1, \"excoriation\": 1, \"lichenification\": 0, \"area\": 2", "\"area\": 0", StringComparison.Ordinal));

        Assert.Equal("19.3", output["total"]!.ToJsonString());
        Assert.Equal("0", output["regions"]!["head"]!.ToJsonString());
    }

    [Fact]
    public void Score_easi_sign_0_5_is_rejected_naming_field()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            Score("easi", EasiExample.Replace("\"erythema\": 2, \"induration\": 1,", "\"erythema\": 0.5, \"induration\": 1,", StringComparison.Ordinal)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("regions.head.erythema", error.Field);
        Assert.Contains("0, 1, 1.5, 2, 2.5, 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_easi_unknown_field_is_named_with_its_path()
    {
        // A typo must not pass as a missing sign.
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            Score("easi", EasiExample.Replace("\"erythema\": 2, \"induration\": 1,", "\"erythma\": 2, \"induration\": 1,", StringComparison.Ordinal)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("regions.head.erythma", error.Field);
        Assert.Contains("erythema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_easi_string_area_is_rejected_as_wrong_type()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            Score("easi", EasiExample.Replace("\"lichenification\": 2, \"area\": 4", "\"lichenification\": 2, \"area\": \"two\"", StringComparison.Ordinal)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("regions.lowerLimbs.area", error.Field);
        Assert.Contains("\"two\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("0–6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_easi_several_document_errors_are_reported_together()
    {
        const string Input = """
            { "ageYears": "35", "extra": 1,
              "regions": {
                "head":       { "erythema": 2, "induration": 1, "excoriation": 1, "lichenification": 0, "area": 2.5 },
                "upperLimbs": { "erythema": 2, "induration": 2, "excoriation": 1.5, "lichenification": 1, "area": 3 },
                "trunk":      { "erythema": 1, "induration": 1, "excoriation": 1, "lichenification": 0 },
                "lowerLimbs": { "erythema": 2.5, "induration": 2, "excoriation": 2, "lichenification": 2, "area": 4 } } }
            """;
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("easi", Input));

        Assert.Equal(["extra", "ageYears", "regions.head.area", "regions.trunk.area"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Score_easi_missing_regions_object_is_required()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("easi", """{ "ageYears": 35 }"""));

        Assert.Equal("regions", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_pasi_example_gives_25_2()
    {
        // §4.3: 1.0 + 4.2 + 7.2 + 12.8 = 25.2.
        var output = Score("pasi", PasiExample);

        Assert.Equal("pasi", output["instrument"]!.GetValue<string>());
        Assert.Equal("25.2", output["total"]!.ToJsonString());
        Assert.Equal("""{"head":1,"upperLimbs":4.2,"trunk":7.2,"lowerLimbs":12.8}""", output["regions"]!.ToJsonString());
    }

    [Fact]
    public void Score_pasi_sign_1_5_is_rejected_as_not_integer()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            Score("pasi", PasiExample.Replace("\"erythema\": 2, \"induration\": 2, \"desquamation\": 1", "\"erythema\": 1.5, \"induration\": 2, \"desquamation\": 1", StringComparison.Ordinal)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("regions.head.erythema", error.Field);
        Assert.Contains("1.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_scorad_example_gives_54_2_and_42_2_severe()
    {
        // score-json.md: { "instrument": "scorad", "total": 54.2, "objective": 42.2, "band": "severe" }.
        var output = Score("scorad", ScoradExample);

        Assert.Equal("scorad", output["instrument"]!.GetValue<string>());
        Assert.Equal("54.2", output["total"]!.ToJsonString());
        Assert.Equal("42.2", output["objective"]!.ToJsonString());
        Assert.Equal("severe", output["band"]!.GetValue<string>());
    }

    [Fact]
    public void Score_oscorad_without_vas_gives_total_42_2()
    {
        // score-json.md: oscorad takes the document without the two VAS; total is the objective score.
        const string Input = """
            { "extentPercent": 36,
              "intensity": { "erythema": 2, "oedema": 2, "oozing": 1, "excoriation": 2, "lichenification": 1, "dryness": 2 } }
            """;
        var output = Score("oscorad", Input);

        Assert.Equal("oscorad", output["instrument"]!.GetValue<string>());
        Assert.Equal("42.2", output["total"]!.ToJsonString());
        Assert.Equal("severe", output["band"]!.GetValue<string>());
        Assert.Null(output["objective"]);
    }

    [Fact]
    public void Score_oscorad_with_vas_rejects_the_vas_fields()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("oscorad", ScoradExample));

        Assert.Equal(["pruritusVas", "sleeplessnessVas"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Score_scorad_negative_vas_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            Score("scorad", ScoradExample.Replace("\"pruritusVas\": 7", "\"pruritusVas\": -0.5", StringComparison.Ordinal)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("pruritusVas", error.Field);
        Assert.Contains("-0.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_viga_grade_gives_label()
    {
        // score-json.md: { "grade": 3 } → { "instrument": "viga", "grade": 3, "label": "moderate" }.
        var output = Score("viga", """{ "grade": 3 }""");

        Assert.Equal(3, output["grade"]!.GetValue<int>());
        Assert.Equal("moderate", output["label"]!.GetValue<string>());
        Assert.Null(output["responder"]);
    }

    [Theory]
    // §4.5 vectors: 3 → 1 and 4 → 1 responders; 2 → 1 and 3 → 2 not.
    [InlineData(3, 1, true, "almostClear")]
    [InlineData(4, 1, true, "almostClear")]
    [InlineData(2, 1, false, "almostClear")]
    [InlineData(3, 2, false, "mild")]
    public void Score_viga_baseline_and_current_adds_responder(int baseline, int current, bool responder, string label)
    {
        var output = Score("viga", $$"""{ "baseline": {{baseline}}, "current": {{current}} }""");

        Assert.Equal(responder, output["responder"]!.GetValue<bool>());
        Assert.Equal(current, output["grade"]!.GetValue<int>());
        Assert.Equal(baseline, output["baseline"]!.GetValue<int>());
        Assert.Equal(label, output["label"]!.GetValue<string>());
    }

    [Fact]
    public void Score_viga_grade_5_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("viga", """{ "grade": 5 }"""));

        Assert.Equal("grade", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_hecsi_example_gives_54_severe()
    {
        // score-json.md: { "instrument": "hecsi", "total": 54, "band": "severe" } (§4.6).
        var output = Score("hecsi", HecsiExample);

        Assert.Equal("54", output["total"]!.ToJsonString());
        Assert.Equal("severe", output["band"]!.GetValue<string>());
    }

    [Fact]
    public void Score_hecsi_extent_5_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            Score("hecsi", HecsiExample.Replace("\"oedema\": 0, \"extent\": 1", "\"oedema\": 0, \"extent\": 5", StringComparison.Ordinal)));

        Assert.Equal("locations.backs.extent", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_dlqi_example_gives_12_veryLarge_with_subscales()
    {
        // §4.7: 12 (very large); subscales 5, 1, 2, 1, 1, 2; two "not relevant".
        var output = Score("dlqi", DlqiExample);

        Assert.Equal(12, output["total"]!.GetValue<int>());
        Assert.Equal("veryLarge", output["band"]!.GetValue<string>());
        Assert.Equal(
            """{"symptomsAndFeelings":5,"dailyActivities":1,"leisure":2,"workAndSchool":1,"personalRelationships":1,"treatment":2}""",
            output["subscales"]!.ToJsonString());
        Assert.Equal(2, output["notRelevant"]!.GetValue<int>());
    }

    [Fact]
    public void Score_dlqi_question_7_yes_gives_14()
    {
        var output = Score("dlqi", """
            { "answers": ["veryMuch", "aLot", "aLittle", "notRelevant", "aLot", "notAtAll", "yes", "aLittle", "notRelevant", "aLot"] }
            """);

        Assert.Equal(14, output["total"]!.GetValue<int>());
        Assert.Equal("veryLarge", output["band"]!.GetValue<string>());
    }

    [Fact]
    public void Score_dlqi_two_unanswered_gives_null_total_and_reason()
    {
        var output = Score("dlqi", """
            { "answers": ["veryMuch", "aLot", null, "notRelevant", "aLot", "notAtAll", "aLittle", "aLittle", "notRelevant", null] }
            """);

        Assert.Null(output["total"]);
        Assert.Contains("(3, 10)", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, output["subscales"]!["symptomsAndFeelings"]!.GetValue<int>());
        Assert.Null(output["subscales"]!["dailyActivities"]);
    }

    [Fact]
    public void Score_dlqi_no_at_question_7_gets_follow_up_hint()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("dlqi", """
            { "answers": ["veryMuch", "aLot", "aLittle", "notRelevant", "aLot", "notAtAll", "no", "aLittle", "notRelevant", "aLot"] }
            """));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("answers[6]", error.Field);
        Assert.Contains("follow-up", error.Message, StringComparison.Ordinal);
        Assert.Contains("aLittle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_dlqi_yes_outside_question_7_and_very_much_at_7_are_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("dlqi", """
            { "answers": ["yes", "aLot", "aLittle", "notRelevant", "aLot", "notAtAll", "veryMuch", "aLittle", "notRelevant", "aLot"] }
            """));

        Assert.Equal(["answers[0]", "answers[6]"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Score_dlqi_unknown_answer_word_is_rejected_with_allowed_values()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("dlqi", """
            { "answers": ["VeryMuch", "aLot", "aLittle", "notRelevant", "aLot", "notAtAll", "aLittle", "aLittle", "notRelevant", 3] }
            """));

        Assert.Equal(["answers[0]", "answers[9]"], ex.Errors.Select(e => e.Field));
        Assert.Contains("notRelevant", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_poem_example_gives_16_moderate()
    {
        // score-json.md / §4.8: 4,2,1,0,2,3,4 → 16 moderate.
        var output = Score("poem", """{ "answers": [4, 2, 1, 0, 2, 3, 4] }""");

        Assert.Equal(16, output["total"]!.GetValue<int>());
        Assert.Equal("moderate", output["band"]!.GetValue<string>());
    }

    [Fact]
    public void Score_poem_two_missing_gives_null_total()
    {
        var output = Score("poem", """{ "answers": [4, null, 1, 0, null, 3, 4] }""");

        Assert.Null(output["total"]);
        Assert.Contains("(2, 5)", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Score_poem_5_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("poem", """{ "answers": [4, 2, 1, 0, 2, 3, 5] }"""));

        Assert.Equal("answers[6]", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_ppnrs_example_gives_means_rounded_to_four_decimals()
    {
        // §4.9: 55/7 = 7.857142… → 7.8571; 25/7 = 3.571428… → 3.5714; 30/7 = 4.285714… → 4.2857; responder.
        var output = Score("ppnrs", """{ "baseline": [8, 7, 8, 9, 8, 7, 8], "current": [4, 3, 4, 3, 4, 3, 4] }""");

        Assert.Equal("7.8571", output["baselineMean"]!.ToJsonString());
        Assert.Equal("3.5714", output["currentMean"]!.ToJsonString());
        Assert.Equal("4.2857", output["improvement"]!.ToJsonString());
        Assert.True(output["responder"]!.GetValue<bool>());
        Assert.Equal(7, output["baselineDays"]!.GetValue<int>());
    }

    [Fact]
    public void Score_ppnrs_minimum_days_not_met_gives_null_responder()
    {
        var output = Score("ppnrs", """{ "baseline": [8, null, 8, null, 8, null, null], "current": [4, 3, 4, 3, 4, 3, 4], "minimumDays": 4 }""");

        Assert.Null(output["baselineMean"]);
        Assert.Equal("3.5714", output["currentMean"]!.ToJsonString());
        Assert.Null(output["improvement"]);
        Assert.Null(output["responder"]);
        Assert.Equal(3, output["baselineDays"]!.GetValue<int>());
    }

    [Fact]
    public void Score_gppga_gives_total_label_and_mean()
    {
        // (1, 1, 2): mean 4/3 = 1.3333 < 1.5 → GPPGA 1 (almost clear); pustulation subscore 1.
        var output = Score("gppga", """{ "erythema": 1, "pustules": 1, "scaling": 2 }""");

        Assert.Equal(1, output["total"]!.GetValue<int>());
        Assert.Equal("almostClear", output["label"]!.GetValue<string>());
        Assert.Equal("1.3333", output["compositeMean"]!.ToJsonString());
        Assert.Equal(1, output["pustulationSubscore"]!.GetValue<int>());
    }

    [Fact]
    public void Score_gppga_5_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("gppga", """{ "erythema": 5, "pustules": 1, "scaling": 2 }"""));

        Assert.Equal("erythema", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_change_24_4_to_6_1_is_minus_75_and_easi75()
    {
        // score-json.md: { "percentChange": -75, "easi50": true, "easi75": true, "easi90": false, "easi100": false }.
        var output = Score("change", """{ "instrument": "easi", "baseline": 24.4, "current": 6.1 }""");

        Assert.Equal("-75", output["percentChange"]!.ToJsonString());
        Assert.True(output["easi50"]!.GetValue<bool>());
        Assert.True(output["easi75"]!.GetValue<bool>());
        Assert.False(output["easi90"]!.GetValue<bool>());
        Assert.False(output["easi100"]!.GetValue<bool>());
        Assert.Equal("easi", output["of"]!.GetValue<string>());
    }

    [Fact]
    public void Score_change_20_1_to_4_5_is_minus_77_6119()
    {
        // §4.2: −1560/20.10 = −77.611940… → 4 decimals −77.6119.
        var output = Score("change", """{ "instrument": "easi", "baseline": 20.10, "current": 4.50 }""");

        Assert.Equal("-77.6119", output["percentChange"]!.ToJsonString());
        Assert.True(output["easi75"]!.GetValue<bool>());
        Assert.False(output["easi90"]!.GetValue<bool>());
    }

    [Fact]
    public void Score_change_hecsi_has_only_75_and_90()
    {
        var output = Score("change", """{ "instrument": "hecsi", "baseline": 54, "current": 5 }""");

        Assert.True(output["hecsi75"]!.GetValue<bool>());
        Assert.True(output["hecsi90"]!.GetValue<bool>());
        Assert.False(output.ContainsKey("hecsi50"));
    }

    [Fact]
    public void Score_change_baseline_0_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("change", """{ "instrument": "easi", "baseline": 0, "current": 0 }"""));

        Assert.Equal("baseline", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_change_unknown_instrument_name_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("change", """{ "instrument": "scorad", "baseline": 50, "current": 20 }"""));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("instrument", error.Field);
        Assert.Contains("\"hecsi\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_unknown_instrument_throws_listing_known_ones()
    {
        using var document = JsonDocument.Parse("{}");
        var ex = Assert.Throws<UnknownInstrumentException>(() => ScoreJson.Score("sassad", document.RootElement));

        Assert.Equal("sassad", ex.Instrument);
        Assert.Contains("easi", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_instrument_name_is_case_sensitive()
    {
        using var document = JsonDocument.Parse(EasiExample);
        Assert.Throws<UnknownInstrumentException>(() => ScoreJson.Score("EASI", document.RootElement));
    }

    [Fact]
    public void Score_non_object_document_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("poem", "[4, 2, 1, 0, 2, 3, 4]"));

        Assert.Equal("(document)", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_easi_unknown_region_is_named()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            Score("easi", EasiExample.Replace("\"head\":", "\"neck\":", StringComparison.Ordinal)));

        Assert.Equal(["regions.neck", "regions.head"], ex.Errors.Select(e => e.Field));
        Assert.Contains("upperLimbs", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_easi_age_7_5_uses_child_weights()
    {
        // §4.1: 0–7 y child weights; 7.5 years is below 8 → 17.50.
        var output = Score("easi", EasiExample.Replace("\"ageYears\": 35", "\"ageYears\": 7.5", StringComparison.Ordinal));

        Assert.Equal("17.5", output["total"]!.ToJsonString());
        Assert.Equal("child", output["weights"]!.GetValue<string>());
    }

    [Fact]
    public void Format_writes_indented_exact_numbers()
    {
        var text = ScoreJson.Format(Score("easi", EasiExample));

        Assert.Contains("\"total\": 20.1,", text, StringComparison.Ordinal);
        Assert.Contains("\"lowerLimbs\": 13.6", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_scorad_fractional_intensity_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            Score("scorad", ScoradExample.Replace("\"erythema\": 2", "\"erythema\": 1.5", StringComparison.Ordinal)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("intensity.erythema", error.Field);
        Assert.Contains("0–3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_scorad_decimal_vas_is_exact()
    {
        // 7.2 + 35 + 6.5 + 4.25 = 52.95.
        var output = Score("scorad", ScoradExample
            .Replace("\"pruritusVas\": 7", "\"pruritusVas\": 6.5", StringComparison.Ordinal)
            .Replace("\"sleeplessnessVas\": 5", "\"sleeplessnessVas\": 4.25", StringComparison.Ordinal));

        Assert.Equal("52.95", output["total"]!.ToJsonString());
        Assert.Equal("42.2", output["objective"]!.ToJsonString());
    }

    [Fact]
    public void Score_hecsi_missing_location_is_required()
    {
        const string Input = """
            { "locations": {
                "fingertips": { "erythema": 1, "induration": 1, "vesicles": 0, "fissuring": 2, "scaling": 1, "oedema": 0, "extent": 2 },
                "fingers":    { "erythema": 2, "induration": 1, "vesicles": 1, "fissuring": 1, "scaling": 2, "oedema": 0, "extent": 3 },
                "palms":      { "erythema": 2, "induration": 2, "vesicles": 2, "fissuring": 1, "scaling": 2, "oedema": 1, "extent": 2 },
                "backs":      { "erythema": 1, "induration": 1, "vesicles": 0, "fissuring": 0, "scaling": 1, "oedema": 0, "extent": 1 } } }
            """;
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("hecsi", Input));

        Assert.Equal("locations.wrists", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Score_dlqi_nine_answers_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => Score("dlqi", """
            { "answers": ["veryMuch", "aLot", "aLittle", "notRelevant", "aLot", "notAtAll", "aLittle", "aLittle", "notRelevant"] }
            """));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("answers", error.Field);
        Assert.Contains("has 9 entries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ppnrs_null_minimum_days_defaults_to_1()
    {
        // Current week has one entry (3): 55/7 − 3 = 34/7 = 4.857142… → 4.8571, responder.
        var output = Score("ppnrs", """{ "baseline": [8, 7, 8, 9, 8, 7, 8], "current": [null, null, 3, null, null, null, null], "minimumDays": null }""");

        Assert.Equal("3", output["currentMean"]!.ToJsonString());
        Assert.Equal("4.8571", output["improvement"]!.ToJsonString());
        Assert.True(output["responder"]!.GetValue<bool>());
        Assert.Equal(1, output["currentDays"]!.GetValue<int>());
    }

    [Fact]
    public void Score_ppnrs_fractional_entry_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() =>
            Score("ppnrs", """{ "baseline": [8, 7, 8.5, 9, 8, 7, 8], "current": [4, 3, 4, 3, 4, 3, 4] }"""));

        Assert.Equal("baseline[2]", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Instruments_lists_every_scored_instrument()
    {
        Assert.Equal(
            ["easi", "pasi", "scorad", "oscorad", "viga", "hecsi", "dlqi", "poem", "ppnrs", "gppga", "change"],
            ScoreJson.Instruments);
    }

    private static JsonObject Score(string instrument, string json)
    {
        using var document = JsonDocument.Parse(json);
        return ScoreJson.Score(instrument, document.RootElement);
    }
}
