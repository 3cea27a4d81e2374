using System.Runtime.InteropServices;

namespace Dermis.Server.Web.Charts;

/// <summary>A named series of dated values drawn in one track of a <see cref="TimeSeriesChart"/>.</summary>
public sealed class ChartSeries
{
    private List<DatePoint> _points = [];
    private bool _sorted = true;

    /// <summary>A series with no points yet.</summary>
    /// <param name="name">The legend text; participant-supplied text is safe (it is escaped).</param>
    public ChartSeries(string name) => Name = name ?? "";

    /// <summary>The legend text.</summary>
    public string Name { get; }

    /// <summary>Line with markers (the default), step line, or markers only.</summary>
    public SeriesStyle Style { get; init; } = SeriesStyle.LineWithMarkers;

    /// <summary>Draws the line dashed with hollow markers: for a plan or target beside the actual values.</summary>
    public bool Dashed { get; init; }

    /// <summary>
    /// The <see cref="ChartPalette"/> slot (colour and marker shape); by default the series' position
    /// in its track. Give a site's actual and planned series the same slot so they share a colour.
    /// </summary>
    public int? PaletteIndex { get; init; }

    /// <summary>The points in date order.</summary>
    public IReadOnlyList<DatePoint> Points
    {
        get
        {
            EnsureSorted();
            return _points;
        }
    }

    /// <summary>Adds a point; NaN marks a gap.</summary>
    public ChartSeries Add(DateOnly date, double value) => Add(new DatePoint(date, value));

    /// <summary>Adds a point with a decimal value.</summary>
    public ChartSeries Add(DateOnly date, decimal value) => Add(new DatePoint(date, value));

    /// <summary>Adds a count (without this overload an int argument would be ambiguous between double and decimal).</summary>
    public ChartSeries Add(DateOnly date, int value) => Add(new DatePoint(date, (double)value));

    /// <summary>Adds a point.</summary>
    public ChartSeries Add(DatePoint point)
    {
        if (_points.Count > 0 && point.Date < _points[^1].Date)
        {
            _sorted = false;
        }

        _points.Add(point);
        return this;
    }

    /// <summary>Adds points in any order.</summary>
    public ChartSeries AddRange(IEnumerable<DatePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var point in points)
        {
            Add(point);
        }

        return this;
    }

    /// <summary>The points in date order, without copying, for the renderer's hot loop.</summary>
    internal ReadOnlySpan<DatePoint> Span
    {
        get
        {
            EnsureSorted();
            return CollectionsMarshal.AsSpan(_points);
        }
    }

    private void EnsureSorted()
    {
        if (!_sorted)
        {
            // OrderBy is stable: two values on one day keep the order they were added in.
            _points = [.. _points.OrderBy(p => p.Date)];
            _sorted = true;
        }
    }
}
