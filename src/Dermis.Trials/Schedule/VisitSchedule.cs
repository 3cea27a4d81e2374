using Dermis.Trials.Protocol;

namespace Dermis.Trials.Schedule;

/// <summary>Where a protocol visit stands for one participant on a given day.</summary>
public enum ScheduleState
{
    /// <summary>Recorded.</summary>
    Done,

    /// <summary>Not recorded, and today is inside its window.</summary>
    Due,

    /// <summary>Not recorded, and its window has closed (a missed visit unless it is recorded late).</summary>
    Overdue,

    /// <summary>Not recorded, and its window has not opened yet.</summary>
    Upcoming,

    /// <summary>No window can be computed (no anchor date yet) or the participant is no longer followed.</summary>
    NotScheduled,
}

/// <summary>A protocol visit with its window and state.</summary>
/// <param name="Visit">The protocol's visit.</param>
/// <param name="Window">Its window, or null without an anchor date.</param>
/// <param name="State">Done, due, overdue, upcoming or not scheduled.</param>
public sealed record ScheduledVisit(VisitDefinition Visit, VisitWindow? Window, ScheduleState State);

/// <summary>The schedule of one participant: what is done, due, overdue and coming (the site's to-do list).</summary>
public static class VisitSchedule
{
    /// <summary>The scheduled (not unscheduled) visits of <paramref name="protocol"/> in protocol order.</summary>
    /// <param name="protocol">The protocol the participant follows.</param>
    /// <param name="anchorDate">The anchor visit's date, or null before it.</param>
    /// <param name="recordedVisitIds">Visits already recorded.</param>
    /// <param name="today">The day to judge on.</param>
    /// <param name="followedUp">False once the participant has left the study (screen failed, completed, withdrawn, lost): nothing more is due.</param>
    public static IReadOnlyList<ScheduledVisit> For(ProtocolDefinition protocol, DateOnly? anchorDate, IReadOnlyCollection<string> recordedVisitIds, DateOnly today, bool followedUp)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(recordedVisitIds);
        var schedule = new List<ScheduledVisit>(protocol.Visits.Count);
        foreach (var visit in protocol.Visits)
        {
            if (visit.IsUnscheduled)
            {
                continue;
            }

            var window = anchorDate is { } anchor ? VisitWindow.For(visit, anchor) : null;
            var state = recordedVisitIds.Contains(visit.Id) ? ScheduleState.Done
                : !followedUp || window is null ? ScheduleState.NotScheduled
                : today > window.Latest ? ScheduleState.Overdue
                : today >= window.Earliest ? ScheduleState.Due
                : ScheduleState.Upcoming;
            schedule.Add(new ScheduledVisit(visit, window, state));
        }

        return schedule;
    }
}
