namespace Dermis.Trials.Diaries;

/// <summary>Diary compliance for the site's follow-up: completion rate over closed windows and the current run of missed days.</summary>
public static class DiaryCompliance
{
    /// <summary>Summarises one participant's diary.</summary>
    /// <param name="dueDates">Due dates (<see cref="DiaryCalendar.DueDates"/>), distinct; any order.</param>
    /// <param name="entered">Due dates with an accepted entry.</param>
    /// <param name="today">The participant's local date at <paramref name="now"/> (<see cref="DiaryCalendar.LocalDate"/>); due dates after it cannot have closed and are skipped.</param>
    /// <param name="now">The instant to judge at.</param>
    /// <param name="window">The window of a due date, e.g. <c>d =&gt; DiaryWindow.For(diary, d, zone)</c>.</param>
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
        int expected = 0, completed = 0, trailingMissed = 0;
        foreach (var date in ordered)
        {
            // A window opens on its due date, so one due after today has not even opened.
            if (date > today || window(date).Closes > now)
            {
                continue;
            }

            expected++;
            if (entered.Contains(date))
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

        var rate = expected == 0 ? (decimal?)null : (decimal)completed / expected;
        return new DiaryComplianceSummary(expected, completed, expected - completed, rate, lastEntry, trailingMissed);
    }
}
