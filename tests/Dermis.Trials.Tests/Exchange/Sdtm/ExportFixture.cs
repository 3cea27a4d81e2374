using System.Globalization;
using System.Text.Json;
using Dermis.Instruments.Json;
using Dermis.Trials.Exchange;
using Dermis.Trials.Protocol;
using Dermis.Trials.Tests.Protocol;

namespace Dermis.Trials.Tests.Exchange.Sdtm;

/// <summary>
/// Hand-built exports of samples/ad-phase3.yaml. <see cref="ThreeParticipants"/>:
/// <list type="bullet">
/// <item>DE01-0001, randomised to <c>active</c>, completed. Consent 2024-02-05, anchor (day 1) 2024-03-04.
/// Screening 2024-02-05 (EASI 26, vIGA 3), baseline 2024-03-04 (EASI 24.5, vIGA 3, POEM 19, DLQI 12),
/// unscheduled 2024-04-10 (one AE), week 16 2024-06-24 (EASI 6.0, vIGA 1, POEM 6, DLQI 3). Itch diary:
/// 02-28: 7, 02-29: 8, 03-02: 7, 03-03: 8 (baseline week 30/4 = 7.5), 03-04: 6, then 06-17: 4, 06-19: 3,
/// 06-21: 4, 06-23: 3 (the week before week 16: 14/4 = 3.5).</item>
/// <item>DE01-0002, screen failure (EASI 12.5 at screening 2024-02-12), birth date 1990-11.</item>
/// <item>US01-0001, randomised to <c>placebo</c>, withdrawn 2024-05-02 ("Moved abroad"). Screening 2024-03-01
/// (EASI 30, vIGA 4), baseline 2024-04-01 (EASI 28, vIGA 4, POEM 25, DLQI 20), week 2 2024-04-15 (EASI 20.1, vIGA 3).</item>
/// </list>
/// POEM, DLQI and PP-NRS eCRF scores are derived by the real scorer (ScoreJson); EASI and vIGA score
/// documents are written by hand with only the members the exports read.
/// </summary>
internal static class ExportFixture
{
    public const string AeTerm = "Injection-site reaction, \"mild\" erythema";

    private static readonly Lazy<ProtocolDefinition> _protocol = new(() => ProtocolParser.Load(Samples.PathOf("ad-phase3.yaml")));

    public static ProtocolDefinition Protocol => _protocol.Value;

    public static readonly IReadOnlyList<ExportSite> Sites =
    [
        new("DE01", "Universitätsklinikum Dermatologie", "DE", "Dr. A. Keller"),
        new("US01", "Boston Skin Research", "us", "Dr. B. Moore"),
    ];

    public static StudyExport ThreeParticipants(bool armsVisible) => Study(armsVisible, Completed(armsVisible), ScreenFailure(), Withdrawn(armsVisible));

    public static StudyExport Study(bool armsVisible, params ExportSubject[] subjects) =>
        new(Protocol, Sites, [], subjects, armsVisible, At("2024-07-01T12:00:00Z"));

    public static ExportSubject Completed(bool armsVisible) => Subject(
        "DE01-0001", "DE01", "completed", null, Date("2024-03-04"), armsVisible ? "active" : null, Date("2024-02-05"),
        [
            Event("screen", "screened", "2024-02-05T09:00:00Z"),
            Event("enrol", "enrolled", "2024-03-01T10:00:00Z"),
            Event("randomise", "randomised", "2024-03-04T09:30:00Z"),
            Event("complete", "completed", "2024-06-24T11:00:00Z"),
        ],
        [
            Visit(101, "screening", "2024-02-05",
                Form("demographics", """{"consentDate":"2024-02-05","birthDate":"1985-06-12","sex":"F","ethnicity":"NHL","fitzpatrick":"III"}"""),
                Easi(26m, 38), Viga(3)),
            Visit(102, "baseline", "2024-03-04", Easi(24.5m, 38), Viga(3), Poem(4, 3, 2, 1, 2, 3, 4),
                Dlqi("veryMuch", "aLot", "aLittle", "notRelevant", "aLot", "notAtAll", "aLittle", "aLittle", "notRelevant", "aLot")),
            Visit(103, "unscheduled", "2024-04-10",
                Form("ae", JsonSerializer.Serialize(new { term = AeTerm, startDate = "2024-04-08", endDate = "2024-04-12", severity = "MILD", serious = false, related = "POSSIBLY RELATED", outcome = "RECOVERED/RESOLVED" }))),
            Visit(104, "week16", "2024-06-24", Easi(6.0m, 38), Viga(1), Poem(1, 1, 0, 0, 1, 1, 2),
                Dlqi("aLittle", "notAtAll", "notAtAll", "notAtAll", "aLittle", "notAtAll", "notAtAll", "notAtAll", "notAtAll", "aLittle")),
        ],
        [
            Itch("2024-02-28", 7), Itch("2024-02-29", 8), Itch("2024-03-02", 7), Itch("2024-03-03", 8), Itch("2024-03-04", 6),
            Itch("2024-06-17", 4), Itch("2024-06-19", 3), Itch("2024-06-21", 4), Itch("2024-06-23", 3),
        ]);

    public static ExportSubject ScreenFailure() => Subject(
        "DE01-0002", "DE01", "screenFailed", "EASI below 16 at screening (IC3)", null, null, Date("2024-02-12"),
        [
            Event("screen", "screened", "2024-02-12T08:00:00Z"),
            Event("screenFail", "screenFailed", "2024-02-20T15:00:00Z", "EASI below 16 at screening (IC3)"),
        ],
        [
            Visit(201, "screening", "2024-02-12",
                Form("demographics", """{"consentDate":"2024-02-12","birthDate":"1990-11","sex":"M","ethnicity":"HL"}"""),
                Easi(12.5m, 33), Viga(2)),
        ],
        []);

    public static ExportSubject Withdrawn(bool armsVisible) => Subject(
        "US01-0001", "US01", "withdrawn", "Moved abroad", Date("2024-04-01"), armsVisible ? "placebo" : null, Date("2024-03-01"),
        [
            Event("screen", "screened", "2024-03-01T14:00:00Z"),
            Event("enrol", "enrolled", "2024-03-28T10:00:00Z"),
            Event("randomise", "randomised", "2024-04-01T13:00:00Z"),
            Event("withdraw", "withdrawn", "2024-05-02T16:00:00Z", "Moved abroad"),
        ],
        [
            Visit(301, "screening", "2024-03-01",
                Form("demographics", """{"consentDate":"2024-03-01","birthDate":"1970","sex":"M","ethnicity":"NR"}"""),
                Easi(30m, 53), Viga(4)),
            Visit(302, "baseline", "2024-04-01", Easi(28m, 53), Viga(4), Poem(4, 4, 4, 3, 3, 3, 4),
                Dlqi("aLot", "aLot", "aLot", "aLot", "aLot", "aLot", "aLot", "aLot", "aLot", "aLot")),
            Visit(303, "week2", "2024-04-15", Easi(20.1m, 53), Viga(3)),
        ],
        []);

    public static ExportSubject Subject(
        string screeningNumber, string site, string status, string? reason, DateOnly? anchor, string? arm, DateOnly? consent,
        IReadOnlyList<ExportStatusEvent> events, IReadOnlyList<ExportVisit> visits, IReadOnlyList<ExportDiaryEntry> diary) =>
        new(screeningNumber, site, status, reason, anchor, arm, consent, events, visits, [], [], diary);

    public static ExportStatusEvent Event(string action, string status, string at, string? reason = null) => new(action, status, At(at), reason);

    public static ExportVisit Visit(long key, string visitId, string date, params ExportForm[] forms) => new(key, visitId, Date(date), "inWindow", forms);

    public static ExportForm Form(string formId, string data, string? derived = null) =>
        new(formId, "2.0", "complete", data, derived, derived is null ? null : "test", 1, "crc.keller", At("2024-07-01T00:00:00Z"), []);

    /// <summary>An EASI form whose score document carries <paramref name="total"/> (the regions are not read by the exports).</summary>
    public static ExportForm Easi(decimal total, int ageYears) => Form(
        "easi",
        $$$"""{"ageYears":{{{ageYears}}},"regions":{}}""",
        $$"""{"instrument":"easi","version":"test","total":{{total.ToString(CultureInfo.InvariantCulture)}},"band":"moderate","weights":"adult"}""");

    public static ExportForm Viga(int grade) => Form("viga", $$"""{"grade":{{grade}}}""", $$"""{"instrument":"viga","version":"test","grade":{{grade}},"label":"x"}""");

    public static ExportForm Poem(params int?[] answers) => Scored("poem", "poem", new { answers });

    public static ExportForm Dlqi(params string?[] answers) => Scored("dlqi", "dlqi", new { answers });

    /// <summary>A ppnrs eCRF (baseline and current week of daily scores).</summary>
    public static ExportForm Ppnrs(int?[] baseline, int?[] current, int minimumDays = 4) => Scored("ppnrs", "ppnrs", new { baseline, current, minimumDays });

    public static ExportDiaryEntry Itch(string date, int worstItch) =>
        new("itch", Date(date), $$"""{"worstItch":{{worstItch}}}""", null, At(date + "T20:00:00Z"), At(date + "T20:00:05Z"));

    public static ExportDiaryEntry PoemDiary(string date, params int?[] answers)
    {
        var data = JsonSerializer.Serialize(new { answers });
        return new("poem", Date(date), data, Score("poem", data), At(date + "T09:00:00Z"), At(date + "T09:00:05Z"));
    }

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static ExportForm Scored(string formId, string instrument, object input)
    {
        var data = JsonSerializer.Serialize(input);
        return Form(formId, data, Score(instrument, data));
    }

    private static string Score(string instrument, string data)
    {
        using var document = JsonDocument.Parse(data);
        return ScoreJson.Score(instrument, document.RootElement).ToJsonString();
    }
}
