using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Diaries;

namespace Dermis.Server.Participation;

/// <summary>One participant's diary compliance over every diary of the protocol.</summary>
internal sealed record ParticipantCompliance(string Participant, string Site, string Status, int Expected, int Completed, int Missed, decimal? Rate,
    string? LastEntry, int ConsecutiveMissed, bool NonCompliant, IReadOnlyDictionary<string, DiaryComplianceSummary> ByDiary);

/// <summary>A site's diary compliance.</summary>
internal sealed record SiteCompliance(string Site, int Participants, int NonCompliant, int Expected, int Completed, decimal? Rate);

/// <summary>Diary compliance of a study, non-compliant participants first.</summary>
internal sealed record ComplianceReport(decimal Threshold, IReadOnlyList<SiteCompliance> Sites, IReadOnlyList<ParticipantCompliance> Participants);

/// <summary>
/// Diary compliance for site staff: for each participant of the sites the caller sees, the diary
/// windows already closed and how many have an entry (<see cref="DiaryCompliance"/>), in the
/// participant's own time zone. Below <see cref="Threshold"/> (80 %, the usual ePRO target) or three
/// missed windows in a row marks a participant non-compliant; they are listed first.
/// </summary>
internal static class DiaryComplianceReport
{
    public const decimal Threshold = 0.8m;
    public const int MissedInARow = 3;

    public static async Task<ComplianceReport> BuildAsync(TrialRequest request)
    {
        if (request.Access.VisibleSites is { Count: 0 })
        {
            throw new Hosting.ForbiddenException($"Diary compliance is for site staff; your roles in {request.Study.Id} see no site.");
        }

        var protocol = (await request.ProtocolAsync()).Definition;
        var participants = await request.Store.ListParticipantsAsync(request.Study.Id, request.Access.VisibleSites);
        var entered = (await request.Store.ListDiaryDatesAsync(request.Study.Id))
            .GroupBy(e => e.ParticipantId)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.DiaryId).ToDictionary(d => d.Key, d => (IReadOnlySet<DateOnly>)d.Select(e => UtcText.ParseDate(e.DiaryDate)).ToHashSet()));
        var statusChanged = await request.Store.ListLastStatusChangesAsync(request.Study.Id);
        var rows = new List<ParticipantCompliance>();
        foreach (var participant in participants.Where(p => p.ActivatedOn is not null))
        {
            var zone = ParticipantSession.ZoneOf(participant);
            var today = DiaryCalendar.LocalDate(request.Now, zone);
            var active = ParticipantSession.IsFollowed(participant.Status);
            // A withdrawn or completed participant's diaries end on the day their status changed.
            DateOnly? endedOn = !active && statusChanged.TryGetValue(participant.ScreeningNumber, out var changed)
                ? DiaryCalendar.LocalDate(UtcText.Parse(changed), zone)
                : null;
            var byDiary = new Dictionary<string, DiaryComplianceSummary>();
            foreach (var diary in protocol.Diaries)
            {
                var due = DiaryCalendar.DueDates(diary, DiarySubmission.ActivatedOn(participant), DiarySubmission.AnchorOf(participant), endedOn, today);
                var mine = entered.GetValueOrDefault(participant.Id)?.GetValueOrDefault(diary.Id) ?? new HashSet<DateOnly>();
                byDiary[diary.Id] = DiaryCompliance.Of(due, mine, today, request.Now, d => DiaryWindow.For(diary, d, zone));
            }

            var expected = byDiary.Values.Sum(s => s.Expected);
            var completed = byDiary.Values.Sum(s => s.Completed);
            var rate = DiaryCompliance.Rate(completed, expected);
            var inARow = byDiary.Values.Select(s => s.ConsecutiveMissed).DefaultIfEmpty(0).Max();
            var last = byDiary.Values.Select(s => s.LastEntry).Where(d => d is not null).DefaultIfEmpty(null).Max();
            rows.Add(new ParticipantCompliance(participant.ScreeningNumber, participant.SiteId, participant.Status, expected, completed, expected - completed, rate,
                last is { } l ? UtcText.Format(l) : null, inARow, active && (rate < Threshold || inARow >= MissedInARow), byDiary));
        }

        var ordered = rows.OrderByDescending(r => r.NonCompliant).ThenBy(r => r.Rate ?? 1m).ThenByDescending(r => r.ConsecutiveMissed).ThenBy(r => r.Participant, StringComparer.Ordinal).ToList();
        var sites = rows.GroupBy(r => r.Site).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var expected = g.Sum(r => r.Expected);
            var completed = g.Sum(r => r.Completed);
            return new SiteCompliance(g.Key, g.Count(), g.Count(r => r.NonCompliant), expected, completed, DiaryCompliance.Rate(completed, expected));
        }).ToList();
        return new ComplianceReport(Threshold, sites, ordered);
    }
}
