using Dermis.Trials.Checks;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Tests.Protocol;

public sealed class ProtocolSamplesTests
{
    private static readonly ProtocolDefinition Ad = ProtocolParser.Load(Samples.PathOf("ad-phase3.yaml"));
    private static readonly ProtocolDefinition Che = ProtocolParser.Load(Samples.PathOf("hand-eczema.yaml"));

    [Fact]
    public void AdPhase3_study_header_is_read_as_written()
    {
        Assert.Equal("DERM-AD-301", Ad.StudyId);
        Assert.Equal("2.0", Ad.Version);
        Assert.Equal("Dermis Therapeutics", Ad.Sponsor);
        Assert.StartsWith("A 52-Week, Randomised, Double-Blind", Ad.Name, StringComparison.Ordinal);
        Assert.Equal("2.0", Ad.ConsentDocumentVersion);
    }

    [Fact]
    public void AdPhase3_arms_are_active_and_placebo_2_to_1()
    {
        Assert.Equal(["active", "placebo"], Ad.Arms.Select(a => a.Id));
        Assert.Equal([2, 1], Ad.Arms.Select(a => a.Ratio));
    }

    [Fact]
    public void AdPhase3_stratifies_by_region_and_baseline_viga()
    {
        Assert.Equal(["region", "baselineViga"], Ad.Stratification.Select(f => f.Id));
        Assert.Equal(["EU", "NA", "APAC"], Ad.Stratification[0].Levels);
        Assert.Equal(["3", "4"], Ad.Stratification[1].Levels);
    }

    [Fact]
    public void AdPhase3_has_8_inclusion_and_8_exclusion_criteria()
    {
        Assert.Equal(8, Ad.Eligibility.Count(c => c.Kind == CriterionKind.Inclusion));
        Assert.Equal(8, Ad.Eligibility.Count(c => c.Kind == CriterionKind.Exclusion));
        Assert.Contains("Hanifin and Rajka", Ad.Eligibility.Single(c => c.Id == "IC2").Text, StringComparison.Ordinal);
        Assert.Contains("≥ 16", Ad.Eligibility.Single(c => c.Id == "IC3").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AdPhase3_schedule_has_12_visits_anchored_at_baseline_day_1()
    {
        Assert.Equal(
            ["screening", "baseline", "week2", "week4", "week8", "week12", "week16", "week24", "week32", "week40", "week52", "unscheduled"],
            Ad.Visits.Select(v => v.Id));
        Assert.Equal("baseline", Ad.AnchorVisit.Id);
        Assert.Equal(1, Ad.AnchorVisit.Day);
        Assert.Equal(
            [-28, 1, 15, 29, 57, 85, 113, 169, 225, 281, 365],
            Ad.Visits.Where(v => !v.IsUnscheduled).Select(v => v.Day));
    }

    [Fact]
    public void AdPhase3_windows_are_0_27_at_screening_3_to_week4_and_7_after()
    {
        var screening = Ad.FindVisit("screening")!;
        Assert.Equal((-28, 0, 27), (screening.Day, screening.WindowBeforeDays, screening.WindowAfterDays));
        Assert.Equal((3, 3), (Ad.FindVisit("week2")!.WindowBeforeDays, Ad.FindVisit("week2")!.WindowAfterDays));
        Assert.Equal((3, 3), (Ad.FindVisit("week4")!.WindowBeforeDays, Ad.FindVisit("week4")!.WindowAfterDays));
        var week16 = Ad.FindVisit("week16")!;
        Assert.Equal((113, 7, 7), (week16.Day, week16.WindowBeforeDays, week16.WindowAfterDays));
        Assert.Equal((365, 7, 7), (Ad.FindVisit("week52")!.Day, Ad.FindVisit("week52")!.WindowBeforeDays, Ad.FindVisit("week52")!.WindowAfterDays));
        var baseline = Ad.AnchorVisit;
        Assert.Equal((0, 0), (baseline.WindowBeforeDays, baseline.WindowAfterDays));
    }

    [Fact]
    public void AdPhase3_unscheduled_visit_has_no_day_and_collects_vitals_easi_viga_and_adverse_events()
    {
        var unscheduled = Ad.FindVisit("unscheduled")!;
        Assert.True(unscheduled.IsUnscheduled);
        Assert.False(unscheduled.IsAnchor);
        Assert.Equal(0, unscheduled.Day);
        Assert.Equal(["vitals", "easi", "viga", "ae"], unscheduled.FormIds);
    }

    [Fact]
    public void AdPhase3_forms_are_five_custom_and_six_instruments()
    {
        Assert.Equal(["demographics", "medhist", "vitals", "bsa", "easi", "viga", "scorad", "poem", "dlqi", "ppnrs", "ae"], Ad.Forms.Select(f => f.Id));
        Assert.Equal(
            ["easi", "viga", "scorad", "poem", "dlqi", "ppnrs"],
            Ad.Forms.Where(f => f.Instrument is not null).Select(f => f.Instrument!));
        Assert.All(Ad.Forms.Where(f => f.Instrument is not null), f => Assert.Empty(f.Items));
        Assert.Equal(["easi", "viga", "ppnrs"], Ad.FindVisit("week2")!.FormIds.Skip(1));
    }

    [Fact]
    public void AdPhase3_weight_has_kg_hard_30_250_and_soft_40_180()
    {
        var weight = Ad.FindForm("vitals")!.Items.Single(i => i.Id == "weight");
        Assert.Equal(ItemType.Decimal, weight.Type);
        Assert.Equal("kg", weight.Units);
        Assert.True(weight.Required);
        Assert.Equal(new ValueRange(30m, 250m), weight.HardRange);
        Assert.Equal(new ValueRange(40m, 180m), weight.SoftRange);
        var temperature = Ad.FindForm("vitals")!.Items.Single(i => i.Id == "temperature");
        Assert.Equal("°C", temperature.Units);
        Assert.Equal(new ValueRange(35.5m, 37.9m), temperature.SoftRange);
    }

    [Fact]
    public void AdPhase3_code_lists_keep_file_order()
    {
        var sex = Ad.CodeLists.Single(c => c.Id == "sex");
        Assert.Equal([new("F", "Female"), new("M", "Male")], sex.Codes);
        Assert.Equal(["I", "II", "III", "IV", "V", "VI"], Ad.CodeLists.Single(c => c.Id == "fitzpatrick").Codes.Select(c => c.Key));
        var sexItem = Ad.FindForm("demographics")!.Items.Single(i => i.Id == "sex");
        Assert.Equal((ItemType.Choice, "sex"), (sexItem.Type, sexItem.CodeListId));
        Assert.Equal(ItemType.PartialDate, Ad.FindForm("demographics")!.Items.Single(i => i.Id == "birthDate").Type);
    }

    [Fact]
    public void AdPhase3_edit_checks_all_compile_against_the_protocol()
    {
        Assert.Equal(14, Ad.EditChecks.Count);
        var worse = Ad.EditChecks.Single(c => c.Id == "EC-EASI-WORSE");
        Assert.Equal(("easi", null, "easi.total > baseline.easi.total * 1.5", "total"), (worse.FormId, worse.VisitId, worse.Condition, worse.ItemPath));
        var baseline = Ad.EditChecks.Single(c => c.Id == "EC-EASI-BL");
        Assert.Equal(("easi", "baseline", "easi.total < 16"), (baseline.FormId, baseline.VisitId, baseline.Condition));

        var compiled = CompiledEditCheck.Compile(Ad);

        Assert.Equal(Ad.EditChecks.Select(c => c.Id), compiled.Select(c => c.Definition.Id));
        Assert.All(compiled, c => Assert.True(c.Condition.IsBound));
        Assert.Equal(
            [new ItemReference(null, "easi", "total"), new ItemReference("baseline", "easi", "total")],
            compiled.Single(c => c.Definition.Id == "EC-EASI-WORSE").Condition.References);
    }

    [Theory]
    [InlineData(20, 30, false)] // exactly +50 %: not "more than"
    [InlineData(20, 30.05, true)]
    [InlineData(20, 10, false)]
    public void AdPhase3_easi_worsening_check_fires_above_150_percent_of_baseline(decimal baseline, decimal current, bool fires)
    {
        var check = CompiledEditCheck.Compile(Ad).Single(c => c.Definition.Id == "EC-EASI-WORSE");

        var result = check.Fires(r => CheckValue.FromNumber(r.VisitId == "baseline" ? baseline : current));

        Assert.Equal(fires, result);
    }

    [Fact]
    public void AdPhase3_easi_worsening_check_does_not_fire_without_a_baseline()
    {
        var check = CompiledEditCheck.Compile(Ad).Single(c => c.Definition.Id == "EC-EASI-WORSE");

        Assert.False(check.Fires(r => r.VisitId == "baseline" ? CheckValue.Null : CheckValue.FromNumber(60m)));
    }

    [Fact]
    public void AdPhase3_ad_duration_check_uses_days_between_diagnosis_and_consent()
    {
        var check = CompiledEditCheck.Compile(Ad).Single(c => c.Definition.Id == "EC-AD-DURATION");
        var consent = new DateOnly(2025, 3, 3);

        Assert.True(check.Fires(r => CheckValue.FromDate(r.ItemPath == "consentDate" ? consent : new DateOnly(2024, 3, 4))));   // 364 days
        Assert.False(check.Fires(r => CheckValue.FromDate(r.ItemPath == "consentDate" ? consent : new DateOnly(2024, 3, 3))));  // 365 days
        Assert.False(check.Fires(r => r.ItemPath == "consentDate" ? CheckValue.FromDate(consent) : CheckValue.Null));         // partial date: missing
    }

    [Fact]
    public void HandEczema_schedule_has_9_visits_and_week16_at_day_113_window_3()
    {
        Assert.Equal("DERM-CHE-302", Che.StudyId);
        Assert.Equal(9, Che.Visits.Count);
        Assert.Equal("baseline", Che.AnchorVisit.Id);
        var week16 = Che.FindVisit("week16")!;
        Assert.Equal((113, 3, 3), (week16.Day, week16.WindowBeforeDays, week16.WindowAfterDays));
        Assert.Equal(["hecsi", "igache", "hesd", "dlqi"], week16.FormIds);
        Assert.Equal((8, 2, 2), (Che.FindVisit("week1")!.Day, Che.FindVisit("week1")!.WindowBeforeDays, Che.FindVisit("week1")!.WindowAfterDays));
        Assert.True(Che.Visits[^1].IsUnscheduled);
    }

    [Fact]
    public void HandEczema_uses_hecsi_instrument_and_custom_0_to_4_iga_che_choice()
    {
        Assert.Equal("hecsi", Che.FindForm("hecsi")!.Instrument);
        var grade = Che.FindForm("igache")!.Items.Single();
        Assert.Equal(("grade", ItemType.Choice, "igache", true), (grade.Id, grade.Type, grade.CodeListId, grade.Required));
        Assert.Equal(
            [new("0", "Clear"), new("1", "Almost clear"), new("2", "Mild"), new("3", "Moderate"), new("4", "Severe")],
            Che.CodeLists.Single(c => c.Id == "igache").Codes);
        Assert.Equal([2, 1], Che.Arms.Select(a => a.Ratio));
        Assert.Equal(6, Che.Eligibility.Count(c => c.Kind == CriterionKind.Inclusion));
        Assert.Equal(6, Che.Eligibility.Count(c => c.Kind == CriterionKind.Exclusion));
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("3", false)]
    [InlineData("4", false)]
    [InlineData(null, false)]
    public void HandEczema_baseline_iga_check_fires_below_moderate(string? code, bool fires)
    {
        var check = CompiledEditCheck.Compile(Che).Single(c => c.Definition.Id == "EC-IGA-BL");

        Assert.Equal(fires, check.Fires(_ => CheckValue.FromText(code)));
    }

    [Fact]
    public void HandEczema_week16_check_fires_when_hecsi_is_missing()
    {
        var check = CompiledEditCheck.Compile(Che).Single(c => c.Definition.Id == "EC-HECSI-W16");

        Assert.True(check.Fires(_ => CheckValue.Null));
        Assert.False(check.Fires(_ => CheckValue.FromNumber(0m)));
    }

    [Fact]
    public void Docs_complete_example_parses_and_its_checks_compile()
    {
        var markdown = File.ReadAllText(Samples.RepositoryFile(Path.Combine("docs", "protocol.md")));
        var start = markdown.LastIndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];

        var protocol = ProtocolParser.Parse(yaml, "docs/protocol.md");

        Assert.Equal("DERM-AD-201", protocol.StudyId);
        Assert.Equal(4, protocol.Visits.Count);
        Assert.Equal(2, CompiledEditCheck.Compile(protocol).Count);
    }
}
