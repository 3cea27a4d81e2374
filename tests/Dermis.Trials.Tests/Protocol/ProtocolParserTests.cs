using Dermis.Trials.Protocol;
using static Dermis.Trials.Tests.Protocol.ProtocolTestYaml;

namespace Dermis.Trials.Tests.Protocol;

public sealed class ProtocolParserTests
{
    [Fact]
    public void Parse_minimal_protocol_applies_documented_defaults()
    {
        var protocol = Parse(VisitsAndForms);

        Assert.Equal(("S1", "Study", "1", "Sponsor", "1"), (protocol.StudyId, protocol.Name, protocol.Version, protocol.Sponsor, protocol.ConsentDocumentVersion));
        Assert.Equal(new ArmDefinition("a", "A", 1), Assert.Single(protocol.Arms));
        Assert.Empty(protocol.Stratification);
        Assert.Empty(protocol.Eligibility);
        Assert.Empty(protocol.CodeLists);
        Assert.Empty(protocol.EditChecks);
        var visit = Assert.Single(protocol.Visits);
        Assert.Equal(("baseline", 1, 0, 0, true, false), (visit.Id, visit.Day, visit.WindowBeforeDays, visit.WindowAfterDays, visit.IsAnchor, visit.IsUnscheduled));
        Assert.Equal(["f1"], visit.FormIds);
        var item = Assert.Single(Assert.Single(protocol.Forms).Items);
        Assert.Equal(new ItemDefinition("x", "X", ItemType.Integer, false, null, null, null, null), item);
    }

    [Fact]
    public void Parse_window_sets_both_sides_and_window_before_alone_leaves_after_at_0()
    {
        var protocol = Parse("""
            visits:
              - { id: screening, name: Screening, day: -28, windowBefore: 0, windowAfter: 27, forms: [f1] }
              - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [f1] }
              - { id: week2, name: Week 2, day: 15, window: 3, forms: [f1] }
              - { id: week4, name: Week 4, day: 29, windowBefore: 2, forms: [f1] }
              - { id: unscheduled, name: Unscheduled, unscheduled: true, forms: [f1] }
            forms:
              - { id: f1, name: F1, instrument: viga }
            """);

        Assert.Equal(
            [(-28, 0, 27), (1, 0, 0), (15, 3, 3), (29, 2, 0), (0, 0, 0)],
            protocol.Visits.Select(v => (v.Day, v.WindowBeforeDays, v.WindowAfterDays)));
        Assert.True(protocol.Visits[4].IsUnscheduled);
        Assert.Equal("baseline", protocol.AnchorVisit.Id);
        Assert.Equal(new FormDefinition("f1", "F1", "viga", []), protocol.Forms[0] with { Items = [] });
    }

    [Fact]
    public void Parse_keeps_scalar_text_exactly_and_code_order_as_written()
    {
        var yaml = """
            study: { id: S1, name: Study, version: 1.10, sponsor: Sponsor }
            arms: [ { id: a, name: A, ratio: 3 }, { id: b, name: B } ]
            consent: { documentVersion: 2.0 }
            eligibility:
              - { id: IC1, kind: inclusion, text: "Age ≥ 18: adults only" }
              - { id: EC1, kind: exclusion, text: Pregnancy }
            """ + "\n" + """
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [f1] }
            forms:
              - id: f1
                name: F1
                items:
                  - { id: score, label: Score, type: choice, codeList: scores, required: true }
                  - { id: level, label: Level, type: decimal, units: mg/L, range: { max: 3.50 } }
            codeLists:
              - { id: scores, codes: { "10": Ten, "2": Two, "1": One } }
            """;

        var protocol = ProtocolParser.Parse(yaml, "t.yaml");

        Assert.Equal("1.10", protocol.Version);
        Assert.Equal("2.0", protocol.ConsentDocumentVersion);
        Assert.Equal([3, 1], protocol.Arms.Select(a => a.Ratio));
        Assert.Equal(
            [new EligibilityCriterion("IC1", CriterionKind.Inclusion, "Age ≥ 18: adults only"), new EligibilityCriterion("EC1", CriterionKind.Exclusion, "Pregnancy")],
            protocol.Eligibility);
        Assert.Equal(["10", "2", "1"], protocol.CodeLists[0].Codes.Select(c => c.Key));
        var items = protocol.Forms[0].Items;
        Assert.Equal((ItemType.Choice, true, "scores"), (items[0].Type, items[0].Required, items[0].CodeListId));
        Assert.Equal(new ValueRange(null, 3.50m), items[1].HardRange);
        Assert.Equal("mg/L", items[1].Units);
    }

    [Fact]
    public void Parse_error_message_is_source_line_column_reason()
    {
        var ex = Fail("""
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, windw: 3, forms: [f1] }
            forms:
              - { id: f1, name: F1, instrument: easi }
            """);

        Assert.Equal(
            "t.yaml:6:59: visit 'baseline': unknown key 'windw'; allowed: id, name, day, window, windowBefore, windowAfter, anchor, unscheduled, forms",
            ex.Message);
        Assert.Equal(("t.yaml", 6, 59), (ex.SourceName, ex.Line, ex.Column));
    }

    [Fact]
    public void Parse_collects_every_error_sorted_by_position_with_the_first_in_the_message()
    {
        var ex = Fail("""
            visits:
              - { id: week2, name: Week 2, day: 15, forms: [f9] }
              - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [f1] }
            forms:
              - { id: f1, name: F1, instrument: eesi }
            """);

        Assert.Equal([(6, 49), (7, 42), (9, 37)], ex.Errors.Select(e => (e.Line, e.Column)));
        Assert.Equal("t.yaml:6:49: visit 'week2': form 'f9' is not defined; forms: f1", ex.Message);
        Assert.Equal(ex.Errors[1].Format("t.yaml"), ex.FormatAll().Split('\n')[1]);
        Assert.Contains("day 1 must be after day 15 of visit 'week2' (line 6)", ex.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_malformed_yaml_is_reported_at_the_scanner_position()
    {
        var ex = Fail("""
            visits:
              - id: baseline
             name: x
            """);

        var error = Assert.Single(ex.Errors);
        Assert.Equal((7, 2), (error.Line, error.Column));
        Assert.StartsWith("malformed YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_unclosed_flow_sequence_is_reported_not_thrown_as_invalid_operation()
    {
        var ex = Fail("""
            visits: [ { id: baseline
            forms: []
            """);

        var error = Assert.Single(ex.Errors);
        Assert.Equal(6, error.Line);
        Assert.StartsWith("malformed YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_duplicate_key_is_reported_at_the_second_key()
    {
        var ex = Fail(VisitsAndForms + "\nvisits: []");

        Assert.Equal("t.yaml:9:1: malformed YAML: Duplicate key visits", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_empty_text_is_reported_at_line_1(string yaml)
    {
        var ex = Assert.Throws<ProtocolException>(() => ProtocolParser.Parse(yaml, "empty.yaml"));

        Assert.StartsWith("empty.yaml:1:1: the protocol is empty; expected a mapping with keys study, arms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_second_yaml_document_is_reported_at_its_start()
    {
        var ex = Fail(VisitsAndForms + "\n---\nstudy: {}");

        AssertOnlyError(ex, 10, 1, "a protocol file holds one YAML document");
    }

    [Fact]
    public void Parse_root_that_is_a_list_is_reported()
    {
        var ex = Assert.Throws<ProtocolException>(() => ProtocolParser.Parse("- study\n", "l.yaml"));

        Assert.Equal("l.yaml:1:1: the protocol must be a mapping with keys study, arms, stratification, consent, eligibility, visits, forms, codeLists, editChecks, randomisation, diaries, sensing; got a list", ex.Message);
    }

    [Fact]
    public void Load_names_the_path_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dermis-protocol-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Head + "\n" + VisitsAndForms.Replace("day: 1", "day: 2", StringComparison.Ordinal));
        try
        {
            var ex = Assert.Throws<ProtocolException>(() => ProtocolParser.Load(path));

            Assert.Equal(path, ex.SourceName);
            Assert.Equal($"{path}:6:42: visit 'baseline': the anchor visit must be on day 1; got day 2", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_reads_a_valid_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dermis-protocol-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Head + "\n" + VisitsAndForms);
        try
        {
            Assert.Equal("S1", ProtocolParser.Load(path).StudyId);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
