using Dermis.Storage.Trials;
using Dermis.Trials.Participants;
using Dermis.Trials.Protocol;
using Dermis.Trials.Schedule;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Web.Dashboard;

/// <summary>A visit a site has to do: due now, or overdue.</summary>
/// <param name="ScreeningNumber">Participant.</param>
/// <param name="SiteId">Site.</param>
/// <param name="Visit">Protocol visit.</param>
/// <param name="Window">Its window.</param>
/// <param name="State">Due or overdue.</param>
public sealed record VisitDue(string ScreeningNumber, string SiteId, VisitDefinition Visit, VisitWindow Window, ScheduleState State);

/// <summary>The site's to-do list over many participants, from one study-wide read of visits.</summary>
public static class VisitsDue
{
    /// <summary>Enrolled or randomised: visits fall due; before enrolment or after leaving the study, none do.</summary>
    public static bool IsFollowedUp(ParticipantRow participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return Names.Parse<ParticipantStatus>(participant.Status) is ParticipantStatus.Enrolled or ParticipantStatus.Randomised;
    }

    /// <summary>Due and overdue visits of <paramref name="participants"/> as of <paramref name="today"/>, overdue first, then by window end.</summary>
    public static List<VisitDue> Compute(ProtocolDefinition protocol, IEnumerable<ParticipantRow> participants, IEnumerable<StudyVisitRow> visits, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var recorded = visits.GroupBy(v => v.ParticipantId).ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.Select(v => v.VisitId).ToHashSet());
        var due = new List<VisitDue>();
        foreach (var p in participants)
        {
            if (p.AnchorDate is null)
            {
                continue;
            }

            var schedule = VisitSchedule.For(protocol, UtcText.ParseDate(p.AnchorDate), recorded.GetValueOrDefault(p.Id) ?? [], today, IsFollowedUp(p));
            foreach (var s in schedule)
            {
                if (s.State is ScheduleState.Due or ScheduleState.Overdue)
                {
                    due.Add(new VisitDue(p.ScreeningNumber, p.SiteId, s.Visit, s.Window!, s.State));
                }
            }
        }

        return due.OrderBy(d => d.State == ScheduleState.Overdue ? 0 : 1).ThenBy(d => d.Window.Latest).ThenBy(d => d.ScreeningNumber, StringComparer.Ordinal).ToList();
    }
}
