using Dermis.Trials.Exchange.Sdtm;
using static Dermis.Trials.Tests.Exchange.Sdtm.ExportFixture;

namespace Dermis.Trials.Tests.Exchange.Sdtm;

/// <summary>
/// SDTM datasets of the three-participant export (<see cref="ExportFixture"/>), every expected
/// value written out by hand. Study days count from RFSTDTC with no day 0 (SDTMIG v3.4 §4.4.4):
/// DE01-0001 day 1 = 2024-03-04 (2024 is a leap year: 02-28 is day −5); US01-0001 day 1 = 2024-04-01.
/// </summary>
public sealed class SdtmExportTests
{
    private const string Active = "DRM-401 300 mg SC Q2W (600 mg loading dose on Day 1)";
    private const string Placebo = "Placebo SC Q2W (matching loading dose)";

    [Fact]
    public void Build_returns_the_seven_domains_in_order()
    {
        var datasets = SdtmExport.Build(ThreeParticipants(armsVisible: true));

        Assert.Equal(["DM", "DS", "SV", "EX", "AE", "QS", "RS"], datasets.Select(d => d.Domain));
    }

    [Fact]
    public void Dm_with_arms_visible_has_one_exact_row_per_participant_including_the_screen_failure()
    {
        var dm = Domain(ThreeParticipants(armsVisible: true), "DM");

        Assert.Equal(
            "STUDYID|DOMAIN|USUBJID|SUBJID|RFSTDTC|RFENDTC|RFICDTC|SITEID|BRTHDTC|AGE|AGEU|SEX|ETHNIC|ARMCD|ARM|ACTARMCD|ACTARM|COUNTRY|DMDTC",
            Header(dm));
        Assert.Equal(
            [
                // Age 38: born 1985-06-12, consent 2024-02-05 (birthday not yet reached). COUNTRY DE → DEU.
                $"DERM-AD-301|DM|DERM-AD-301-DE01-0001|DE01-0001|2024-03-04|2024-06-24|2024-02-05|DE01|1985-06-12|38|YEARS|F|NOT HISPANIC OR LATINO|active|{Active}|active|{Active}|DEU|2024-02-05",
                // Partial birth date 1990-11 stays partial; AGE from the EASI form's ageYears; no reference dates.
                "DERM-AD-301|DM|DERM-AD-301-DE01-0002|DE01-0002|||2024-02-12|DE01|1990-11|33|YEARS|M|HISPANIC OR LATINO|SCRNFAIL|Screen Failure|SCRNFAIL|Screen Failure|DEU|2024-02-12",
                // RFENDTC = last visit (week 2); site country "us" → USA.
                $"DERM-AD-301|DM|DERM-AD-301-US01-0001|US01-0001|2024-04-01|2024-04-15|2024-03-01|US01|1970|53|YEARS|M|NOT REPORTED|placebo|{Placebo}|placebo|{Placebo}|USA|2024-03-01",
            ],
            Lines(dm));
    }

    [Fact]
    public void Dm_blinded_shows_BLINDED_for_randomised_participants_and_keeps_SCRNFAIL()
    {
        var dm = Domain(ThreeParticipants(armsVisible: false), "DM");

        Assert.Equal(
            [
                "DERM-AD-301|DM|DERM-AD-301-DE01-0001|DE01-0001|2024-03-04|2024-06-24|2024-02-05|DE01|1985-06-12|38|YEARS|F|NOT HISPANIC OR LATINO|BLINDED|Blinded|BLINDED|Blinded|DEU|2024-02-05",
                "DERM-AD-301|DM|DERM-AD-301-DE01-0002|DE01-0002|||2024-02-12|DE01|1990-11|33|YEARS|M|HISPANIC OR LATINO|SCRNFAIL|Screen Failure|SCRNFAIL|Screen Failure|DEU|2024-02-12",
                "DERM-AD-301|DM|DERM-AD-301-US01-0001|US01-0001|2024-04-01|2024-04-15|2024-03-01|US01|1970|53|YEARS|M|NOT REPORTED|BLINDED|Blinded|BLINDED|Blinded|USA|2024-03-01",
            ],
            Lines(dm));
    }

    [Fact]
    public void Dm_participant_enrolled_but_never_randomised_is_NOTASSGN_and_unknown_sex_is_U()
    {
        var enrolled = Subject("DE01-0003", "DE01", "withdrawn", "Consent withdrawn", null, null, Date("2024-03-10"),
            [Event("screen", "screened", "2024-03-10T09:00:00Z"), Event("enrol", "enrolled", "2024-03-12T09:00:00Z"), Event("withdraw", "withdrawn", "2024-03-14T09:00:00Z", "Consent withdrawn")],
            [Visit(401, "screening", "2024-03-10", Form("demographics", """{"consentDate":"2024-03-10","birthDate":"2000-03-10"}"""))],
            []);

        var dm = Domain(Study(true, enrolled), "DM");

        // Born 2000-03-10, consent 2024-03-10: 24 on the birthday itself.
        Assert.Equal(["DERM-AD-301|DM|DERM-AD-301-DE01-0003|DE01-0003|||2024-03-10|DE01|2000-03-10|24|YEARS|U||NOTASSGN|Not Assigned|NOTASSGN|Not Assigned|DEU|2024-03-10"], Lines(dm));
    }

    [Fact]
    public void Ds_has_consent_and_randomisation_milestones_and_disposition_events_with_study_days()
    {
        var ds = Domain(ThreeParticipants(armsVisible: true), "DS");

        Assert.Equal("STUDYID|DOMAIN|USUBJID|DSSEQ|DSTERM|DSDECOD|DSCAT|DSSTDTC|DSSTDY", Header(ds));
        Assert.Equal(
            [
                "DERM-AD-301|DS|DERM-AD-301-DE01-0001|1|INFORMED CONSENT OBTAINED|INFORMED CONSENT OBTAINED|PROTOCOL MILESTONE|2024-02-05|-28",
                "DERM-AD-301|DS|DERM-AD-301-DE01-0001|2|RANDOMIZED|RANDOMIZED|PROTOCOL MILESTONE|2024-03-04|1",
                "DERM-AD-301|DS|DERM-AD-301-DE01-0001|3|COMPLETED|COMPLETED|DISPOSITION EVENT|2024-06-24|113",
                "DERM-AD-301|DS|DERM-AD-301-DE01-0002|1|INFORMED CONSENT OBTAINED|INFORMED CONSENT OBTAINED|PROTOCOL MILESTONE|2024-02-12|",
                "DERM-AD-301|DS|DERM-AD-301-DE01-0002|2|EASI below 16 at screening (IC3)|SCREEN FAILURE|DISPOSITION EVENT|2024-02-20|",
                "DERM-AD-301|DS|DERM-AD-301-US01-0001|1|INFORMED CONSENT OBTAINED|INFORMED CONSENT OBTAINED|PROTOCOL MILESTONE|2024-03-01|-31",
                "DERM-AD-301|DS|DERM-AD-301-US01-0001|2|RANDOMIZED|RANDOMIZED|PROTOCOL MILESTONE|2024-04-01|1",
                "DERM-AD-301|DS|DERM-AD-301-US01-0001|3|Moved abroad|WITHDRAWAL BY SUBJECT|DISPOSITION EVENT|2024-05-02|32",
            ],
            Lines(ds));
    }

    [Fact]
    public void Sv_numbers_scheduled_visits_by_protocol_order_and_unscheduled_as_previous_plus_0_01()
    {
        var sv = Domain(ThreeParticipants(armsVisible: true), "SV");

        Assert.Equal("STUDYID|DOMAIN|USUBJID|VISITNUM|VISIT|VISITDY|SVSTDTC|SVENDTC|SVSTDY|SVUPDES", Header(sv));
        Assert.Equal(
            [
                "DERM-AD-301|SV|DERM-AD-301-DE01-0001|1|Screening|-28|2024-02-05|2024-02-05|-28|",
                "DERM-AD-301|SV|DERM-AD-301-DE01-0001|2|Baseline (Day 1)|1|2024-03-04|2024-03-04|1|",
                "DERM-AD-301|SV|DERM-AD-301-DE01-0001|2.01|Unscheduled 2.01||2024-04-10|2024-04-10|38|Unscheduled visit: Adverse event",
                "DERM-AD-301|SV|DERM-AD-301-DE01-0001|7|Week 16 (primary endpoint)|113|2024-06-24|2024-06-24|113|",
                "DERM-AD-301|SV|DERM-AD-301-DE01-0002|1|Screening|-28|2024-02-12|2024-02-12||",
                "DERM-AD-301|SV|DERM-AD-301-US01-0001|1|Screening|-28|2024-03-01|2024-03-01|-31|",
                "DERM-AD-301|SV|DERM-AD-301-US01-0001|2|Baseline (Day 1)|1|2024-04-01|2024-04-01|1|",
                "DERM-AD-301|SV|DERM-AD-301-US01-0001|3|Week 2|15|2024-04-15|2024-04-15|15|",
            ],
            Lines(sv));
    }

    [Theory]
    [InlineData(true, Active, Placebo)]
    [InlineData(false, "BLINDED", "BLINDED")]
    public void Ex_has_planned_exposure_from_anchor_to_last_visit_for_randomised_participants_only(bool armsVisible, string first, string second)
    {
        var ex = Domain(ThreeParticipants(armsVisible), "EX");

        Assert.Equal("STUDYID|DOMAIN|USUBJID|EXSEQ|EXTRT|EXSTDTC|EXENDTC|EXSTDY|EXENDY", Header(ex));
        Assert.Equal(
            [
                $"DERM-AD-301|EX|DERM-AD-301-DE01-0001|1|{first}|2024-03-04|2024-06-24|1|113",
                $"DERM-AD-301|EX|DERM-AD-301-US01-0001|1|{second}|2024-04-01|2024-04-15|1|15",
            ],
            Lines(ex));
    }

    [Fact]
    public void Ae_maps_the_ae_form_with_verbatim_term_no_MedDRA_code_and_study_days()
    {
        var ae = Domain(ThreeParticipants(armsVisible: true), "AE");

        Assert.Equal("STUDYID|DOMAIN|USUBJID|AESEQ|AETERM|AEDECOD|AESEV|AESER|AEREL|AEOUT|AESTDTC|AEENDTC|AESTDY|AEENDY", Header(ae));
        // 2024-04-08 is 35 days after 03-04 → day 36; 04-12 → day 40.
        Assert.Equal(
            [$"DERM-AD-301|AE|DERM-AD-301-DE01-0001|1|{AeTerm}||MILD|N|POSSIBLY RELATED|RECOVERED/RESOLVED|2024-04-08|2024-04-12|36|40"],
            Lines(ae));
    }

    [Fact]
    public void Rs_has_EASI_totals_flagged_derived_and_vIGA_grades_with_baseline_flags()
    {
        var rs = Domain(ThreeParticipants(armsVisible: true), "RS");

        Assert.Equal(
            "STUDYID|DOMAIN|USUBJID|RSSEQ|RSTESTCD|RSTEST|RSCAT|RSORRES|RSSTRESC|RSSTRESN|RSSTAT|RSREASND|RSDRVFL|RSBLFL|VISITNUM|VISIT|VISITDY|RSDTC|RSDY",
            Header(rs));
        Assert.Equal(
            [
                "DERM-AD-301|RS|DERM-AD-301-DE01-0001|1|EASITOT|EASI Total Score|EASI|26|26|26|||Y||1|Screening|-28|2024-02-05|-28",
                "DERM-AD-301|RS|DERM-AD-301-DE01-0001|2|VIGAAD|vIGA-AD Global Assessment|VIGA-AD|Moderate|3|3|||||1|Screening|-28|2024-02-05|-28",
                "DERM-AD-301|RS|DERM-AD-301-DE01-0001|3|EASITOT|EASI Total Score|EASI|24.5|24.5|24.5|||Y|Y|2|Baseline (Day 1)|1|2024-03-04|1",
                "DERM-AD-301|RS|DERM-AD-301-DE01-0001|4|VIGAAD|vIGA-AD Global Assessment|VIGA-AD|Moderate|3|3||||Y|2|Baseline (Day 1)|1|2024-03-04|1",
                "DERM-AD-301|RS|DERM-AD-301-DE01-0001|5|EASITOT|EASI Total Score|EASI|6|6|6|||Y||7|Week 16 (primary endpoint)|113|2024-06-24|113",
                "DERM-AD-301|RS|DERM-AD-301-DE01-0001|6|VIGAAD|vIGA-AD Global Assessment|VIGA-AD|Almost clear|1|1|||||7|Week 16 (primary endpoint)|113|2024-06-24|113",
                "DERM-AD-301|RS|DERM-AD-301-DE01-0002|1|EASITOT|EASI Total Score|EASI|12.5|12.5|12.5|||Y||1|Screening|-28|2024-02-12|",
                "DERM-AD-301|RS|DERM-AD-301-DE01-0002|2|VIGAAD|vIGA-AD Global Assessment|VIGA-AD|Mild|2|2|||||1|Screening|-28|2024-02-12|",
                "DERM-AD-301|RS|DERM-AD-301-US01-0001|1|EASITOT|EASI Total Score|EASI|30|30|30|||Y||1|Screening|-28|2024-03-01|-31",
                "DERM-AD-301|RS|DERM-AD-301-US01-0001|2|VIGAAD|vIGA-AD Global Assessment|VIGA-AD|Severe|4|4|||||1|Screening|-28|2024-03-01|-31",
                "DERM-AD-301|RS|DERM-AD-301-US01-0001|3|EASITOT|EASI Total Score|EASI|28|28|28|||Y|Y|2|Baseline (Day 1)|1|2024-04-01|1",
                "DERM-AD-301|RS|DERM-AD-301-US01-0001|4|VIGAAD|vIGA-AD Global Assessment|VIGA-AD|Severe|4|4||||Y|2|Baseline (Day 1)|1|2024-04-01|1",
                "DERM-AD-301|RS|DERM-AD-301-US01-0001|5|EASITOT|EASI Total Score|EASI|20.1|20.1|20.1|||Y||3|Week 2|15|2024-04-15|15",
                "DERM-AD-301|RS|DERM-AD-301-US01-0001|6|VIGAAD|vIGA-AD Global Assessment|VIGA-AD|Moderate|3|3|||||3|Week 2|15|2024-04-15|15",
            ],
            Lines(rs));
    }

    [Fact]
    public void Rs_unscored_EASI_total_is_NOT_DONE_with_the_scorer_reason()
    {
        var subject = Subject("DE01-0009", "DE01", "randomised", null, Date("2024-03-04"), "active", Date("2024-02-05"), [], [
            Visit(901, "baseline", "2024-03-04", Form("easi", """{"ageYears":40,"regions":{}}""", """{"instrument":"easi","version":"test","total":null,"reason":"head: erythema missing with area 2"}""")),
        ], []);

        var rs = Domain(Study(true, subject), "RS");

        Assert.Equal(["DERM-AD-301|RS|DERM-AD-301-DE01-0009|1|EASITOT|EASI Total Score|EASI||||NOT DONE|head: erythema missing with area 2|Y||2|Baseline (Day 1)|1|2024-03-04|1"], Lines(rs));
    }

    [Fact]
    public void Qs_poem_items_and_totals_of_each_visit_are_exact_with_baseline_flags()
    {
        var qs = Domain(ThreeParticipants(armsVisible: true), "QS");

        Assert.Equal(
            "STUDYID|DOMAIN|USUBJID|QSSEQ|QSTESTCD|QSTEST|QSCAT|QSORRES|QSSTRESC|QSSTRESN|QSSTAT|QSREASND|QSDRVFL|QSBLFL|VISITNUM|VISIT|VISITDY|QSDTC|QSDY|QSEVLINT",
            Header(qs));
        // DE01-0001: QSSEQ 1–4 are the itch entries before day 1, then baseline POEM 5–12, DLQI 13–23, itch day 1 24,
        // itch before week 16 25–28, week-16 POEM 29–36, DLQI 37–47. Baseline POEM 4,3,2,1,2,3,4 = 19; week 16 1,1,0,0,1,1,2 = 6.
        Assert.Equal(
            [
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|5|POEM01|Days Skin Itchy|POEM|Every day|4|4||||Y|2|Baseline (Day 1)|1|2024-03-04|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|6|POEM02|Nights Sleep Disturbed|POEM|5-6 days|3|3||||Y|2|Baseline (Day 1)|1|2024-03-04|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|7|POEM03|Days Skin Bleeding|POEM|3-4 days|2|2||||Y|2|Baseline (Day 1)|1|2024-03-04|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|8|POEM04|Days Skin Weeping or Oozing|POEM|1-2 days|1|1||||Y|2|Baseline (Day 1)|1|2024-03-04|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|9|POEM05|Days Skin Cracked|POEM|3-4 days|2|2||||Y|2|Baseline (Day 1)|1|2024-03-04|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|10|POEM06|Days Skin Flaking Off|POEM|5-6 days|3|3||||Y|2|Baseline (Day 1)|1|2024-03-04|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|11|POEM07|Days Skin Dry or Rough|POEM|Every day|4|4||||Y|2|Baseline (Day 1)|1|2024-03-04|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|12|POEMTOT|POEM Total Score|POEM|19|19|19|||Y|Y|2|Baseline (Day 1)|1|2024-03-04|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|29|POEM01|Days Skin Itchy|POEM|1-2 days|1|1|||||7|Week 16 (primary endpoint)|113|2024-06-24|113|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|30|POEM02|Nights Sleep Disturbed|POEM|1-2 days|1|1|||||7|Week 16 (primary endpoint)|113|2024-06-24|113|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|31|POEM03|Days Skin Bleeding|POEM|No days|0|0|||||7|Week 16 (primary endpoint)|113|2024-06-24|113|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|32|POEM04|Days Skin Weeping or Oozing|POEM|No days|0|0|||||7|Week 16 (primary endpoint)|113|2024-06-24|113|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|33|POEM05|Days Skin Cracked|POEM|1-2 days|1|1|||||7|Week 16 (primary endpoint)|113|2024-06-24|113|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|34|POEM06|Days Skin Flaking Off|POEM|1-2 days|1|1|||||7|Week 16 (primary endpoint)|113|2024-06-24|113|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|35|POEM07|Days Skin Dry or Rough|POEM|3-4 days|2|2|||||7|Week 16 (primary endpoint)|113|2024-06-24|113|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|36|POEMTOT|POEM Total Score|POEM|6|6|6|||Y||7|Week 16 (primary endpoint)|113|2024-06-24|113|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-US01-0001|1|POEM01|Days Skin Itchy|POEM|Every day|4|4||||Y|2|Baseline (Day 1)|1|2024-04-01|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-US01-0001|2|POEM02|Nights Sleep Disturbed|POEM|Every day|4|4||||Y|2|Baseline (Day 1)|1|2024-04-01|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-US01-0001|3|POEM03|Days Skin Bleeding|POEM|Every day|4|4||||Y|2|Baseline (Day 1)|1|2024-04-01|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-US01-0001|4|POEM04|Days Skin Weeping or Oozing|POEM|5-6 days|3|3||||Y|2|Baseline (Day 1)|1|2024-04-01|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-US01-0001|5|POEM05|Days Skin Cracked|POEM|5-6 days|3|3||||Y|2|Baseline (Day 1)|1|2024-04-01|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-US01-0001|6|POEM06|Days Skin Flaking Off|POEM|5-6 days|3|3||||Y|2|Baseline (Day 1)|1|2024-04-01|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-US01-0001|7|POEM07|Days Skin Dry or Rough|POEM|Every day|4|4||||Y|2|Baseline (Day 1)|1|2024-04-01|1|-P7D",
                "DERM-AD-301|QS|DERM-AD-301-US01-0001|8|POEMTOT|POEM Total Score|POEM|25|25|25|||Y|Y|2|Baseline (Day 1)|1|2024-04-01|1|-P7D",
            ],
            Lines(qs, "POEM"));
    }

    [Fact]
    public void Qs_itch_diary_rows_have_the_diary_date_no_visit_and_baseline_on_the_last_entry_on_or_before_day_1()
    {
        var qs = Domain(ThreeParticipants(armsVisible: true), "QS");

        // The day-1 entry (2024-03-04, on RFSTDTC) is the last on or before it: QSBLFL = Y there only.
        Assert.Equal(
            [
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|1|PPNRS01|Worst Itch in Past 24 Hours|PEAK PRURITUS NRS|7|7|7||||||||2024-02-28|-5|-PT24H",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|2|PPNRS01|Worst Itch in Past 24 Hours|PEAK PRURITUS NRS|8|8|8||||||||2024-02-29|-4|-PT24H",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|3|PPNRS01|Worst Itch in Past 24 Hours|PEAK PRURITUS NRS|7|7|7||||||||2024-03-02|-2|-PT24H",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|4|PPNRS01|Worst Itch in Past 24 Hours|PEAK PRURITUS NRS|8|8|8||||||||2024-03-03|-1|-PT24H",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|24|PPNRS01|Worst Itch in Past 24 Hours|PEAK PRURITUS NRS|6|6|6||||Y||||2024-03-04|1|-PT24H",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|25|PPNRS01|Worst Itch in Past 24 Hours|PEAK PRURITUS NRS|4|4|4||||||||2024-06-17|106|-PT24H",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|26|PPNRS01|Worst Itch in Past 24 Hours|PEAK PRURITUS NRS|3|3|3||||||||2024-06-19|108|-PT24H",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|27|PPNRS01|Worst Itch in Past 24 Hours|PEAK PRURITUS NRS|4|4|4||||||||2024-06-21|110|-PT24H",
                "DERM-AD-301|QS|DERM-AD-301-DE01-0001|28|PPNRS01|Worst Itch in Past 24 Hours|PEAK PRURITUS NRS|3|3|3||||||||2024-06-23|112|-PT24H",
            ],
            Lines(qs, "PEAK PRURITUS NRS"));
    }

    [Fact]
    public void Qs_dlqi_items_map_answers_to_scores_and_totals_match_the_scorer()
    {
        var qs = Domain(ThreeParticipants(armsVisible: true), "QS");
        var baseline = Lines(qs, "DLQI").Where(l => l.Contains("|DE01-0001|", StringComparison.Ordinal) || l.Contains("-DE01-0001|", StringComparison.Ordinal)).Take(11).ToList();

        // 3 + 2 + 1 + 0 (not relevant) + 2 + 0 + 1 (Q7 "No", then "a little") + 1 + 0 + 2 = 12.
        Assert.Equal(
            [
                "DLQI101|Itchy, Sore, Painful or Stinging Skin|Very much|3|Y",
                "DLQI102|Embarrassed or Self-Conscious|A lot|2|Y",
                "DLQI103|Interfered With Shopping or Home|A little|1|Y",
                "DLQI104|Influenced Clothes You Wear|Not relevant|0|Y",
                "DLQI105|Affected Social or Leisure Activities|A lot|2|Y",
                "DLQI106|Made It Difficult to Do Any Sport|Not at all|0|Y",
                "DLQI107|Prevented Working or Studying|A little|1|Y",
                "DLQI108|Problems With Partner or Friends|A little|1|Y",
                "DLQI109|Caused Sexual Difficulties|Not relevant|0|Y",
                "DLQI110|Treatment Been a Problem|A lot|2|Y",
                "DLQITOT|DLQI Total Score|12|12|Y",
            ],
            baseline.Select(l => Pick(qs, l, "QSTESTCD", "QSTEST", "QSORRES", "QSSTRESN", "QSBLFL")));
        Assert.Equal(
            ["DERM-AD-301-DE01-0001|12|Y", "DERM-AD-301-DE01-0001|3|", "DERM-AD-301-US01-0001|20|Y"],
            Lines(qs, "DLQI").Where(l => l.Contains("|DLQITOT|", StringComparison.Ordinal)).Select(l => Pick(qs, l, "USUBJID", "QSSTRESN", "QSBLFL")));
    }

    [Fact]
    public void Qs_unanswered_poem_item_is_NOT_DONE_and_the_total_still_scores()
    {
        var subject = Subject("DE01-0009", "DE01", "randomised", null, Date("2024-03-04"), "active", Date("2024-02-05"), [], [
            Visit(901, "baseline", "2024-03-04", Poem(2, null, 2, 2, 2, 2, 2)),
        ], []);

        var qs = Domain(Study(true, subject), "QS");

        // One unanswered question scores 0: total 12 (docs/scoring.md).
        Assert.Equal(
            ["POEM01|2||Y", "POEM02||NOT DONE|", "POEM03|2||Y", "POEM04|2||Y", "POEM05|2||Y", "POEM06|2||Y", "POEM07|2||Y", "POEMTOT|12||Y"],
            Lines(qs).Select(l => Pick(qs, l, "QSTESTCD", "QSSTRESC", "QSSTAT", "QSBLFL")));
    }

    [Fact]
    public void Define_metadata_measures_char_lengths_and_gives_num_length_8()
    {
        var dm = Domain(ThreeParticipants(armsVisible: true), "DM");

        Assert.Equal(21, dm.Variables.Single(v => v.Name == "USUBJID").Length);
        Assert.Equal(Active.Length, dm.Variables.Single(v => v.Name == "ARM").Length);
        Assert.Equal(8, dm.Variables.Single(v => v.Name == "AGE").Length);
        Assert.Equal("Num", dm.Variables.Single(v => v.Name == "AGE").Type);
        Assert.Equal("SEX (C66731): F, M, U", dm.Variables.Single(v => v.Name == "SEX").CodeList);
    }

    [Fact]
    public void Country_table_holds_the_249_ISO_3166_1_codes()
    {
        Assert.Equal(249, IsoCountries.Count);
        Assert.Equal("GBR", IsoCountries.ToAlpha3("GB"));
        Assert.Equal("XX", IsoCountries.ToAlpha3("XX"));
    }

    [Theory]
    [InlineData("20.10", "20.1")]
    [InlineData("6.0", "6")]
    [InlineData("100", "100")]
    [InlineData("-75.50", "-75.5")]
    [InlineData("0.00", "0")]
    public void Number_drops_trailing_zeros_in_invariant_culture(string value, string expected)
    {
        Assert.Equal(expected, SdtmValues.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    internal static SdtmDataset Domain(Dermis.Trials.Exchange.StudyExport study, string domain) => SdtmExport.Build(study).Single(d => d.Domain == domain);

    internal static string Header(SdtmDataset dataset) => string.Join("|", dataset.Variables.Select(v => v.Name));

    /// <summary>Rows joined by '|', optionally only those of one --CAT.</summary>
    internal static IReadOnlyList<string> Lines(SdtmDataset dataset, string? category = null)
    {
        var cat = category is null ? -1 : dataset.IndexOf(dataset.Domain + "CAT");
        return [.. dataset.Rows.Where(r => cat < 0 || r[cat] == category).Select(r => string.Join("|", r))];
    }

    private static string Pick(SdtmDataset dataset, string line, params string[] variables)
    {
        var values = line.Split('|');
        return string.Join("|", variables.Select(v => values[dataset.IndexOf(v)]));
    }
}
