namespace Dermis.Server.Web.Charts;

/// <summary>
/// Draws the series of one track (lines, steps, markers) and the legend keys that match them.
/// This is the hot path: numbers go straight into the builder, no allocation per point.
/// </summary>
internal static class SeriesPainter
{
    /// <summary>Markers are drawn only when points are at least this far apart on average (px).</summary>
    private const double MarkerSpacing = 6;

    /// <summary>Beyond this many markers a tooltip each only bloats the page.</summary>
    public const int MaxTooltips = 500;

    /// <summary>The legend entries of a track, one per series in palette order.</summary>
    public static List<LegendItem> LegendFor(ChartTrack track, TimeAxis time, double left, double right)
    {
        var items = new List<LegendItem>(track.Series.Count);
        if (track.Series.Count == 1 && string.Equals(track.Series[0].Name.Trim(), track.Title.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            // A lone series named like its track ("EASI" under "EASI (points)") needs no key.
            return items;
        }

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

    /// <summary>Draws every series of the track, each in its own group, in the order added.</summary>
    public static void Paint(SvgBuilder b, TrackLayout layout, TimeAxis time)
    {
        if (!time.HasDates)
        {
            return;
        }

        for (var i = 0; i < layout.Track.Series.Count; i++)
        {
            var series = layout.Track.Series[i];
            var drawable = Drawable(series, time);
            if (drawable == 0)
            {
                continue;
            }

            var slot = series.PaletteIndex ?? i;
            var color = ChartPalette.Color(slot);
            b.Raw("<g>\n");
            if (series.Style != SeriesStyle.Markers)
            {
                DrawLine(b, series, layout, time, color);
            }

            if (ShowsMarkers(series, drawable, layout.Left, layout.Right))
            {
                DrawMarkers(b, series, layout, time, color, ChartPalette.Shape(slot), drawable <= MaxTooltips);
            }

            b.Raw("</g>\n");
        }
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
    /// One path per series. A gap (NaN, or a date outside the span) lifts the pen; a point alone
    /// between gaps becomes a dot ("h0" with round caps) so it does not vanish.
    /// </summary>
    private static void DrawLine(SvgBuilder b, ChartSeries series, TrackLayout layout, TimeAxis time, string color)
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

            var x = layout.X(time, p.Date);
            var y = layout.Y(p.Value);
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

    private static void DrawMarkers(SvgBuilder b, ChartSeries series, TrackLayout layout, TimeAxis time, string color, MarkerShape shape, bool tooltips)
    {
        foreach (var p in series.Span)
        {
            if (!double.IsFinite(p.Value) || !time.Contains(p.Date))
            {
                continue;
            }

            var element = Markers.Open(b, shape, layout.X(time, p.Date), layout.Y(p.Value), color, series.Dashed);
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
}
