using Dermis.Trials.Exchange;
using Dermis.Trials.Exchange.Analysis;
using static Dermis.Trials.Tests.Exchange.Sdtm.ExportFixture;

namespace Dermis.Trials.Tests.Exchange.Analysis;

/// <summary>
/// The analysis table. Expected cells are written by hand from the rules in trials.md §4.2, §4.5, §4.9:
/// percent change 100 × (v − b) / b rounded half away from zero to 2 decimals at output; EASI-xx,
/// IGA 0/1 and the itch responder decided on exact values.
/// </summary>
public sealed class AnalysisCsvTests
{
    private const string Header =
        "study,site,participant,arm,visit,visit_day,visit_date,study_day,easi,easi_baseline,easi_change,easi_pct_change,easi50,easi75,easi90," +
        "viga,viga_baseline,iga01,itch_weekly_mean,itch_baseline,itch_change,itch_responder,poem,poem_baseline,poem_change,dlqi,dlqi_baseline,dlqi_change";

    [Fact]
    public async Task WriteAsync_three_participants_gives_exact_rows_per_scheduled_visit_with_data()
    {
        var csv = await Csv(ThreeParticipants(armsVisible: true));

        Assert.Equal(
            [
                Header,
                // Screening: before the anchor, so baselines but no change. No diary week before 02-05: itch empty.
                "DERM-AD-301,DE01,DE01-0001,active,screening,-28,2024-02-05,-28,26,24.5,,,,,,3,3,,,7.5,,,,19,,,12,",
                // Baseline itch = diary 02-26…03-03: 7, 8, 7, 8 on 4 days (≥ minimumDaysPerWeek 4) → 30/4 = 7.5.
                "DERM-AD-301,DE01,DE01-0001,active,baseline,1,2024-03-04,1,24.5,24.5,,,,,,3,3,,7.5,7.5,,,19,19,,12,12,",
                // 24.5 → 6: −18.5, −75.5102… → −75.51; 1850 ≥ 75 × 24.5 = 1837.5 → EASI-75; 1850 < 2205 → not EASI-90.
                // vIGA 3 → 1: IGA 0/1. Itch 06-17…06-23: 4, 3, 4, 3 → 3.5; 7.5 − 3.5 = exactly 4 → responder.
                // The unscheduled visit (AE only) has no row.
                "DERM-AD-301,DE01,DE01-0001,active,week16,113,2024-06-24,113,6,24.5,-18.5,-75.51,true,true,false,1,3,true,3.5,7.5,-4,true,6,19,-13,3,12,-9",
                // Screen failure: not randomised (no arm), no anchor (no study day, no baseline); missing cells empty, never 0.
                "DERM-AD-301,DE01,DE01-0002,,screening,-28,2024-02-12,,12.5,,,,,,,2,,,,,,,,,,,,",
                "DERM-AD-301,US01,US01-0001,placebo,screening,-28,2024-03-01,-31,30,28,,,,,,4,4,,,,,,,25,,,20,",
                "DERM-AD-301,US01,US01-0001,placebo,baseline,1,2024-04-01,1,28,28,,,,,,4,4,,,,,,25,25,,20,20,",
                // 28 → 20.1: −7.9, −28.214… → −28.21, no responder; vIGA 4 → 3 is not 0/1.
                "DERM-AD-301,US01,US01-0001,placebo,week2,15,2024-04-15,15,20.1,28,-7.9,-28.21,false,false,false,3,4,false,,,,,,25,,,20,",
                "",
            ],
            csv.Split("\r\n"));
    }

    [Fact]
    public void Build_blinded_export_writes_blinded_for_randomised_participants_only()
    {
        var rows = AnalysisCsv.Build(ThreeParticipants(armsVisible: false));

        Assert.Equal(
            ["DE01-0001 blinded", "DE01-0001 blinded", "DE01-0001 blinded", "DE01-0002 ", "US01-0001 blinded", "US01-0001 blinded", "US01-0001 blinded"],
            rows.Select(r => $"{r.Participant} {r.Arm}"));
    }

    [Theory]
    // trials.md §4.2 floating-point traps: exactly 75 % and 90 % improvement count (≥).
    [InlineData("24.4", "6.1", "-75", true, true, false)]
    [InlineData("21.4", "5.35", "-75", true, true, false)]
    [InlineData("18", "1.8", "-90", true, true, true)]
    [InlineData("0.6", "0.15", "-75", true, true, false)]
    // trials.md §4.2 worked example: 20.10 → 4.50 = −77.61 %.
    [InlineData("20.1", "4.5", "-77.61", true, true, false)]
    // Exactly half: EASI-50 yes. Worsening: positive change, no responder.
    [InlineData("16", "8", "-50", true, false, false)]
    [InlineData("16", "20", "25", false, false, false)]
    // −2/3 × 100 = −66.666… → −66.67 (half away from zero only at output).
    [InlineData("30", "10", "-66.67", true, false, false)]
    public async Task Easi_percent_change_and_responders_are_decided_on_exact_decimals(string baseline, string week16, string percent, bool easi50, bool easi75, bool easi90)
    {
        var study = Study(true, Randomised("DE01-0101",
            Visit(1, "baseline", "2024-03-04", Easi(decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture), 40)),
            Visit(2, "week16", "2024-06-24", Easi(decimal.Parse(week16, System.Globalization.CultureInfo.InvariantCulture), 40))));

        var week = Cells(await Csv(study), "week16");

        Assert.Equal([percent, Flag(easi50), Flag(easi75), Flag(easi90)], [week["easi_pct_change"], week["easi50"], week["easi75"], week["easi90"]]);
    }

    [Theory]
    // trials.md §4.5: grade 0/1 and ≥ 2 grades below baseline.
    [InlineData(3, 1, "true")]
    [InlineData(4, 1, "true")]
    [InlineData(4, 0, "true")]
    [InlineData(2, 0, "true")]
    [InlineData(2, 1, "false")]
    [InlineData(4, 2, "false")]
    [InlineData(3, 3, "false")]
    public async Task Iga01_needs_grade_0_or_1_and_a_two_grade_reduction(int baseline, int week16, string expected)
    {
        var study = Study(true, Randomised("DE01-0102",
            Visit(1, "baseline", "2024-03-04", Viga(baseline)),
            Visit(2, "week16", "2024-06-24", Viga(week16))));

        Assert.Equal(expected, Cells(await Csv(study), "week16")["iga01"]);
    }

    [Fact]
    public async Task Itch_from_ppnrs_forms_compares_exact_sevenths_55_7_minus_27_7_is_a_responder()
    {
        // Baseline week 8,7,8,9,8,7,8 = 55/7 = 7.857142…; week 16 4,3,4,3,4,5,4 = 27/7 = 3.857142…; difference exactly 4.
        var study = Study(true, Randomised("DE01-0103",
            Visit(1, "baseline", "2024-03-04", Ppnrs([8, 7, 8, 9, 8, 7, 8], [8, 7, 8, 9, 8, 7, 8])),
            Visit(2, "week16", "2024-06-24", Ppnrs([8, 7, 8, 9, 8, 7, 8], [4, 3, 4, 3, 4, 5, 4]))));

        var week = Cells(await Csv(study), "week16");

        Assert.Equal(["3.8571", "7.8571", "-4", "true"], [week["itch_weekly_mean"], week["itch_baseline"], week["itch_change"], week["itch_responder"]]);
    }

    [Fact]
    public async Task Itch_worked_example_7_857_to_3_571_improves_4_286_and_responds()
    {
        // trials.md §4.9: 55/7 → 25/7, improvement 30/7 = 4.2857… ≥ 4.
        var study = Study(true, Randomised("DE01-0104",
            Visit(1, "baseline", "2024-03-04", Ppnrs([8, 7, 8, 9, 8, 7, 8], [8, 7, 8, 9, 8, 7, 8])),
            Visit(2, "week16", "2024-06-24", Ppnrs([8, 7, 8, 9, 8, 7, 8], [4, 3, 4, 3, 4, 3, 4]))));

        var week = Cells(await Csv(study), "week16");

        Assert.Equal(["3.5714", "7.8571", "-4.2857", "true"], [week["itch_weekly_mean"], week["itch_baseline"], week["itch_change"], week["itch_responder"]]);
    }

    [Fact]
    public async Task Itch_diary_week_with_fewer_than_minimum_days_is_empty_and_below_4_points_is_not_a_responder()
    {
        // Baseline week 02-26…03-03: 6, 6, 6, 7 → 25/4 = 6.25. Week before week 2 (03-11…03-17): 3 days only (minimum 4) → empty.
        // Week before week 4 (03-25…03-31): 3, 3, 3, 2 → 11/4 = 2.75; 6.25 − 2.75 = 3.5 < 4.
        var study = Study(true, Randomised("DE01-0105",
            [
                Visit(1, "baseline", "2024-03-04", Viga(3)),
                Visit(2, "week2", "2024-03-18", Viga(3)),
                Visit(3, "week4", "2024-04-01", Viga(2)),
            ],
            [
                Itch("2024-02-26", 6), Itch("2024-02-27", 6), Itch("2024-03-01", 6), Itch("2024-03-03", 7),
                Itch("2024-03-11", 2), Itch("2024-03-12", 2), Itch("2024-03-13", 2),
                Itch("2024-03-25", 3), Itch("2024-03-27", 3), Itch("2024-03-29", 3), Itch("2024-03-31", 2),
            ]));

        var csv = await Csv(study);
        var week2 = Cells(csv, "week2");
        var week4 = Cells(csv, "week4");

        Assert.Equal(["", "6.25", "", ""], [week2["itch_weekly_mean"], week2["itch_baseline"], week2["itch_change"], week2["itch_responder"]]);
        Assert.Equal(["2.75", "6.25", "-3.5", "false"], [week4["itch_weekly_mean"], week4["itch_baseline"], week4["itch_change"], week4["itch_responder"]]);
    }

    [Fact]
    public async Task Poem_without_an_ecrf_at_the_visit_comes_from_the_diary_due_in_the_week_ending_on_the_visit()
    {
        // Baseline eCRF POEM 4,4,4,3,3,3,4 = 25. Week 2 (03-18) has no POEM form; the weekly diary due 03-18 says
        // 2,2,1,1,1,1,2 = 10 (the one due 03-11 is older). Change 10 − 25 = −15.
        var study = Study(true, Randomised("DE01-0106",
            [
                Visit(1, "baseline", "2024-03-04", Poem(4, 4, 4, 3, 3, 3, 4)),
                Visit(2, "week2", "2024-03-18", Viga(2)),
            ],
            [PoemDiary("2024-03-11", 3, 3, 3, 3, 3, 3, 3), PoemDiary("2024-03-18", 2, 2, 1, 1, 1, 1, 2)]));

        var week2 = Cells(await Csv(study), "week2");

        Assert.Equal(["10", "25", "-15"], [week2["poem"], week2["poem_baseline"], week2["poem_change"]]);
    }

    [Fact]
    public async Task Baseline_missing_at_the_anchor_visit_falls_back_to_the_last_value_before_it()
    {
        // No EASI at baseline: the screening EASI 22 is the baseline; 22 → 11 is −50 % (EASI-50, not 75).
        var study = Study(true, Randomised("DE01-0107",
            Visit(1, "screening", "2024-02-10", Easi(22m, 40)),
            Visit(2, "baseline", "2024-03-04", Viga(3)),
            Visit(3, "week16", "2024-06-24", Easi(11m, 40))));

        var week = Cells(await Csv(study), "week16");

        Assert.Equal(["11", "22", "-11", "-50", "true", "false"], [week["easi"], week["easi_baseline"], week["easi_change"], week["easi_pct_change"], week["easi50"], week["easi75"]]);
    }

    private static ExportSubject Randomised(string number, params ExportVisit[] visits) => Randomised(number, visits, []);

    private static ExportSubject Randomised(string number, IReadOnlyList<ExportVisit> visits, IReadOnlyList<ExportDiaryEntry> diary) => Subject(
        number, "DE01", "randomised", null, Date("2024-03-04"), "active", Date("2024-02-05"),
        [Event("randomise", "randomised", "2024-03-04T09:00:00Z")], visits, diary);

    private static async Task<string> Csv(StudyExport study)
    {
        using var writer = new StringWriter();
        await AnalysisCsv.WriteAsync(study, writer);
        return writer.ToString();
    }

    /// <summary>The cells of the row of <paramref name="visit"/> by column name (rows here have no quoted fields).</summary>
    private static Dictionary<string, string> Cells(string csv, string visit)
    {
        var lines = csv.Split("\r\n");
        var columns = lines[0].Split(',');
        var cells = lines.Skip(1).Select(l => l.Split(',')).Single(c => c.Length == columns.Length && c[4] == visit);
        return columns.Zip(cells).ToDictionary(p => p.First, p => p.Second);
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
