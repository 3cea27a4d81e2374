namespace Dermis.Server.Web.Charts;

/// <summary>The value axis of one track: its range, nice tick step and mapping to y pixels.</summary>
internal sealed class ValueAxis
{
    private const double Epsilon = 1e-9;

    private ValueAxis(double min, double max, double step, int decimals, bool hasData, bool labelled)
    {
        Min = min;
        Max = max;
        Step = step;
        Decimals = decimals;
        HasData = hasData;
        Labelled = labelled;
    }

    public double Min { get; }

    public double Max { get; }

    public double Step { get; }

    public int Decimals { get; }

    /// <summary>Whether the track has any value to plot inside the date span.</summary>
    public bool HasData { get; }

    /// <summary>Whether ticks are labelled: not for an empty track without a fixed range, whose 0–1 scale would mean nothing.</summary>
    public bool Labelled { get; }

    /// <summary>
    /// The axis for a track: the fixed bounds where given, the rest nice-rounded around the values
    /// inside the date span and the reference lines (a threshold must stay visible).
    /// </summary>
    public static ValueAxis For(ChartTrack track, TimeAxis time, int maxTicks)
    {
        var low = double.PositiveInfinity;
        var high = double.NegativeInfinity;
        foreach (var series in track.Series)
        {
            foreach (var point in series.Span)
            {
                if (double.IsFinite(point.Value) && time.Contains(point.Date))
                {
                    low = Math.Min(low, point.Value);
                    high = Math.Max(high, point.Value);
                }
            }
        }

        var hasData = low <= high;
        foreach (var line in track.ReferenceLines)
        {
            if (double.IsFinite(line.Value))
            {
                low = Math.Min(low, line.Value);
                high = Math.Max(high, line.Value);
            }
        }

        if (low > high)
        {
            (low, high) = (0, 0);
        }

        if (track.IncludeZero ?? ((low >= 0 && low <= high / 2) || (high <= 0 && high >= low / 2)))
        {
            low = Math.Min(low, 0);
            high = Math.Max(high, 0);
        }

        var fixedMin = track.YMin is { } a && double.IsFinite(a) ? a : (double?)null;
        var fixedMax = track.YMax is { } b && double.IsFinite(b) ? b : (double?)null;
        if (fixedMin is { } lo && fixedMax is { } hi && lo >= hi)
        {
            // A fixed range upside down or empty is a caller's slip; fall back to the data.
            (fixedMin, fixedMax) = (null, null);
        }

        var nice = NiceScale.For(fixedMin ?? low, fixedMax ?? high, maxTicks);
        var min = fixedMin ?? nice.Min;
        var max = fixedMax ?? nice.Max;
        if (min >= max)
        {
            // Only one bound fixed and the data all beyond it: the nice range is the readable choice.
            (min, max) = (nice.Min, nice.Max);
        }

        return new ValueAxis(min, max, nice.Step, nice.Decimals, hasData, hasData || fixedMin is not null || fixedMax is not null);
    }

    /// <summary>The index of the lowest tick (tick value = index × step).</summary>
    public long FirstTick => (long)Math.Ceiling(Min / Step - Epsilon);

    /// <summary>The index of the highest tick.</summary>
    public long LastTick => (long)Math.Floor(Max / Step + Epsilon);

    /// <summary>The y of <paramref name="value"/>, clamped into the plot so out-of-range values stay at its edge.</summary>
    public double Y(double value, double top, double bottom)
    {
        var y = bottom - (value - Min) / (Max - Min) * (bottom - top);
        return Math.Clamp(y, top, bottom);
    }

    /// <summary>Whether <paramref name="value"/> lies within the axis.</summary>
    public bool Contains(double value) => value >= Min - Epsilon && value <= Max + Epsilon;
}
