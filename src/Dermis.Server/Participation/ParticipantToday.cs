using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Diaries;
using Dermis.Trials.Protocol;

namespace Dermis.Server.Participation;

/// <summary>One diary task: a due date, its window, and whether it is done.</summary>
/// <param name="Diary">Diary id.</param>
/// <param name="Name">Diary name.</param>
/// <param name="Instrument">Instrument asked.</param>
/// <param name="Date">Due date (participant's calendar).</param>
/// <param name="Opens">When the window opens.</param>
/// <param name="Closes">When it closes.</param>
/// <param name="State">open (fill it now), upcoming, done or missed.</param>
internal sealed record DiaryTask(string Diary, string Name, string Instrument, string Date, DateTimeOffset Opens, DateTimeOffset Closes, string State);

/// <summary>What the participant app shows today.</summary>
/// <param name="Participant">Screening number.</param>
/// <param name="Study">Study id.</param>
/// <param name="TimeZone">The participant's time zone.</param>
/// <param name="Today">Today's date there.</param>
/// <param name="ConsentNeeded">True when the current consent document is not signed yet.</param>
/// <param name="ConsentVersion">The current consent document version.</param>
/// <param name="Tasks">Open and upcoming diary tasks, then the last day's done and missed ones.</param>
internal sealed record TodayView(string Participant, string Study, string TimeZone, string Today, bool ConsentNeeded, string ConsentVersion, IReadOnlyList<DiaryTask> Tasks);

/// <summary>A study week of the itch diary.</summary>
internal sealed record ItchWeekView(int Week, string From, string To, int DaysAnswered, decimal? Mean, bool Complete);

/// <summary>My entries and my weekly itch.</summary>
internal sealed record HistoryView(IReadOnlyList<DiaryEntryView> Entries, IReadOnlyList<ItchWeekView> ItchWeeks, int MinimumDaysPerWeek);

/// <summary>Today's tasks and the history of the participant app, computed from the protocol's diaries.</summary>
internal static class ParticipantToday
{
    public static async Task<TodayView> TodayAsync(ParticipantSession session)
    {
        var entries = await session.Store.ListDiaryEntriesAsync(session.Participant.Id);
        var done = entries.Select(e => (e.DiaryId, e.DiaryDate)).ToHashSet();
        var tasks = new List<DiaryTask>();
        if (session.IsActive)
        {
            foreach (var diary in session.Protocol.Definition.Diaries)
            {
                // Windows that touch today (yesterday's evening diary may still be open this morning),
                // and, while none of the diary's is open, the next one to open, however far off, so a
                // new participant sees when to start.
                var upcomingShown = false;
                var mine = new List<DiaryTask>();
                foreach (var date in DiarySubmission.Due(session, diary, session.Today.AddDays(diary.EveryDays + 1)).Where(d => d >= session.Today.AddDays(-diary.ClosesAfterDays - 1)))
                {
                    var window = DiaryWindow.For(diary, date, session.Zone);
                    var key = (diary.Id, UtcText.Format(date));
                    var state = done.Contains(key) ? "done" : window.Contains(session.Now) ? "open" : session.Now < window.Opens ? "upcoming" : "missed";
                    if (state == "upcoming")
                    {
                        if (upcomingShown)
                        {
                            continue;
                        }

                        upcomingShown = true;
                    }

                    mine.Add(new DiaryTask(diary.Id, diary.Name, diary.Instrument, UtcText.Format(date), window.Opens, window.Closes, state));
                }

                tasks.AddRange(mine.Any(t => t.State == "open") ? mine.Where(t => t.State != "upcoming") : mine);
            }
        }

        var order = new Dictionary<string, int> { ["open"] = 0, ["upcoming"] = 1, ["done"] = 2, ["missed"] = 3 };
        var ordered = tasks.OrderBy(t => order[t.State]).ThenBy(t => t.Closes).ToList();
        var consentNeeded = await ElectronicConsent.NeedsConsentAsync(session);
        return new TodayView(session.Participant.ScreeningNumber, session.Request.Study.Id, session.Zone.Id, UtcText.Format(session.Today), consentNeeded,
            session.Protocol.Definition.ConsentDocumentVersion, ordered);
    }

    /// <summary>The participant's own history.</summary>
    public static Task<HistoryView> HistoryAsync(ParticipantSession session) =>
        HistoryAsync(session.Store, session.Protocol.Definition, session.Participant, session.Now);

    /// <summary>A participant's history as the site sees it: the same view as the participant's own.</summary>
    public static async Task<HistoryView> HistoryAsync(TrialRequest request, ParticipantRow participant) =>
        await HistoryAsync(request.Store, (await request.ProtocolAsync()).Definition, participant, request.Now);

    /// <summary>A participant's diary entries, newest first, and their weekly itch means up to today (their time zone).</summary>
    private static async Task<HistoryView> HistoryAsync(TrialStore store, ProtocolDefinition protocol, ParticipantRow participant, DateTimeOffset now)
    {
        var entries = await store.ListDiaryEntriesAsync(participant.Id);
        var views = entries.Select(e => DiarySubmission.View(e, protocol.FindDiary(e.DiaryId), replayed: false)).ToList();
        var itch = protocol.Diaries.FirstOrDefault(d => d.Instrument == "ppnrs");
        var weeks = new List<ItchWeekView>();
        if (itch is not null && DiarySubmission.AnchorOf(participant) is { } anchor)
        {
            var today = DiaryCalendar.LocalDate(now, ParticipantSession.ZoneOf(participant));
            var scores = views.Where(v => v.Diary == itch.Id && v.Score is not null).ToDictionary(v => UtcText.ParseDate(v.Date), v => (int)v.Score!.Value);
            weeks = ItchWeeks.Compute(scores, anchor, itch.MinimumDaysPerWeek, today)
                .Select(w => new ItchWeekView(w.Week, UtcText.Format(w.From), UtcText.Format(w.To), w.DaysAnswered, w.Mean, w.Complete)).Reverse().ToList();
        }

        return new HistoryView(views, weeks, itch?.MinimumDaysPerWeek ?? 0);
    }
}
