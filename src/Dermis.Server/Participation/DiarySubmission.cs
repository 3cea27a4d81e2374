using System.Globalization;
using System.Text.Json;
using Dermis.Instruments.Json;
using Dermis.Instruments.Scoring;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Diaries;
using Dermis.Trials.Protocol;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Participation;

/// <summary>What the participant app sends for one diary entry.</summary>
/// <param name="ClientEntryId">Id the phone gave the entry when it was made; a retry with the same id is the same entry.</param>
/// <param name="DeviceTime">When the entry was made, by the phone's clock, ISO 8601 with its UTC offset.</param>
/// <param name="Answers">The answers: <c>{"worstItch": 0–10}</c> for the itch diary, the POEM or DLQI score document otherwise (docs/scoring.md).</param>
internal sealed record DiaryEntryRequest(string? ClientEntryId, string? DeviceTime, JsonElement? Answers);

/// <summary>A stored diary entry as the participant app shows it.</summary>
internal sealed record DiaryEntryView(string Diary, string Date, JsonElement Answers, decimal? Score, string? InstrumentVersion, string DeviceTime, string ServerTime, bool Queued, bool Replayed);

/// <summary>
/// Accepting a diary entry: it must be due, made inside its availability window in the participant's
/// time zone (anti-backfill, docs/participant-app.md), by a phone whose clock is not ahead of ours,
/// and arrive within the offline grace. Device time and server time are both stored; a retried
/// submission (same client entry id) returns the stored entry and never adds a second one.
/// </summary>
internal static class DiarySubmission
{
    public static async Task<(DiaryEntryView View, bool Created)> SubmitAsync(ParticipantSession session, string diaryId, string dateText, DiaryEntryRequest body)
    {
        var diary = session.Protocol.Definition.FindDiary(diaryId)
            ?? throw new NotFoundException($"There is no diary '{diaryId}' in {session.Request.Study.Id}; diaries: {string.Join(", ", session.Protocol.Definition.Diaries.Select(d => d.Id))}.");
        var errors = new Fields();
        var dateOk = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        errors.Check("date", dateOk, $"must be a date yyyy-MM-dd; got '{dateText}'");
        errors.Check("clientEntryId", body.ClientEntryId is { Length: >= 8 and <= 64 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'),
            "is required: 8–64 letters, digits, '-' or '_' (the phone's id for this entry, so a retry is recognised)");
        var deviceOk = DateTimeOffset.TryParseExact(body.DeviceTime, ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var deviceTime)
            && body.DeviceTime!.Length > 19 && (body.DeviceTime.EndsWith('Z') || body.DeviceTime[^6] is '+' or '-');
        errors.Check("deviceTime", deviceOk, "is required: when the entry was made, ISO 8601 with the UTC offset, e.g. 2026-11-21T20:15:00+01:00");
        errors.Check("answers", body.Answers is { ValueKind: JsonValueKind.Object }, $"is required: an object with the {diary.Instrument} answers");
        errors.ThrowIfAny($"Invalid {diary.Name} entry");
        JsonStrings.RequireValid(body.Answers!.Value, "answers");

        // A retry of an entry already stored: the same answer as the first time, nothing added.
        if (await session.Store.FindDiaryEntryByClientIdAsync(session.Participant.Id, body.ClientEntryId!) is { } stored)
        {
            if (stored.DiaryId != diaryId || stored.DiaryDate != dateText)
            {
                throw new DomainRuleException("client-entry-id-reused",
                    $"Entry id {body.ClientEntryId} was already used for the {stored.DiaryId} diary of {stored.DiaryDate}; give each entry its own id.");
            }

            return (View(stored, diary, replayed: true), false);
        }

        if (!session.IsActive)
        {
            throw new DomainRuleException("participation-ended", $"Participant {session.Participant.ScreeningNumber} is {session.Participant.Status}: diaries are closed.");
        }

        if (!IsDue(session, diary, date))
        {
            throw new EntryRefusedException("not-due", $"No {diary.Name} is due on {dateText}. {Schedule(session, diary)}");
        }

        if (!CanBeOpen(session, date))
        {
            throw new EntryRefusedException(DiaryAcceptance.NotOpenYet,
                $"The {diary.Name} for {dateText} is not open yet: it opens on that day, and today is {UtcText.Format(session.Today)} in your time zone ({session.Zone.Id}). Please come back when the diary opens.");
        }

        if (await session.Store.FindDiaryEntryAsync(session.Participant.Id, diaryId, dateText) is { } existing)
        {
            throw new DomainRuleException("already-entered",
                $"The {diary.Name} for {dateText} was already entered at {Local(UtcText.Parse(existing.ServerTime), session.Zone)}; a diary entry cannot be changed.");
        }

        var window = DiaryWindow.For(diary, date, session.Zone);
        var decision = DiaryAcceptance.Decide(window, deviceTime, session.Now, diary.OfflineGraceHours);
        if (!decision.Accepted)
        {
            throw new EntryRefusedException(decision.Code!, decision.Reason!);
        }

        var answers = body.Answers!.Value;
        var (derived, instrumentVersion) = Score(diary, answers);
        var row = new DiaryEntryRow
        {
            ParticipantId = session.Participant.Id,
            DiaryId = diaryId,
            DiaryDate = dateText,
            ClientEntryId = body.ClientEntryId!,
            Data = answers.GetRawText(),
            Derived = derived,
            InstrumentVersion = instrumentVersion,
            ProtocolVersion = session.Protocol.Definition.Version,
            DeviceTime = body.DeviceTime!,
            DeviceTimeUtc = UtcText.Format(deviceTime),
            ServerTime = UtcText.Format(session.Now),
            Queued = decision.Queued ? 1 : 0,
        };
        await session.Store.InsertDiaryEntryAsync(row);
        session.Audit("diary", $"{session.Participant.ScreeningNumber}/{diaryId}/{dateText}", null, "enter", null, row.Data,
            $"device time {row.DeviceTime}{(decision.Queued ? ", queued offline" : "")}");
        await session.CommitAsync();
        return (View(row, diary, replayed: false), true);
    }

    /// <summary>The due dates of <paramref name="diary"/> up to <paramref name="through"/>.</summary>
    public static IReadOnlyList<DateOnly> Due(ParticipantSession session, DiaryDefinition diary, DateOnly through) =>
        DiaryCalendar.DueDates(diary, ActivatedOn(session.Participant), AnchorOf(session.Participant), null, through);

    /// <summary>Whether <paramref name="diary"/> is due on <paramref name="date"/> for this participant.</summary>
    public static bool IsDue(ParticipantSession session, DiaryDefinition diary, DateOnly date) =>
        DiaryCalendar.IsDue(diary, ActivatedOn(session.Participant), AnchorOf(session.Participant), null, date);

    /// <summary>
    /// False for a date after tomorrow: its window opens on that date, more than a day from now, so
    /// no entry made now can be in it (and its window need not be computed, up to 9999-12-31).
    /// Tomorrow stays possible: a window opening at 00:00 may be reached by a phone a few minutes ahead.
    /// </summary>
    public static bool CanBeOpen(ParticipantSession session, DateOnly date) => date <= session.Today.AddDays(1);

    public static DateOnly? ActivatedOn(ParticipantRow participant) => participant.ActivatedOn is { } a ? UtcText.ParseDate(a) : null;

    public static DateOnly? AnchorOf(ParticipantRow participant) => participant.AnchorDate is { } a ? UtcText.ParseDate(a) : null;

    public static DiaryEntryView View(DiaryEntryRow row, DiaryDefinition? diary, bool replayed)
    {
        using var data = JsonDocument.Parse(row.Data);
        return new DiaryEntryView(row.DiaryId, row.DiaryDate, data.RootElement.Clone(), ScoreOf(row, diary), row.InstrumentVersion, row.DeviceTime, row.ServerTime, row.Queued == 1, replayed);
    }

    /// <summary>The entry's score: the worst-itch rating, or the POEM/DLQI total.</summary>
    public static decimal? ScoreOf(DiaryEntryRow row, DiaryDefinition? diary)
    {
        var source = diary?.Instrument == "ppnrs" ? row.Data : row.Derived;
        if (source is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(source);
        var name = diary?.Instrument == "ppnrs" ? "worstItch" : "total";
        return json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
    }

    private static (string? Derived, string? Version) Score(DiaryDefinition diary, JsonElement answers)
    {
        if (diary.Instrument == "ppnrs")
        {
            // One daily rating: worst itch in the past 24 hours, 0–10 (Yosipovitch 2019); weeks are scored from the days.
            var ok = answers.TryGetProperty("worstItch", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var score) && score is >= 0 and <= 10;
            if (!ok || answers.EnumerateObject().Count() != 1)
            {
                throw new BadInputException($"Invalid {diary.Name} entry", [new FieldError("answers.worstItch", "is required: your worst itch in the past 24 hours, a whole number 0 (no itch) to 10 (worst imaginable itch)")]);
            }

            return (null, Dermis.Instruments.PeakPruritus.PeakPruritusScorer.Info.Version);
        }

        try
        {
            var scored = ScoreJson.Score(diary.Instrument, answers);
            return (scored.ToJsonString(), scored["version"]?.GetValue<string>());
        }
        catch (InstrumentValidationException invalid)
        {
            throw new BadInputException($"Invalid {diary.Name} entry", invalid.Errors.Select(e => new FieldError("answers." + e.Field, e.Message)).ToList());
        }
    }

    private static string Schedule(ParticipantSession session, DiaryDefinition diary)
    {
        var due = Due(session, diary, session.Today.AddDays(diary.EveryDays * 2));
        var recent = due.Where(d => d >= session.Today.AddDays(-diary.EveryDays)).Take(3).ToList();
        return recent.Count == 0 ? "It is not scheduled for you yet." : $"Due dates around today: {string.Join(", ", recent.Select(UtcText.Format))}.";
    }

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
