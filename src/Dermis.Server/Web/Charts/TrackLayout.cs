namespace Dermis.Server.Web.Charts;

/// <summary>Where one track of a <see cref="TimeSeriesChart"/> sits: its heading, legend and plot box.</summary>
/// <param name="Track">The track drawn.</param>
/// <param name="Axis">Its value axis.</param>
/// <param name="Heading">Title with unit, e.g. "EASI (points)"; empty for the placeholder of a chart without tracks.</param>
/// <param name="Legend">The legend entries, drawn after the heading.</param>
/// <param name="LegendX">Where the legend's first line starts.</param>
/// <param name="HeaderTop">The top of the heading line.</param>
/// <param name="Left">The plot's left edge (the value axis); shared by all tracks.</param>
/// <param name="Right">The plot's right edge; shared by all tracks.</param>
/// <param name="PlotTop">The top of the plot box.</param>
/// <param name="PlotBottom">The bottom of the plot box.</param>
internal sealed record TrackLayout(
    ChartTrack Track, ValueAxis Axis, string Heading, IReadOnlyList<LegendItem> Legend, double LegendX, double HeaderTop,
    double Left, double Right, double PlotTop, double PlotBottom)
{
    /// <summary>The y of a value in this track.</summary>
    public double Y(double value) => Axis.Y(value, PlotTop, PlotBottom);

    /// <summary>The x of a date on the shared axis.</summary>
    public double X(TimeAxis time, DateOnly date) => time.X(date, Left, Right);
}
