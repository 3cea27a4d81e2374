using System.Globalization;
using System.Text;

namespace Dermis.Server.Web.Charts;

/// <summary>
/// Lays out and draws a <see cref="TimeSeriesChart"/>: title, event labels, then per track a
/// heading with its legend above a plot, and the shared date labels under the last plot.
/// </summary>
internal static class TimeSeriesRenderer
{
    private const double Pad = 12;
    private const double RightMargin = 28; // half the widest date label ("Mar 2026"), so the last one fits
    private const double EventRowHeight = 14;
    private const int MaxEventRows = 3;
    private const double TrackGap = 16;
    private const double DateLabelBand = 30;
    private const double MarkerSpacing = 6;
    private const int MaxTooltips = 500; // beyond this a tooltip per marker only bloats the page

    private sealed record TrackLayout(ChartTrack Track, ValueAxis Axis, string Heading, List<LegendItem> Legend, double LegendX, double HeaderTop, double PlotTop, double PlotBottom);

    /// <summary>An event label: its line at <c>X</c>, its text centred at <c>Centre</c> (moved inward near the chart's edges).</summary>
    private readonly record struct EventLabel(ChartEvent Event, double X, double Centre, int Row);

    public static string Render(TimeSeriesChart chart)
    {
        var width = double.IsFinite(chart.Width) ? Math.Max(320, chart.Width) : 960;
        IReadOnlyList<ChartTrack> tracks = chart.Tracks.Count > 0 ? chart.Tracks : [new ChartTrack("")];
        var time = TimeAxis.For(chart);

        var axes = new ValueAxis[tracks.Count];
        double labelWidth = 24;
        for (var i = 0; i < tracks.Count; i++)
        {
            var plotHeight = PlotHeight(tracks[i]);
            axes[i] = ValueAxis.For(tracks[i], time, Math.Clamp((int)(plotHeight / 26) + 1, 3, 8));
            labelWidth = Math.Max(labelWidth, TickLabelWidth(axes[i]));
        }

        var left = Pad + labelWidth + 8;
        var right = width - RightMargin;
        var dateTicks = time.HasDates ? DateTicks.For(time.From, time.To, Math.Clamp((int)((right - left) / 80), 2, 12)) : null;

        var top = SvgFrame.ContentTop(chart.ShowTitle);
        var eventTop = top;
        var events = PlaceEvents(chart, time, left, right, width);
        if (events.Count > 0)
        {
            top += (events.Max(e => e.Row) + 1) * EventRowHeight + 6;
        }

        var layouts = new List<TrackLayout>(tracks.Count);
        for (var i = 0; i < tracks.Count; i++)
        {
            var track = tracks[i];
            var heading = ChartText.WithUnit(track.Title, track.Unit);
            var legend = LegendFor(track, time, left, right);
            var legendX = heading.Length > 0 ? Pad + ChartText.Width(heading, ChartText.HeadingFont) + 16 : Pad;
            var lines = Legend.Lines(legend, legendX, Pad, width - Pad);
            lines = heading.Length > 0 ? Math.Max(1, lines) : lines;
            // 10 px under the heading keeps it clear of the top tick label, which straddles the plot's top edge.
            var plotTop = top + (lines > 0 ? lines * Legend.LineHeight + 10 : 0);
            var plotBottom = plotTop + PlotHeight(track);
            layouts.Add(new TrackLayout(track, axes[i], heading, legend, legendX, top, plotTop, plotBottom));
            top = plotBottom + TrackGap;
        }

        var lastBottom = layouts[^1].PlotBottom;
        var height = lastBottom + DateLabelBand;
        var description = chart.Description ?? Describe(chart, time);
        var id = SvgFrame.IdFor(chart.Id, Hash(chart, description));

        var b = new SvgBuilder(EstimateCapacity(chart));
        SvgFrame.Open(b, id, width, height, chart.Title ?? "", description, chart.ShowTitle);
        foreach (var layout in layouts)
        {
            DrawFrame(b, layout, time, dateTicks, left, right, width);
        }

        DrawEvents(b, events, eventTop, lastBottom);
        foreach (var layout in layouts)
        {
            DrawSeries(b, layout, time, left, right);
        }

        if (dateTicks is not null)
        {
            var format = DateTickSet.Format(dateTicks.Unit);
            foreach (var tick in dateTicks.Ticks)
            {
                var x = time.X(tick, left, right);
                b.Line(x, lastBottom, x, lastBottom + 4, $"stroke=\"{ChartText.AxisColor}\"");
                b.Raw("<text").Attr("x", x).Attr("y", lastBottom + 17).Raw(" text-anchor=\"middle\" fill=\"").Raw(ChartText.Ink).Raw("\">")
                    .Date(tick, format).Raw("</text>\n");
            }
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
        return widest * ChartText.TickFont * 0.6;
    }

    private static List<LegendItem> LegendFor(ChartTrack track, TimeAxis time, double left, double right)
    {
        var items = new List<LegendItem>(track.Series.Count);
        for (var i = 0; i < track.Series.Count; i++)
        {
            var series = track.Series[i];
            var slot = series.PaletteIndex ?? i;
            // The key shows what the plot shows: no marker where a dense line drops its markers.
            var swatch = series.Style switch
            {
                SeriesStyle.Markers => LegendSwatch.Marker,
                SeriesStyle.LineWithMarkers when ShowsMarkers(series, Drawable(series, time), left, right) => LegendSwatch.LineWithMarker,
                _ => LegendSwatch.Line,
            };
            items.Add(new LegendItem(series.Name, ChartPalette.Color(slot), ChartPalette.Shape(slot), swatch, series.Dashed));
        }

        return items;
    }

    /// <summary>How many of the series' points are plotted: finite and inside the date span.</summary>
    private static int Drawable(ChartSeries series, TimeAxis time)
    {
        var count = 0;
        foreach (var p in series.Span)
        {
            if (double.IsFinite(p.Value) && time.Contains(p.Date))
            {
                count++;
            }
        }

        return count;
    }

    private static bool ShowsMarkers(ChartSeries series, int drawable, double left, double right) =>
        series.Style == SeriesStyle.Markers ||
        (series.Style == SeriesStyle.LineWithMarkers && drawable <= (right - left) / MarkerSpacing);

    /// <summary>
    /// Puts each event label on the first row where it does not overlap the previous label, so
    /// close visits (Week 2, Week 4) stay legible; past the last row, labels may overlap.
    /// </summary>
    private static List<EventLabel> PlaceEvents(TimeSeriesChart chart, TimeAxis time, double left, double right, double width)
    {
        var labels = new List<EventLabel>();
        var rowEnds = new double[MaxEventRows];
        Array.Fill(rowEnds, double.NegativeInfinity);
        foreach (var e in chart.Events.Where(e => time.Contains(e.Date)).OrderBy(e => e.Date))
        {
            var x = time.X(e.Date, left, right);
            var half = ChartText.Width(e.Label, ChartText.TickFont) / 2;
            var centre = Math.Clamp(x, Pad + half, Math.Max(Pad + half, width - Pad - half));
            var row = Array.FindIndex(rowEnds, end => centre - half > end + 6);
            row = row >= 0 ? row : Array.IndexOf(rowEnds, rowEnds.Min());
            rowEnds[row] = centre + half;
            labels.Add(new EventLabel(e, x, centre, row));
        }

        return labels;
    }

    private static void DrawFrame(SvgBuilder b, TrackLayout layout, TimeAxis time, DateTickSet? dateTicks, double left, double right, double width)
    {
        var (track, axis) = (layout.Track, layout.Axis);
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
                var y = axis.Y(value, layout.PlotTop, layout.PlotBottom);
                b.Line(left, y, right, y, $"stroke=\"{ChartText.GridColor}\"");
                b.Raw("<text").Attr("x", left - 6).Attr("y", y + 4).Raw(" text-anchor=\"end\" fill=\"").Raw(ChartText.Ink).Raw("\">")
                    .Num(value, format).Raw("</text>\n");
            }
        }

        if (dateTicks is not null)
        {
            foreach (var tick in dateTicks.Ticks)
            {
                var x = time.X(tick, left, right);
                b.Line(x, layout.PlotTop, x, layout.PlotBottom, $"stroke=\"{ChartText.GridColor}\"");
            }
        }

        b.Line(left, layout.PlotTop, left, layout.PlotBottom, $"stroke=\"{ChartText.AxisColor}\"");
        b.Line(left, layout.PlotBottom, right, layout.PlotBottom, $"stroke=\"{ChartText.AxisColor}\"");

        foreach (var line in track.ReferenceLines)
        {
            if (double.IsFinite(line.Value) && axis.Contains(line.Value))
            {
                var y = axis.Y(line.Value, layout.PlotTop, layout.PlotBottom);
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

    private static void DrawEvents(SvgBuilder b, List<EventLabel> events, double top, double bottom)
    {
        foreach (var label in events)
        {
            var baseline = top + (label.Row + 1) * EventRowHeight - 3;
            b.Line(label.X, baseline + 3, label.X, bottom, $"stroke=\"{ChartText.MutedInk}\" stroke-dasharray=\"4 3\"");
        }

        foreach (var label in events)
        {
            var baseline = top + (label.Row + 1) * EventRowHeight - 3;
            b.TextElement(label.Centre, baseline, label.Event.Label, $"text-anchor=\"middle\" fill=\"{ChartText.AxisColor}\"");
        }
    }

    private static void DrawSeries(SvgBuilder b, TrackLayout layout, TimeAxis time, double left, double right)
    {
        if (!time.HasDates)
        {
            return;
        }

        for (var i = 0; i < layout.Track.Series.Count; i++)
        {
            var series = layout.Track.Series[i];
            var slot = series.PaletteIndex ?? i;
            var color = ChartPalette.Color(slot);
            var drawable = Drawable(series, time);
            if (drawable == 0)
            {
                continue;
            }

            b.Raw("<g>\n");
            if (series.Style != SeriesStyle.Markers)
            {
                DrawLine(b, series, layout, time, left, right, color);
            }

            if (ShowsMarkers(series, drawable, left, right))
            {
                DrawMarkers(b, series, layout, time, left, right, color, ChartPalette.Shape(slot), drawable <= MaxTooltips);
            }

            b.Raw("</g>\n");
        }
    }

    /// <summary>
    /// One path per series. A gap (NaN, or a date outside the span) lifts the pen; a point alone
    /// between gaps becomes a dot ("h0" with round caps) so it does not vanish.
    /// </summary>
    private static void DrawLine(SvgBuilder b, ChartSeries series, TrackLayout layout, TimeAxis time, double left, double right, string color)
    {
        var step = series.Style == SeriesStyle.Step;
        b.Raw("<path d=\"");
        var run = 0;
        var lastY = 0.0;
        foreach (var p in series.Span)
        {
            if (!double.IsFinite(p.Value) || !time.Contains(p.Date))
            {
                if (run == 1)
                {
                    b.Raw("h0");
                }

                run = 0;
                continue;
            }

            var x = time.X(p.Date, left, right);
            var y = layout.Axis.Y(p.Value, layout.PlotTop, layout.PlotBottom);
            if (run == 0)
            {
                b.Raw('M').Num(x).Raw(' ').Num(y);
            }
            else if (step)
            {
                // Step-after: hold the previous value until this date, then jump.
                b.Raw('H').Num(x);
                if (y != lastY)
                {
                    b.Raw('V').Num(y);
                }
            }
            else
            {
                b.Raw('L').Num(x).Raw(' ').Num(y);
            }

            lastY = y;
            run++;
        }

        if (run == 1)
        {
            b.Raw("h0");
        }

        b.Raw("\" fill=\"none\" stroke=\"").Raw(color).Raw("\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        if (series.Dashed)
        {
            b.Raw(" stroke-dasharray=\"6 4\"");
        }

        b.Raw("/>\n");
    }

    private static void DrawMarkers(SvgBuilder b, ChartSeries series, TrackLayout layout, TimeAxis time, double left, double right, string color, MarkerShape shape, bool tooltips)
    {
        foreach (var p in series.Span)
        {
            if (!double.IsFinite(p.Value) || !time.Contains(p.Date))
            {
                continue;
            }

            var x = time.X(p.Date, left, right);
            var y = layout.Axis.Y(p.Value, layout.PlotTop, layout.PlotBottom);
            var element = Markers.Open(b, shape, x, y, color, series.Dashed);
            if (!tooltips)
            {
                Markers.Close(b);
                continue;
            }

            // A native tooltip gives the exact value on hover, without script.
            b.Raw("><title>").Text(series.Name).Raw(", ").Date(p.Date, "d MMM yyyy").Raw(": ");
            ChartText.Value(b, p.Value, layout.Track.Unit);
            b.Raw("</title></").Raw(element).Raw(">\n");
        }
    }

    private static string Describe(TimeSeriesChart chart, TimeAxis time)
    {
        var text = new StringBuilder();
        var tracks = chart.Tracks;
        text.Append(tracks.Count <= 1 ? "Time-series chart" : $"Time-series chart with {tracks.Count.ToString(CultureInfo.InvariantCulture)} tracks");
        if (time.HasDates)
        {
            text.Append(CultureInfo.InvariantCulture, $" from {time.From:d MMM yyyy} to {time.To:d MMM yyyy}");
        }

        text.Append('.');
        foreach (var track in tracks)
        {
            text.Append(' ').Append(ChartText.WithUnit(track.Title, track.Unit)).Append(": ");
            text.Append(track.Series.Count == 0 ? "no series" : string.Join(", ", track.Series.Select(s => s.Name)));
            text.Append('.');
        }

        if (chart.Events.Count > 0)
        {
            text.Append(" Events: ")
                .AppendJoin(", ", chart.Events.OrderBy(e => e.Date).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Label} ({e.Date:d MMM yyyy})")))
                .Append('.');
        }

        if (!chart.Tracks.Any(t => t.Series.Any(s => s.Points.Any(p => double.IsFinite(p.Value)))))
        {
            text.Append(' ').Append(ChartText.NoData).Append('.');
        }

        return text.ToString();
    }

    private static uint Hash(TimeSeriesChart chart, string description)
    {
        var hash = new StableHash();
        hash.Add(chart.Title);
        hash.Add(description);
        foreach (var track in chart.Tracks)
        {
            foreach (var series in track.Series)
            {
                foreach (var p in series.Span)
                {
                    hash.Add(p.Date.DayNumber);
                    hash.Add(p.Value);
                }
            }
        }

        return hash.Value;
    }

    /// <summary>
    /// Roughly the output length, so the builder starts near its final size: about 16 characters a
    /// line vertex, 90 a marker and 80 more for its tooltip, plus 3 KB of frame and 1 KB a track.
    /// </summary>
    private static int EstimateCapacity(TimeSeriesChart chart)
    {
        long chars = 3072 + 1024L * chart.Tracks.Count;
        foreach (var track in chart.Tracks)
        {
            foreach (var series in track.Series)
            {
                long n = series.Points.Count;
                var markers = series.Style == SeriesStyle.Markers || (series.Style == SeriesStyle.LineWithMarkers && n <= 150);
                chars += (series.Style == SeriesStyle.Markers ? 0 : 16 * n) + (markers ? 90 * n : 0) + (markers && n <= MaxTooltips ? 80 * n : 0);
            }
        }

        return (int)Math.Min(4_000_000, chars);
    }
}
