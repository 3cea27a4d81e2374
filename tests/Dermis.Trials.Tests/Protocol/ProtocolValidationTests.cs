using Dermis.Trials.Protocol;
using static Dermis.Trials.Tests.Protocol.ProtocolTestYaml;

namespace Dermis.Trials.Tests.Protocol;

/// <summary>
/// One test per rule of docs/protocol.md: the error's line and column (1-based) are the offending
/// key or value. Each test's YAML starts at line 5 (after <see cref="ProtocolTestYaml.Head"/>).
/// </summary>
public sealed class ProtocolValidationTests
{
    private const string Forms = """
        forms:
          - { id: f1, name: F1, items: [ { id: x, label: X, type: integer } ] }
        """;

    [Fact]
    public void Root_unknown_key_is_reported_at_the_key_with_allowed_keys()
    {
        var ex = Fail(VisitsAndForms + "\nvisitz: []");

        AssertOnlyError(ex, 9, 1, "protocol: unknown key 'visitz'; allowed: study, arms, stratification, consent, eligibility, visits, forms, codeLists, editChecks");
    }

    [Fact]
    public void Root_missing_required_section_is_reported_at_the_root_mapping()
    {
        var ex = Fail("""
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [] }
            """);

        AssertError(ex, 1, 1, "protocol: missing required key 'forms'");
        AssertError(ex, 6, 66, "visit 'baseline': 'forms' is empty");
    }

    [Fact]
    public void Study_arms_consent_eligibility_errors_are_all_reported_in_file_order()
    {
        var yaml = """
            study: { id: S 1, name: Study, version: "1", sponsor: Sponsor }
            arms: [ { id: a, name: A, ratio: 0 }, { id: a, name: B } ]
            consent: { documentVersion: "" }
            eligibility: [ { id: IC1, kind: include, text: T } ]
            """ + "\n" + VisitsAndForms;

        var ex = Assert.Throws<ProtocolException>(() => ProtocolParser.Parse(yaml, "t.yaml"));

        Assert.Equal([(1, 14), (2, 34), (2, 45), (3, 29), (4, 33)], ex.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("id 'S 1' is not valid", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("arm 'a': ratio must be a whole number of 1 or more", ex.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("duplicate arm id 'a'; first defined at line 2", ex.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("consent: 'documentVersion' is empty", ex.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("criterion 'IC1': kind 'include' is not allowed; allowed: inclusion, exclusion", ex.Errors[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stratification_needs_two_distinct_levels()
    {
        var ex = Fail("""
            stratification: [ { id: region, levels: [EU] }, { id: viga, levels: ["3", "3"] } ]
            """ + "\n" + VisitsAndForms);

        AssertError(ex, 5, 41, "stratification factor 'region': 'levels' lists 1 level(s); a factor has at least 2");
        AssertError(ex, 5, 75, "stratification factor 'viga': level '3' is listed twice");
        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public void Visit_unknown_key_is_reported_at_the_key()
    {
        var ex = Fail("""
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, windw: 3, forms: [f1] }
            """ + "\n" + Forms);

        AssertOnlyError(ex, 6, 59, "visit 'baseline': unknown key 'windw'; allowed: id, name, day, window, windowBefore, windowAfter, anchor, unscheduled, forms");
    }

    [Fact]
    public void Visit_id_not_matching_the_id_pattern_is_reported_at_the_value()
    {
        var ex = Fail("""
            visits:
              - { id: 1st, name: Baseline, day: 1, anchor: true, forms: [f1] }
            """ + "\n" + Forms);

        AssertOnlyError(ex, 6, 11, "id '1st' is not valid; an id is a letter followed by letters, digits, '_' or '-'");
    }

    [Fact]
    public void Visit_duplicate_id_names_the_line_of_the_first()
    {
        var ex = Fail("""
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [f1] }
              - { id: baseline, name: Again, day: 2, forms: [f1] }
            """ + "\n" + Forms);

        AssertOnlyError(ex, 7, 11, "duplicate visit id 'baseline'; first defined at line 6");
    }

    [Fact]
    public void Visits_without_an_anchor_are_reported_at_the_visits_key()
    {
        var ex = Fail("""
            visits:
              - { id: screening, name: Screening, day: -14, forms: [f1] }
              - { id: baseline, name: Baseline, day: 1, forms: [f1] }
            """ + "\n" + Forms);

        AssertOnlyError(ex, 5, 1, "visits: no visit is the anchor; mark the day-1 visit (e.g. baseline) with 'anchor: true'");
    }

    [Fact]
    public void Visit_second_anchor_is_reported_at_its_anchor_key()
    {
        var ex = Fail("""
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [f1] }
              - { id: second, name: Second, day: 8, anchor: true, forms: [f1] }
            """ + "\n" + Forms);

        AssertError(ex, 7, 41, "visit 'second': visit 'baseline' (line 6) is already the anchor; a schedule has exactly one");
    }

    [Fact]
    public void Visit_anchor_not_on_day_1_is_reported_at_the_day()
    {
        var ex = Fail("""
            visits:
              - { id: baseline, name: Baseline, day: 2, anchor: true, forms: [f1] }
            """ + "\n" + Forms);

        AssertOnlyError(ex, 6, 42, "visit 'baseline': the anchor visit must be on day 1; got day 2");
    }

    [Fact]
    public void Visit_windows_days_order_and_day_0_are_each_reported()
    {
        var ex = Fail("""
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, window: -1, forms: [f1] }
              - { id: week2, name: Week 2, day: 15, window: 3, windowAfter: 5, forms: [f1] }
              - { id: week4, name: Week 4, day: 15, windowBefore: 2, windowAfter: -3, forms: [f1] }
              - { id: week8, name: Week 8, day: 0, forms: [f1] }
            """ + "\n" + Forms);

        Assert.Equal([(6, 67), (7, 52), (8, 37), (8, 71), (9, 37)], ex.Errors.Select(e => (e.Line, e.Column)));
        Assert.EndsWith("visit 'baseline': 'window' must be 0 or more days; got -1", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("visit 'week2': use either 'window' or 'windowBefore'/'windowAfter', not both", ex.Errors[1].Message, StringComparison.Ordinal);
        Assert.EndsWith("visit 'week4': day 15 must be after day 15 of visit 'week2' (line 7); list scheduled visits in day order", ex.Errors[2].Message, StringComparison.Ordinal);
        Assert.EndsWith("visit 'week4': 'windowAfter' must be 0 or more days; got -3", ex.Errors[3].Message, StringComparison.Ordinal);
        Assert.StartsWith("visit 'week8': day 0 does not exist", ex.Errors[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Visit_form_that_is_not_defined_or_listed_twice_is_reported_at_the_form_id()
    {
        var ex = Fail("""
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [f1, f2, f1] }
            """ + "\n" + Forms);

        Assert.Equal(2, ex.Errors.Count);
        AssertError(ex, 6, 71, "visit 'baseline': form 'f2' is not defined; forms: f1");
        AssertError(ex, 6, 75, "visit 'baseline': form 'f1' is listed twice");
    }

    [Fact]
    public void Visit_unscheduled_with_a_day_is_reported_at_the_day_key()
    {
        var ex = Fail("""
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [f1] }
              - { id: extra, name: Extra, unscheduled: true, day: 5, forms: [f1] }
            """ + "\n" + Forms);

        AssertOnlyError(ex, 7, 50, "visit 'extra': an unscheduled visit has no 'day'; remove it, or drop 'unscheduled: true'");
    }

    [Fact]
    public void Visit_scheduled_without_a_day_is_reported_at_its_mapping()
    {
        var ex = Fail("""
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [f1] }
              - { id: week2, name: Week 2, window: 3, forms: [f1] }
            """ + "\n" + Forms);

        AssertOnlyError(ex, 7, 5, "visit 'week2': missing required key 'day' (the target study day)");
    }

    [Fact]
    public void Visit_day_that_is_not_a_whole_number_is_reported_at_the_value()
    {
        var ex = Fail("""
            visits:
              - id: baseline
                name: Baseline
                day: one
                anchor: true
                forms: [f1]
            """ + "\n" + Forms);

        AssertError(ex, 8, 10, "visit 'baseline': 'day' must be a whole number; got 'one'");
    }

    [Fact]
    public void Form_with_both_instrument_and_items_is_reported_at_items()
    {
        var ex = Fail(VisitsAndForms + "\n" + """
              - { id: f2, name: F2, instrument: easi, items: [ { id: x, label: X, type: integer } ] }
            """);

        AssertOnlyError(ex, 9, 43, "form 'f2': has both 'instrument' and 'items'");
    }

    [Fact]
    public void Form_with_neither_instrument_nor_items_is_reported_at_its_mapping()
    {
        var ex = Fail(VisitsAndForms + "\n" + """
              - { id: f2, name: F2 }
            """);

        AssertOnlyError(ex, 9, 5, "form 'f2': needs 'instrument' (one of easi, pasi, scorad, oscorad, viga, hecsi, dlqi, poem, ppnrs, gppga) or 'items'");
    }

    [Theory]
    [InlineData("eesi")]
    [InlineData("change")]
    public void Form_instrument_not_scored_by_Dermis_is_reported_at_the_value(string instrument)
    {
        var ex = Fail(VisitsAndForms + "\n" + $"  - {{ id: f2, name: F2, instrument: {instrument} }}");

        AssertOnlyError(ex, 9, 37, $"form 'f2': instrument '{instrument}' is not known; allowed: easi, pasi, scorad, oscorad, viga, hecsi, dlqi, poem, ppnrs, gppga");
    }

    private static string ItemForm(string itemLine) => """
        visits:
          - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [f1] }
        forms:
          - id: f1
            name: F1
            items:
        """ + "\n" + itemLine + "\n" + """
        codeLists:
          - { id: sex, codes: { F: Female, M: Male } }
        """;

    [Fact]
    public void Item_choice_without_code_list_is_reported_at_its_type()
    {
        var ex = Fail(ItemForm("      - { id: sex, label: Sex, type: choice }"));

        AssertOnlyError(ex, 11, 38, "form 'f1' item 'sex': a choice item needs 'codeList' naming one of: sex");
    }

    [Fact]
    public void Item_code_list_that_is_not_defined_is_reported_at_the_value()
    {
        var ex = Fail(ItemForm("      - { id: sex, label: Sex, type: choice, codeList: gender }"));

        AssertOnlyError(ex, 11, 56, "form 'f1' item 'sex': code list 'gender' is not defined; code lists: sex");
    }

    [Fact]
    public void Item_range_min_above_max_is_reported_at_min()
    {
        var ex = Fail(ItemForm("      - { id: weight, label: Weight, type: decimal, range: { min: 250, max: 30 } }"));

        AssertOnlyError(ex, 11, 67, "form 'f1' item 'weight' range: min 250 is above max 30");
    }

    [Fact]
    public void Item_soft_range_outside_hard_range_is_reported_at_each_bound()
    {
        var ex = Fail(ItemForm("      - { id: weight, label: Weight, type: decimal, range: { min: 30, max: 250 }, softRange: { min: 20, max: 300 } }"));

        Assert.Equal(2, ex.Errors.Count);
        AssertError(ex, 11, 101, "form 'f1' item 'weight': softRange min 20 is outside range 30–250; the soft range lies inside the hard range");
        AssertError(ex, 11, 110, "softRange max 300 is outside range 30–250");
    }

    [Fact]
    public void Item_soft_range_with_an_open_bound_still_lies_inside_the_hard_range()
    {
        var ex = Fail(ItemForm("      - { id: weight, label: Weight, type: decimal, range: { max: 250 }, softRange: { min: 300 } }"));

        AssertOnlyError(ex, 11, 92, "softRange min 300 is outside range -∞–250");
    }

    [Fact]
    public void Item_units_range_and_code_list_on_a_text_item_are_reported_at_their_keys()
    {
        var ex = Fail(ItemForm("      - { id: note, label: Note, type: text, units: kg, range: { max: 3 }, codeList: sex }"));

        Assert.Equal([(11, 46), (11, 57), (11, 76)], ex.Errors.Select(e => (e.Line, e.Column)));
        Assert.EndsWith("'units' applies to integer and decimal items only; this item is text", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("'range' applies to integer and decimal items only; this item is text", ex.Errors[1].Message, StringComparison.Ordinal);
        Assert.EndsWith("'codeList' applies to choice items only", ex.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_unknown_type_lists_the_types()
    {
        var ex = Fail(ItemForm("      - { id: note, label: Note, type: float }"));

        AssertOnlyError(ex, 11, 40, "type 'float' is not known; allowed: text, integer, decimal, date, partialDate, choice, boolean");
    }

    private static string CheckProtocol(string checkLines) => """
        visits:
          - { id: screening, name: Screening, day: -14, forms: [vitals] }
          - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [vitals, easi] }
        forms:
          - { id: easi, name: EASI, instrument: easi }
          - { id: vitals, name: Vitals, items: [ { id: weight, label: Weight, type: decimal } ] }
        editChecks:
        """ + "\n" + checkLines;

    [Fact]
    public void EditCheck_unknown_form_is_reported_at_the_form_value()
    {
        var ex = Fail(CheckProtocol("  - { id: C1, form: eesi, when: 'eesi.total < 16', message: M }"));

        AssertError(ex, 12, 21, "edit check 'C1': form 'eesi' is not defined; forms: easi, vitals");
        AssertError(ex, 12, 34, "edit check 'C1': condition: reference 'eesi.total' at 0: 'eesi' is neither a form nor a visit");
    }

    [Fact]
    public void EditCheck_unknown_visit_is_reported_at_the_visit_value()
    {
        var ex = Fail(CheckProtocol("  - { id: C1, form: easi, visit: week16, when: 'easi.total < 16', message: M }"));

        AssertOnlyError(ex, 12, 34, "edit check 'C1': visit 'week16' is not defined; visits: screening, baseline");
    }

    [Fact]
    public void EditCheck_visit_that_does_not_collect_the_form_is_reported_at_the_visit_and_the_reference()
    {
        var ex = Fail(CheckProtocol("  - { id: C1, form: easi, visit: screening, when: 'easi.total < 16', message: M }"));

        Assert.Equal(2, ex.Errors.Count);
        AssertError(ex, 12, 34, "edit check 'C1': visit 'screening' does not collect form 'easi'; it collects vitals");
        AssertError(ex, 12, 52, "reference 'easi.total' at 0: visit 'screening', where this check runs, does not collect form 'easi'; name the visit, e.g. baseline.easi.total");
    }

    [Fact]
    public void EditCheck_syntax_error_is_reported_at_the_column_inside_the_double_quoted_condition()
    {
        var ex = Fail(CheckProtocol("""  - { id: C1, form: easi, visit: baseline, when: "easi.total < )", message: M }"""));

        AssertOnlyError(ex, 12, 64, "edit check 'C1': condition: unexpected ')' at 13; expected a number, a string, a reference, a function or '('");
    }

    [Fact]
    public void EditCheck_unknown_item_is_reported_at_the_column_inside_a_plain_condition()
    {
        var ex = Fail(CheckProtocol("""
              - id: C1
                form: easi
                when: easi.total < vitals.height
                message: M
            """));

        AssertOnlyError(ex, 14, 24, "edit check 'C1': condition: reference 'vitals.height' at 13: 'height' is not an item of form 'vitals'; items: weight");
    }

    [Fact]
    public void EditCheck_column_counts_escaped_quotes_in_single_quoted_conditions()
    {
        var ex = Fail(CheckProtocol("""
              - id: C1
                form: easi
                when: 'easi.band == ''mild'' and eesi.total > 1'
                message: M
            """));

        AssertOnlyError(ex, 14, 38, "reference 'eesi.total' at 24");
    }

    [Fact]
    public void EditCheck_column_counts_escapes_in_double_quoted_conditions()
    {
        var ex = Fail(CheckProtocol("""
              - id: C1
                form: easi
                when: "easi.band == \"mild\" and eesi.total > 1"
                message: M
            """));

        AssertOnlyError(ex, 14, 38, "reference 'eesi.total' at 24");
    }

    [Fact]
    public void EditCheck_visit_limited_condition_may_not_read_a_form_its_visit_does_not_collect()
    {
        var ex = Fail(CheckProtocol("""  - { id: C1, form: vitals, visit: screening, when: "vitals.weight > easi.total", message: M }"""));

        AssertOnlyError(ex, 12, 70, "visit 'screening', where this check runs, does not collect form 'easi'");
    }

    [Fact]
    public void EditCheck_visit_qualified_reference_to_a_form_the_visit_does_not_collect_is_reported()
    {
        var ex = Fail(CheckProtocol("""  - { id: C1, form: easi, when: "easi.total > screening.easi.total", message: M }"""));

        AssertOnlyError(ex, 12, 47, "reference 'screening.easi.total' at 13: visit 'screening' does not collect form 'easi'; it collects vitals");
    }

    [Fact]
    public void EditCheck_item_not_in_the_custom_form_is_reported_at_the_item_value()
    {
        var ex = Fail(CheckProtocol("""  - { id: C1, form: vitals, when: "vitals.weight > 200", message: M, item: height }"""));

        AssertOnlyError(ex, 12, 76, "edit check 'C1': 'height' is not an item of form 'vitals'; items: weight");
    }

    [Fact]
    public void EditCheck_on_an_instrument_form_accepts_any_item_path()
    {
        var protocol = Parse(CheckProtocol("""  - { id: C1, form: easi, when: "easi.regions.head.area > 5 and baseline.easi.band == 'severe'", message: M, item: regions.head.area }"""));

        var check = Assert.Single(protocol.EditChecks);
        Assert.Equal(("C1", "easi", null, "regions.head.area"), (check.Id, check.FormId, check.VisitId, check.ItemPath));
    }
}
