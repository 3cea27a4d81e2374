namespace Dermis.Server.Web.Charts;

/// <summary>
/// One band of a <see cref="TimeSeriesChart"/> with its own value axis (e.g. EASI 0–72 points),
/// stacked under the others on the chart's shared date axis.
/// </summary>
public sealed class ChartTrack
{
    private readonly List<ChartSeries> _series = [];
    private readonly List<ReferenceLine> _referenceLines = [];

    /// <summary>A track with no series yet.</summary>
    /// <param name="title">The heading, e.g. "Peak itch NRS".</param>
    /// <param name="unit">The unit of the values, shown in the heading, e.g. "points" or "%".</param>
    public ChartTrack(string title, string? unit = null)
    {
        Title = title ?? "";
        Unit = unit;
    }

    /// <summary>The heading.</summary>
    public string Title { get; }

    /// <summary>The unit of the values.</summary>
    public string? Unit { get; }

    /// <summary>The bottom of the value axis; by default a nice value at or below the data.</summary>
    /// <remarks>Values outside a fixed range are drawn at the plot's edge.</remarks>
    public double? YMin { get; init; }

    /// <summary>The top of the value axis; by default a nice value at or above the data.</summary>
    public double? YMax { get; init; }

    /// <summary>
    /// Whether the computed axis starts at zero. By default it does when all values have one sign
    /// and zero is within the data's own span (lowest ≤ half the highest), so small counts are not
    /// exaggerated, while e.g. sleep efficiency of 85–95 % keeps a readable scale.
    /// </summary>
    public bool? IncludeZero { get; init; }

    /// <summary>The height of the plot area in viewBox pixels (heading and legend come on top).</summary>
    public double PlotHeight { get; init; } = 140;

    /// <summary>The series in drawing order.</summary>
    public IReadOnlyList<ChartSeries> Series => _series;

    /// <summary>The horizontal reference lines.</summary>
    public IReadOnlyList<ReferenceLine> ReferenceLines => _referenceLines;

    /// <summary>Adds a series.</summary>
    public ChartTrack AddSeries(ChartSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        _series.Add(series);
        return this;
    }

    /// <summary>Adds a horizontal reference line, e.g. <c>AddReferenceLine(16, "EASI 16")</c>.</summary>
    public ChartTrack AddReferenceLine(double value, string label)
    {
        _referenceLines.Add(new ReferenceLine(value, label ?? ""));
        return this;
    }
}
