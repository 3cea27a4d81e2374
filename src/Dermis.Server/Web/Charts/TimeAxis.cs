namespace Dermis.Server.Web.Charts;

/// <summary>The date span of a <see cref="TimeSeriesChart"/> and its mapping to x pixels.</summary>
internal readonly record struct TimeAxis(DateOnly From, DateOnly To, bool HasDates)
{
    /// <summary>
    /// The span: <see cref="TimeSeriesChart.From"/>/<see cref="TimeSeriesChart.To"/> where given,
    /// else the earliest and latest plotted value or event. A single day is widened by three days
    /// each side so its points sit mid-plot instead of on an axis.
    /// </summary>
    public static TimeAxis For(TimeSeriesChart chart)
    {
        var min = DateOnly.MaxValue;
        var max = DateOnly.MinValue;
        foreach (var track in chart.Tracks)
        {
            foreach (var series in track.Series)
            {
                foreach (var point in series.Span)
                {
                    if (double.IsFinite(point.Value))
                    {
                        min = point.Date < min ? point.Date : min;
                        max = point.Date > max ? point.Date : max;
                    }
                }
            }
        }

        foreach (var e in chart.Events)
        {
            min = e.Date < min ? e.Date : min;
            max = e.Date > max ? e.Date : max;
        }

        var from = chart.From ?? min;
        var to = chart.To ?? max;
        if (from > to)
        {
            // No data and no bounds (or bounds given the wrong way round and nothing else).
            if (chart.From is null || chart.To is null)
            {
                var only = chart.From ?? chart.To;
                return only is { } day ? Widen(day, day) : new TimeAxis(default, default, false);
            }

            (from, to) = (to, from);
        }

        return Widen(from, to);
    }

    private static TimeAxis Widen(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            from = from.DayNumber >= 3 ? from.AddDays(-3) : from;
            to = DateOnly.MaxValue.DayNumber - to.DayNumber >= 3 ? to.AddDays(3) : to;
        }

        return new TimeAxis(from, to, true);
    }

    /// <summary>Whether <paramref name="date"/> is inside the span.</summary>
    public bool Contains(DateOnly date) => HasDates && date >= From && date <= To;

    /// <summary>The x of <paramref name="date"/> between the plot's <paramref name="left"/> and <paramref name="right"/> edges.</summary>
    public double X(DateOnly date, double left, double right)
    {
        var days = Math.Max(1, To.DayNumber - From.DayNumber);
        return left + (date.DayNumber - From.DayNumber) * (right - left) / days;
    }
}
