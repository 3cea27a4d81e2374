using System.Globalization;

namespace Dermis.Server.Web.Charts;

/// <summary>
/// Lays out and draws a <see cref="TimeSeriesChart"/>: title, event labels, then per track a
/// heading with its legend above a plot, and the shared date labels under the last plot.
/// </summary>
internal static class TimeSeriesRenderer
{
    private const double Pad = 12;
    private const double RightMargin = 28; // about half the widest date label ("Mar 2026"), so the last one fits
    private const double TrackGap = 16;
    private const double DateLabelBand = 30;

    public static string Render(TimeSeriesChart chart)
    {
        var width = double.IsFinite(chart.Width) ? Math.Max(320, chart.Width) : 960;
        IReadOnlyList<ChartTrack> tracks = chart.Tracks.Count > 0 ? chart.Tracks : [new ChartTrack("")];
        var time = TimeAxis.For(chart);

        // The value axes first: the widest tick label sets the left edge every track shares.
        var axes = new ValueAxis[tracks.Count];
        double labelWidth = 24;
        for (var i = 0; i < tracks.Count; i++)
        {
            axes[i] = ValueAxis.For(tracks[i], time, Math.Clamp((int)(PlotHeight(tracks[i]) / 26) + 1, 3, 8));
            labelWidth = Math.Max(labelWidth, TickLabelWidth(axes[i]));
        }

        var left = Pad + labelWidth + 8;
        var right = width - RightMargin;
        var dateTicks = time.HasDates ? DateTicks.For(time.From, time.To, Math.Clamp((int)((right - left) / 80), 2, 12)) : null;

        var top = SvgFrame.ContentTop(chart.ShowTitle);
        var eventTop = top;
        var events = EventBand.Place(chart.Events, time, left, right, width);
        var eventRows = EventBand.Rows(events);
        top += eventRows > 0 ? eventRows * EventBand.RowHeight + 6 : 0;

        var layouts = new List<TrackLayout>(tracks.Count);
        for (var i = 0; i < tracks.Count; i++)
        {
            var track = tracks[i];
            var heading = ChartText.WithUnit(track.Title, track.Unit);
            var legend = SeriesPainter.LegendFor(track, time, left, right);
            var legendX = heading.Length > 0 ? Pad + ChartText.Width(heading, ChartText.HeadingFont) + 16 : Pad;
            var lines = Legend.Lines(legend, legendX, Pad, width - Pad);
            lines = heading.Length > 0 ? Math.Max(1, lines) : lines;
            // 10 px under the heading keeps it clear of the top tick label, which straddles the plot's top edge.
            var plotTop = top + (lines > 0 ? lines * Legend.LineHeight + 10 : 0);
            var plotBottom = plotTop + PlotHeight(track);
            layouts.Add(new TrackLayout(track, axes[i], heading, legend, legendX, top, left, right, plotTop, plotBottom));
            top = plotBottom + TrackGap;
        }

        var lastBottom = layouts[^1].PlotBottom;
        var height = lastBottom + DateLabelBand;
        var description = chart.Description ?? TimeSeriesSummary.Describe(chart, time);
        var id = SvgFrame.IdFor(chart.Id, TimeSeriesSummary.Hash(chart, description));

        // Back to front: grids and axes, event lines, then the data on top.
        var b = new SvgBuilder(TimeSeriesSummary.EstimateCapacity(chart));
        SvgFrame.Open(b, id, width, height, chart.Title ?? "", description, chart.ShowTitle);
        foreach (var layout in layouts)
        {
            DrawFrame(b, layout, time, dateTicks, width);
        }

        EventBand.Draw(b, events, eventTop, lastBottom);
        foreach (var layout in layouts)
        {
            SeriesPainter.Paint(b, layout, time);
        }

        if (dateTicks is not null)
        {
            DrawDateLabels(b, dateTicks, time, left, right, lastBottom);
        }

        SvgFrame.Close(b);
        return b.ToString();
    }

    private static double PlotHeight(ChartTrack track) =>
        double.IsFinite(track.PlotHeight) ? Math.Clamp(track.PlotHeight, 40, 2000) : 140;

    private static double TickLabelWidth(ValueAxis axis)
    {
        if (!axis.Labelled)
        {
            return 0;
        }

        var format = ChartText.TickFormat(axis.Decimals);
        var widest = Math.Max(
            (axis.FirstTick * axis.Step).ToString(format, CultureInfo.InvariantCulture).Length,
            (axis.LastTick * axis.Step).ToString(format, CultureInfo.InvariantCulture).Length);
        return ChartText.Width(widest, ChartText.TickFont);
    }

    /// <summary>A track's heading, legend, grid, axes, reference lines, and "No data yet" when empty.</summary>
    private static void DrawFrame(SvgBuilder b, TrackLayout layout, TimeAxis time, DateTickSet? dateTicks, double width)
    {
        var (track, axis, left, right) = (layout.Track, layout.Axis, layout.Left, layout.Right);
        if (layout.Heading.Length > 0)
        {
            b.TextElement(Pad, layout.HeaderTop + 13, layout.Heading,
                $"font-size=\"{ChartText.HeadingFont}\" font-weight=\"600\" fill=\"{ChartText.Ink}\"");
        }

        Legend.Write(b, layout.Legend, layout.LegendX, Pad, width - Pad, layout.HeaderTop + 13);

        if (axis.Labelled)
        {
            var format = ChartText.TickFormat(axis.Decimals);
            // Bounded so a freak range can never emit thousands of lines.
            for (var k = axis.FirstTick; k <= axis.LastTick && k - axis.FirstTick < 50; k++)
            {
                var value = k * axis.Step;
                var y = layout.Y(value);
                b.Line(left, y, right, y, $"stroke=\"{ChartText.GridColor}\"");
                b.Raw("<text").Attr("x", left - 6).Attr("y", y + 4).Raw(" text-anchor=\"end\" fill=\"").Raw(ChartText.Ink).Raw("\">")
                    .Num(value, format).Raw("</text>\n");
            }
        }

        foreach (var tick in dateTicks?.Ticks ?? [])
        {
            var x = layout.X(time, tick);
            b.Line(x, layout.PlotTop, x, layout.PlotBottom, $"stroke=\"{ChartText.GridColor}\"");
        }

        b.Line(left, layout.PlotTop, left, layout.PlotBottom, $"stroke=\"{ChartText.AxisColor}\"");
        b.Line(left, layout.PlotBottom, right, layout.PlotBottom, $"stroke=\"{ChartText.AxisColor}\"");

        foreach (var line in track.ReferenceLines)
        {
            if (double.IsFinite(line.Value) && axis.Contains(line.Value))
            {
                var y = layout.Y(line.Value);
                b.Line(left, y, right, y, $"stroke=\"{ChartText.MutedInk}\" stroke-dasharray=\"2 3\"");
                b.TextElement(right - 4, y - 4, line.Label, $"text-anchor=\"end\" fill=\"{ChartText.MutedInk}\"");
            }
        }

        if (!axis.HasData)
        {
            b.TextElement((left + right) / 2, (layout.PlotTop + layout.PlotBottom) / 2 + 5, ChartText.NoData,
                $"text-anchor=\"middle\" font-size=\"{ChartText.HeadingFont}\" fill=\"{ChartText.MutedInk}\"");
        }
    }

    /// <summary>The shared date labels, with tick marks, under the last track only.</summary>
    private static void DrawDateLabels(SvgBuilder b, DateTickSet dateTicks, TimeAxis time, double left, double right, double bottom)
    {
        var format = DateTickSet.Format(dateTicks.Unit);
        foreach (var tick in dateTicks.Ticks)
        {
            var x = time.X(tick, left, right);
            b.Line(x, bottom, x, bottom + 4, $"stroke=\"{ChartText.AxisColor}\"");
            b.Raw("<text").Attr("x", x).Attr("y", bottom + 17).Raw(" text-anchor=\"middle\" fill=\"").Raw(ChartText.Ink).Raw("\">")
                .Date(tick, format).Raw("</text>\n");
        }
    }
}
