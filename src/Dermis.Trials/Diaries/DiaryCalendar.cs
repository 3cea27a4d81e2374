using Dermis.Trials.Protocol;

namespace Dermis.Trials.Diaries;

/// <summary>
/// Which dates a diary is due on, and the study-day arithmetic behind them: day 1 is the anchor
/// visit's date, day -1 the day before it, and there is no day 0 (as for visits, see
/// <see cref="Schedule.VisitWindow"/>).
/// </summary>
public static class DiaryCalendar
{
    /// <summary>The due dates of <paramref name="diary"/> for one participant, in ascending order, up to and including <paramref name="through"/>.</summary>
    /// <param name="diary">The protocol's diary.</param>
    /// <param name="activatedOn">The local date the participant activated the app, or null before that.</param>
    /// <param name="anchorDate">The anchor visit's date (study day 1), or null before it.</param>
    /// <param name="endedOn">The last date the participant is followed (withdrawn or completed), inclusive; null while followed.</param>
    /// <param name="through">The last date to list, inclusive (usually the participant's local today).</param>
    /// <returns>
    /// With <see cref="DiaryDefinition.FirstDay"/> null (a run-in diary): every
    /// <see cref="DiaryDefinition.EveryDays"/> days from the day after <paramref name="activatedOn"/>
    /// to study day <see cref="DiaryDefinition.LastDay"/>; while the anchor is unknown, only
    /// <paramref name="through"/> and <paramref name="endedOn"/> bound it; nothing before activation.
    /// With <see cref="DiaryDefinition.FirstDay"/> set: study day FirstDay, then every EveryDays
    /// calendar days up to study day LastDay; nothing before the anchor date is known. Never a
    /// date after <paramref name="endedOn"/> or <paramref name="through"/>.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="DiaryDefinition.EveryDays"/> is below 1, or FirstDay or LastDay is study day 0.</exception>
    public static IReadOnlyList<DateOnly> DueDates(DiaryDefinition diary, DateOnly? activatedOn, DateOnly? anchorDate, DateOnly? endedOn, DateOnly through)
    {
        if (Span(diary, activatedOn, anchorDate, endedOn, through) is not { } span)
        {
            return [];
        }

        // Day numbers, not DateOnly.AddDays: a step past 9999-12-31 must end the loop, not throw.
        var dates = new List<DateOnly>();
        for (var day = span.First; day <= span.Last; day += diary.EveryDays)
        {
            dates.Add(DateOnly.FromDayNumber(day));
        }

        return dates;
    }

    /// <summary>Whether <paramref name="date"/> is one of <see cref="DueDates"/> (with <c>through</c> = <paramref name="date"/>), without listing them.</summary>
    /// <param name="diary">The protocol's diary.</param>
    /// <param name="activatedOn">The local date the participant activated the app, or null before that.</param>
    /// <param name="anchorDate">The anchor visit's date (study day 1), or null before it.</param>
    /// <param name="endedOn">The last date the participant is followed, inclusive; null while followed.</param>
    /// <param name="date">Any date.</param>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="DueDates"/>.</exception>
    public static bool IsDue(DiaryDefinition diary, DateOnly? activatedOn, DateOnly? anchorDate, DateOnly? endedOn, DateOnly date) =>
        Span(diary, activatedOn, anchorDate, endedOn, date) is { } span
        && date.DayNumber >= span.First && date.DayNumber <= span.Last && (date.DayNumber - span.First) % diary.EveryDays == 0;

    /// <summary>The day numbers of the first due date and of the last date one may fall on, or null when none can.</summary>
    private static (int First, int Last)? Span(DiaryDefinition diary, DateOnly? activatedOn, DateOnly? anchorDate, DateOnly? endedOn, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(diary);
        if (diary.EveryDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(diary), diary.EveryDays, $"Diary '{diary.Id}' has everyDays {diary.EveryDays}; it must be 1 or more (1 daily, 7 weekly).");
        }

        DateOnly first;
        if (diary.FirstDay is { } firstDay)
        {
            if (anchorDate is not { } anchor)
            {
                return null;
            }

            first = StudyDate(anchor, firstDay);
        }
        else if (activatedOn is { } activated)
        {
            // The activation day itself is partial (the app was installed some time that day).
            first = activated.AddDays(1);
        }
        else
        {
            return null;
        }

        var last = through.DayNumber;
        if (endedOn is { } ended)
        {
            last = Math.Min(last, ended.DayNumber);
        }

        if (anchorDate is { } known)
        {
            last = Math.Min(last, StudyDate(known, diary.LastDay).DayNumber);
        }

        return (first.DayNumber, last);
    }

    /// <summary>The calendar date of <paramref name="studyDay"/>: anchor + (day − 1) for day ≥ 1, anchor + day for day ≤ −1.</summary>
    /// <param name="anchor">The anchor visit's date (study day 1).</param>
    /// <param name="studyDay">A study day, any integer but 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="studyDay"/> is 0 (study days go −1, 1, 2, …).</exception>
    public static DateOnly StudyDate(DateOnly anchor, int studyDay)
    {
        if (studyDay == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(studyDay), studyDay, "There is no study day 0: day 1 is the anchor visit and day -1 the day before it.");
        }

        return anchor.AddDays(studyDay > 0 ? studyDay - 1 : studyDay);
    }

    /// <summary>The study day of <paramref name="date"/>, the inverse of <see cref="StudyDate"/>: 1 on the anchor date, −1 the day before, never 0.</summary>
    /// <param name="anchor">The anchor visit's date (study day 1).</param>
    /// <param name="date">Any date.</param>
    public static int StudyDay(DateOnly anchor, DateOnly date)
    {
        var days = date.DayNumber - anchor.DayNumber;
        return days >= 0 ? days + 1 : days;
    }

    /// <summary>The date the clocks of <paramref name="zone"/> show at <paramref name="instant"/> (the participant's "today").</summary>
    /// <param name="instant">Any instant; its own offset is ignored.</param>
    /// <param name="zone">The participant's time zone.</param>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }
}
