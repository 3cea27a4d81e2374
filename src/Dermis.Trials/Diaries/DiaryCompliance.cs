namespace Dermis.Trials.Diaries;

/// <summary>Diary compliance for the site's follow-up: completion rate over closed windows and the current run of missed days.</summary>
public static class DiaryCompliance
{
    /// <summary>Summarises one participant's diary.</summary>
    /// <param name="dueDates">Due dates (<see cref="DiaryCalendar.DueDates"/>), distinct; any order.</param>
    /// <param name="entered">Due dates with an accepted entry.</param>
    /// <param name="today">The participant's local date at <paramref name="now"/> (<see cref="DiaryCalendar.LocalDate"/>); due dates after it cannot have closed and are skipped.</param>
    /// <param name="now">The instant to judge at.</param>
    /// <param name="window">The window of a due date, e.g. <c>d =&gt; DiaryWindow.For(diary, d, zone)</c>; a later date's window must close later, as those of one diary in one zone do. Called only for the latest dates, down to the first closed window.</param>
    /// <returns>
    /// Only windows already closed (<see cref="DiaryWindow.Closes"/> ≤ <paramref name="now"/>) are
    /// expected, so an open window is neither completed nor missed yet, and an entry in it does not
    /// raise the rate above 1; it does count for <see cref="DiaryComplianceSummary.LastEntry"/>.
    /// </returns>
    public static DiaryComplianceSummary Of(IReadOnlyList<DateOnly> dueDates, IReadOnlySet<DateOnly> entered, DateOnly today, DateTimeOffset now, Func<DateOnly, DiaryWindow> window)
    {
        ArgumentNullException.ThrowIfNull(dueDates);
        ArgumentNullException.ThrowIfNull(entered);
        ArgumentNullException.ThrowIfNull(window);

        var ordered = new List<DateOnly>(dueDates);
        ordered.Sort();

        // Windows close in due-date order (each closes at the same wall-clock time a fixed number of
        // days after its date), so scanning back from the latest date only the few still open are
        // computed: every date before the first closed one has closed too. A window opens on its due
        // date, so one due after today has not even opened.
        var closed = ordered.Count;
        while (closed > 0 && (ordered[closed - 1] > today || window(ordered[closed - 1]).Closes > now))
        {
            closed--;
        }

        int expected = closed, completed = 0, trailingMissed = 0;
        for (var i = 0; i < closed; i++)
        {
            if (entered.Contains(ordered[i]))
            {
                completed++;
                trailingMissed = 0;
            }
            else
            {
                trailingMissed++;
            }
        }

        DateOnly? lastEntry = null;
        foreach (var date in entered)
        {
            if (date <= today && (lastEntry is null || date > lastEntry))
            {
                lastEntry = date;
            }
        }

        return new DiaryComplianceSummary(expected, completed, expected - completed, Rate(completed, expected), lastEntry, trailingMissed);
    }

    /// <summary>Completed / expected as an exact decimal division (2/3 to 28 digits); null when nothing was expected.</summary>
    /// <param name="completed">Closed windows with an entry, 0 to <paramref name="expected"/>.</param>
    /// <param name="expected">Closed windows, 0 or more.</param>
    public static decimal? Rate(int completed, int expected) => expected == 0 ? null : (decimal)completed / expected;
}
