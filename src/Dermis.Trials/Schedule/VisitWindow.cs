using Dermis.Trials.Protocol;

namespace Dermis.Trials.Schedule;

/// <summary>Whether a visit happened inside its window.</summary>
public enum WindowStatus
{
    /// <summary>Inside [target − before, target + after].</summary>
    InWindow,

    /// <summary>Before the window opened: a protocol deviation.</summary>
    Early,

    /// <summary>After the window closed: a protocol deviation.</summary>
    Late,

    /// <summary>No window applies (unscheduled visit, or the anchor date is not known yet).</summary>
    NotApplicable,
}

/// <summary>A visit's target date and window, computed from the anchor visit's date.</summary>
/// <param name="Target">Anchor date + (day − 1): the anchor visit is day 1.</param>
/// <param name="Earliest">First day inside the window.</param>
/// <param name="Latest">Last day inside the window.</param>
public sealed record VisitWindow(DateOnly Target, DateOnly Earliest, DateOnly Latest)
{
    /// <summary>The window of <paramref name="visit"/> for a participant whose anchor visit was on <paramref name="anchorDate"/>.</summary>
    /// <returns>Null for an unscheduled visit.</returns>
    public static VisitWindow? For(VisitDefinition visit, DateOnly anchorDate)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (visit.IsUnscheduled)
        {
            return null;
        }

        // Study days have no day 0: day 1 is the anchor, day -1 the day before it.
        var offset = visit.Day > 0 ? visit.Day - 1 : visit.Day;
        var target = anchorDate.AddDays(offset);
        return new VisitWindow(target, target.AddDays(-visit.WindowBeforeDays), target.AddDays(visit.WindowAfterDays));
    }

    /// <summary>Classifies an actual visit date.</summary>
    public WindowStatus Classify(DateOnly actual) =>
        actual < Earliest ? WindowStatus.Early : actual > Latest ? WindowStatus.Late : WindowStatus.InWindow;

    /// <summary>Days outside the window (0 inside): negative early, positive late.</summary>
    public int DaysOutside(DateOnly actual) =>
        actual < Earliest ? actual.DayNumber - Earliest.DayNumber : actual > Latest ? actual.DayNumber - Latest.DayNumber : 0;
}
