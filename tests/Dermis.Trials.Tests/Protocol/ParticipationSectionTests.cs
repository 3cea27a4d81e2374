using Dermis.Trials.Protocol;

namespace Dermis.Trials.Tests.Protocol;

public sealed class ParticipationSectionTests
{
    // Lines 1–8; a test's own sections start at line 9.
    private const string Head = """
        study: { id: S1, name: Study, version: "1", sponsor: Sponsor }
        arms: [ { id: active, name: Active, ratio: 1 }, { id: placebo, name: Placebo, ratio: 1 } ]
        stratification: []
        eligibility: []
        visits:
          - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [easi] }
          - { id: week16, name: Week 16, day: 113, window: 7, forms: [easi] }
        forms: [ { id: easi, name: EASI, instrument: easi } ]
        """;

    private static ProtocolDefinition Parse(string tail) => ProtocolParser.Parse(Head + "\n" + tail, "p.yaml");

    private static ProtocolException Fail(string tail) => Assert.Throws<ProtocolException>(() => Parse(tail));

    private const string PaperConsent = "consent: { documentVersion: \"1\" }\n";

    [Fact]
    public void The_phase_3_sample_has_an_electronic_consent_document_and_three_home_diaries()
    {
        var ad = ProtocolParser.Load(Samples.PathOf("ad-phase3.yaml"));

        var document = ad.CurrentConsentDocument!;
        Assert.Equal("2.0", document.Version);
        Assert.Equal(["voluntary", "placebo", "diary"], document.Questions.Select(q => q.Id));
        Assert.Equal("No, some receive placebo", document.Questions[1].Answer);
        var itch = ad.FindDiary("itch")!;
        Assert.Equal(("ppnrs", 1, (int?)null, 365), (itch.Instrument, itch.EveryDays, itch.FirstDay, itch.LastDay));
        // closes (11:00) is not after opens (18:00): the window closes the next morning.
        Assert.Equal((new TimeOnly(18, 0), new TimeOnly(11, 0), 1, 4, 72), (itch.Opens, itch.Closes, itch.ClosesAfterDays, itch.MinimumDaysPerWeek, itch.OfflineGraceHours));
        var poem = ad.FindDiary("poem")!;
        Assert.Equal((7, (int?)1, 2, 1), (poem.EveryDays, poem.FirstDay, poem.ClosesAfterDays, poem.MinimumDaysPerWeek));
        Assert.Equal(28, ad.FindDiary("dlqi")!.EveryDays);
    }

    [Fact]
    public void A_protocol_without_diaries_or_documents_has_none()
    {
        var protocol = Parse(PaperConsent);

        Assert.Empty(protocol.Diaries);
        Assert.Empty(protocol.ConsentDocuments);
        Assert.Null(protocol.CurrentConsentDocument);
    }

    [Theory]
    [InlineData("- { id: itch, name: Itch, instrument: easi, every: 1, from: activation, until: 120, opens: \"18:00\", closes: \"11:00\" }", 11, 41,
        "diary 'itch': instrument 'easi' cannot be a diary; allowed: ppnrs, poem, dlqi")]
    [InlineData("- { id: itch, name: Itch, instrument: ppnrs, every: 1, from: 0, until: 120, opens: \"18:00\", closes: \"11:00\" }", 11, 64,
        "diary 'itch': day 0 does not exist; 'from' is a study day (…, -1, 1, …) or 'activation' (the day after the participant activates the app)")]
    [InlineData("- { id: itch, name: Itch, instrument: ppnrs, every: 1, from: 1, until: 120, opens: \"6pm\", closes: \"11:00\" }", 11, 86,
        "diary 'itch': 'opens' must be a local time HH:mm (00:00–23:59), e.g. \"18:00\"; got '6pm'")]
    [InlineData("- { id: itch, name: Itch, instrument: ppnrs, every: 1, from: 1, until: 120, opens: \"18:00\", closes: \"11:00\", closesAfterDays: 0 }", 11, 103,
        "diary 'itch': the window closes (11:00) before it opens (18:00) on the same day; set closesAfterDays: 1 or later")]
    [InlineData("- { id: poem, name: POEM, instrument: poem, every: 7, from: 1, until: 120, opens: \"08:00\", closes: \"20:00\", closesAfterDays: 7 }", 11, 128,
        "diary 'poem': a window must close before the next one opens: it closes 7 day(s) after its date at 20:00, the next opens 7 day(s) after at 08:00")]
    [InlineData("- { id: poem, name: POEM, instrument: poem, every: 7, from: 1, until: 200, opens: \"08:00\", closes: \"20:00\" }", 11, 73,
        "diary 'poem': 'until' (day 200) is more than 28 days after the last scheduled visit (day 113)")]
    [InlineData("- { id: poem, name: POEM, instrument: poem, every: 7, from: 1, until: 120, opens: \"08:00\", closes: \"20:00\", minimumDaysPerWeek: 4 }", 11, 111,
        "diary 'poem': 'minimumDaysPerWeek' applies to the daily itch diary (instrument ppnrs) only")]
    [InlineData("- { id: itch, name: Itch, instrument: ppnrs, every: 1, until: 120, opens: \"18:00\", closes: \"11:00\" }", 11, 5,
        "diary 'itch': missing required key 'from': a study day (e.g. 1), or 'activation' for a run-in diary that starts the day after the participant activates the app")]
    public void A_wrong_diary_is_refused_with_its_line_column_and_reason(string entry, int line, int column, string message)
    {
        var ex = Fail(PaperConsent + "diaries:\n  " + entry + "\n");

        var error = Assert.Single(ex.Errors);
        Assert.Equal((line, column, message), (error.Line, error.Column, error.Message));
    }

    [Fact]
    public void A_run_in_diary_closing_after_it_opens_closes_the_same_day_by_default()
    {
        var diary = Assert.Single(Parse(PaperConsent + "diaries:\n  - { id: poem, name: POEM, instrument: poem, every: 7, from: activation, until: 113, opens: \"08:00\", closes: \"20:00\" }\n").Diaries);

        Assert.Equal(((int?)null, 0, 1, 72), (diary.FirstDay, diary.ClosesAfterDays, diary.MinimumDaysPerWeek, diary.OfflineGraceHours));
    }

    [Fact]
    public void A_consent_version_without_its_document_text_is_refused()
    {
        var ex = Fail("""
            consent:
              documentVersion: "2"
              documents:
                - { version: "1", title: Old, text: Old text }
            """);

        var error = Assert.Single(ex.Errors);
        Assert.Equal((12, 5), (error.Line, error.Column));
        Assert.Equal("consent: documentVersion '2' has no entry in documents (1); the participant must be able to read what they sign", error.Message);
    }

    [Fact]
    public void A_comprehension_answer_must_be_one_of_its_options()
    {
        var ex = Fail("""
            consent:
              documentVersion: "1"
              documents:
                - version: "1"
                  title: Consent
                  text: Read me.
                  questions:
                    - { id: stop, text: Can you stop?, options: ["Yes", "No"], answer: Maybe }
            """);

        var error = Assert.Single(ex.Errors);
        Assert.Equal((16, 76), (error.Line, error.Column));
        Assert.Equal("question 'stop': answer 'Maybe' is not one of the options (Yes, No)", error.Message);
    }

    [Fact]
    public void Sensing_alerts_default_and_read_with_their_ranges_checked()
    {
        Assert.Equal(SensingAlertSettings.Default, Parse(PaperConsent).SensingAlerts);
        Assert.Equal(new SensingAlertSettings(7, 5, 30m, 30m, 12.5m),
            Parse(PaperConsent + "sensing: { alerts: { rollingNights: 5, scratchIncreasePercent: 30, sleepEfficiencyDropPoints: 12.5 } }\n").SensingAlerts);

        var error = Assert.Single(Fail(PaperConsent + "sensing: { alerts: { baselineNights: 0 } }\n").Errors);
        Assert.Equal((10, 38, "sensing.alerts: 'baselineNights' must be 1–28 nights; got 0"), (error.Line, error.Column, error.Message));
    }
}
