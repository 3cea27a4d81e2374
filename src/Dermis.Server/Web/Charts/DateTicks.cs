namespace Dermis.Server.Web.Charts;

/// <summary>Chooses the ticks of a date axis: the finest calendar step that fits the room.</summary>
public static class DateTicks
{
    // Finest first; the first step that yields at most maxTicks ticks wins. Half-years (2 quarters)
    // sit between quarters and years so a 2–4 year span still shows more than three labels.
    private static readonly (DateTickUnit Unit, int Count)[] Steps =
    [
        (DateTickUnit.Day, 1),
        (DateTickUnit.Week, 1),
        (DateTickUnit.Week, 2),
        (DateTickUnit.Month, 1),
        (DateTickUnit.Quarter, 1),
        (DateTickUnit.Quarter, 2),
        (DateTickUnit.Year, 1),
        (DateTickUnit.Year, 2),
        (DateTickUnit.Year, 5),
        (DateTickUnit.Year, 10),
        (DateTickUnit.Year, 20),
        (DateTickUnit.Year, 50),
        (DateTickUnit.Year, 100),
        (DateTickUnit.Year, 1000),
    ];

    /// <summary>
    /// The ticks for the span <paramref name="from"/>–<paramref name="to"/> (both included): the
    /// first of day, week (Mondays), fortnight, month, quarter, half-year, year and multi-year
    /// steps that puts at most <paramref name="maxTicks"/> ticks inside the span.
    /// </summary>
    /// <remarks>
    /// Ticks fall on calendar boundaries (Mondays, the 1st, 1 January of a year divisible by the
    /// step), so a span that starts mid-month has its first tick on the next 1st. Bounds in the
    /// wrong order are swapped; <paramref name="maxTicks"/> below 2 counts as 2. Never throws.
    /// </remarks>
    /// <param name="from">The first day of the span.</param>
    /// <param name="to">The last day of the span.</param>
    /// <param name="maxTicks">The most labels the axis has room for.</param>
    public static DateTickSet For(DateOnly from, DateOnly to, int maxTicks = 8)
    {
        if (from > to)
        {
            (from, to) = (to, from);
        }

        maxTicks = Math.Max(2, maxTicks);
        foreach (var (unit, count) in Steps)
        {
            // Stop one past the limit: a long span need not list its thousands of daily ticks to be refused.
            var ticks = Walk(from, to, unit, count, maxTicks + 1);
            if (ticks.Count <= maxTicks)
            {
                return new DateTickSet(unit, count, ticks);
            }
        }

        var last = Steps[^1];
        return new DateTickSet(last.Unit, last.Count, Walk(from, to, last.Unit, last.Count, maxTicks));
    }

    private static List<DateOnly> Walk(DateOnly from, DateOnly to, DateTickUnit unit, int count, int limit)
    {
        var ticks = new List<DateOnly>();
        DateOnly? tick = First(from, unit, count);
        while (tick is { } t && t <= to && ticks.Count < limit)
        {
            ticks.Add(t);
            tick = Next(t, unit, count);
        }

        return ticks;
    }

    /// <summary>The first calendar boundary of the step on or after <paramref name="from"/>, or null past the last representable date.</summary>
    private static DateOnly? First(DateOnly from, DateTickUnit unit, int count)
    {
        switch (unit)
        {
            case DateTickUnit.Day:
                return from;
            case DateTickUnit.Week:
                // Fortnights count from the first Monday in the span, not from an epoch, so a
                // two-week span always gets its start labelled when it is a Monday.
                var daysToMonday = ((int)DayOfWeek.Monday - (int)from.DayOfWeek + 7) % 7;
                return DateOnly.MaxValue.DayNumber - from.DayNumber >= daysToMonday ? from.AddDays(daysToMonday) : null;
            case DateTickUnit.Month:
            case DateTickUnit.Quarter:
                var months = unit == DateTickUnit.Quarter ? 3 * count : count;
                var monthIndex = from.Year * 12 + (from.Month - 1);
                var firstIndex = CeilingToMultiple(from.Day == 1 ? monthIndex : monthIndex + 1, months);
                return firstIndex / 12 > DateOnly.MaxValue.Year ? null : new DateOnly(firstIndex / 12, firstIndex % 12 + 1, 1);
            default:
                var year = CeilingToMultiple(from.Month == 1 && from.Day == 1 ? from.Year : from.Year + 1, count);
                return year > DateOnly.MaxValue.Year ? null : new DateOnly(year, 1, 1);
        }
    }

    /// <summary>The next tick, or null past the last representable date.</summary>
    private static DateOnly? Next(DateOnly tick, DateTickUnit unit, int count)
    {
        var days = unit switch { DateTickUnit.Day => count, DateTickUnit.Week => 7 * count, _ => 0 };
        var months = unit switch { DateTickUnit.Month => count, DateTickUnit.Quarter => 3 * count, DateTickUnit.Year => 12 * count, _ => 0 };
        if (days > 0)
        {
            return DateOnly.MaxValue.DayNumber - tick.DayNumber >= days ? tick.AddDays(days) : null;
        }

        return (tick.Year * 12 + tick.Month - 1) + months <= 9999 * 12 + 11 ? tick.AddMonths(months) : null;
    }

    private static int CeilingToMultiple(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
