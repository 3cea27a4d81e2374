namespace Dermis.Server.Web.Charts;

/// <summary>
/// Lays out and draws a <see cref="BarChart"/>: title, legend for stacked segments, one row per
/// category (label, bar, value), then the value axis with its ticks and caption.
/// </summary>
internal static class BarChartRenderer
{
    private const double Pad = 12;
    private const double RowHeight = 28;
    private const double BarThickness = 18;
    private const double AxisBand = 48;

    public static string Render(BarChart chart)
    {
        var width = double.IsFinite(chart.Width) ? Math.Max(320, chart.Width) : 960;
        var bars = chart.Bars;
        var stacked = chart.SegmentNames.Count > 0 || bars.Any(bar => bar.Segments.Count > 1);

        // Category labels take what they need up to 35 % of the width; longer ones are cut with an ellipsis.
        var labelWidth = Math.Min(width * 0.35, Math.Max(40, bars.Select(bar => ChartText.Width(bar.Category, ChartText.TickFont)).DefaultIfEmpty(0).Max()));
        var valueLabelWidth = bars.Select(bar => ChartText.Width(ChartText.ValueText(bar.Total, chart.Unit), ChartText.TickFont)).DefaultIfEmpty(0).Max();
        var left = Pad + labelWidth + 8;
        var right = width - Pad - Math.Max(16, valueLabelWidth + 8);

        var (low, high) = (0.0, 0.0);
        var hasData = false;
        foreach (var bar in bars)
        {
            var total = bar.Total;
            if (double.IsFinite(total))
            {
                (low, high, hasData) = (Math.Min(low, total), Math.Max(high, total), true);
            }
        }

        var fixedMax = chart.ValueMax is { } m && double.IsFinite(m) && m > low ? m : (double?)null;
        var nice = NiceScale.For(low, fixedMax ?? high, Math.Clamp((int)((right - left) / 70), 3, 10));
        var axis = new Scale(nice.Min, fixedMax ?? nice.Max, left, right);

        var top = SvgFrame.ContentTop(chart.ShowTitle);
        var legend = new List<LegendItem>();
        if (stacked)
        {
            for (var i = 0; i < chart.SegmentNames.Count; i++)
            {
                legend.Add(new LegendItem(chart.SegmentNames[i], ChartPalette.Color(i), MarkerShape.Circle, LegendSwatch.Box, Dashed: false));
            }
        }

        var legendTop = top;
        var legendLines = Legend.Lines(legend, Pad, Pad, width - Pad);
        top += legendLines > 0 ? legendLines * Legend.LineHeight + 8 : 0;
        var plotTop = top;
        var plotBottom = plotTop + Math.Max(2, bars.Count) * RowHeight;
        var height = plotBottom + AxisBand;
        var description = chart.Description ?? BarChartSummary.Describe(chart);

        var b = new SvgBuilder(2048 + 400 * bars.Count);
        SvgFrame.Open(b, SvgFrame.IdFor(chart.Id, BarChartSummary.Hash(chart, description)), width, height, chart.Title ?? "", description, chart.ShowTitle);
        Legend.Write(b, legend, Pad, Pad, width - Pad, legendTop + 13);
        // An empty chart keeps its axis lines but not the ticks of a meaningless 0–1 scale.
        DrawValueAxis(b, chart, nice, axis, plotTop, plotBottom, labelled: hasData || fixedMax is not null);

        for (var row = 0; row < bars.Count; row++)
        {
            DrawBar(b, chart, bars[row], axis, plotTop + row * RowHeight, labelWidth);
        }

        // The zero line over the bars' base: where negative and positive bars part.
        var zero = axis.X(0);
        b.Line(zero, plotTop, zero, plotBottom, $"stroke=\"{ChartText.AxisColor}\"");
        if (!hasData)
        {
            b.TextElement((left + right) / 2, (plotTop + plotBottom) / 2 + 5, ChartText.NoData,
                $"text-anchor=\"middle\" font-size=\"{ChartText.HeadingFont}\" fill=\"{ChartText.MutedInk}\"");
        }

        SvgFrame.Close(b);
        return b.ToString();
    }

    /// <summary>The value axis mapping: values to x, clamped to the plot.</summary>
    private readonly record struct Scale(double Min, double Max, double Left, double Right)
    {
        public double X(double value) => Math.Clamp(Left + (value - Min) / (Max - Min) * (Right - Left), Left, Right);
    }

    private static void DrawValueAxis(SvgBuilder b, BarChart chart, NiceRange nice, Scale axis, double plotTop, double plotBottom, bool labelled)
    {
        var format = ChartText.TickFormat(nice.Decimals);
        for (var i = 0; labelled && i < nice.TickCount && i < 50; i++)
        {
            var value = nice.TickAt(i);
            if (value > axis.Max + 1e-9)
            {
                break;
            }

            var x = axis.X(value);
            b.Line(x, plotTop, x, plotBottom, $"stroke=\"{ChartText.GridColor}\"");
            b.Line(x, plotBottom, x, plotBottom + 4, $"stroke=\"{ChartText.AxisColor}\"");
            b.Raw("<text").Attr("x", x).Attr("y", plotBottom + 17).Raw(" text-anchor=\"middle\" fill=\"").Raw(ChartText.Ink).Raw("\">")
                .Num(value, format).Raw("</text>\n");
        }

        b.Line(axis.Left, plotBottom, axis.Right, plotBottom, $"stroke=\"{ChartText.AxisColor}\"");
        var caption = ChartText.WithUnit(chart.ValueAxisTitle ?? "", chart.Unit);
        if (caption.Length > 0)
        {
            b.TextElement((axis.Left + axis.Right) / 2, plotBottom + 36, caption, $"text-anchor=\"middle\" fill=\"{ChartText.Ink}\"");
        }
    }

    private static void DrawBar(SvgBuilder b, BarChart chart, ChartBar bar, Scale axis, double rowTop, double labelWidth)
    {
        var middle = rowTop + RowHeight / 2;
        var label = ChartText.Fit(bar.Category, labelWidth, ChartText.TickFont);
        b.Raw("<text").Attr("x", axis.Left - 8).Attr("y", middle + 4).Raw(" text-anchor=\"end\" fill=\"").Raw(ChartText.Ink).Raw("\">");
        if (label.Length != bar.Category.Length)
        {
            b.Raw("<title>").Text(bar.Category).Raw("</title>");
        }

        b.Text(label).Raw("</text>\n");

        var total = bar.Total;
        if (!double.IsFinite(total))
        {
            b.TextElement(axis.X(0) + 6, middle + 4, "No data", $"fill=\"{ChartText.MutedInk}\" font-style=\"italic\"");
            return;
        }

        var y = middle - BarThickness / 2;
        var start = 0.0;
        for (var i = 0; i < bar.Segments.Count; i++)
        {
            var value = bar.Segments[i];
            var single = bar.Segments.Count == 1;
            if (!double.IsFinite(value) || (!single && value <= 0))
            {
                continue;
            }

            var end = single ? value : start + value;
            var x1 = axis.X(Math.Min(start, end));
            var x2 = axis.X(Math.Max(start, end));
            var color = ChartPalette.Color(i);
            b.Raw("<rect").Attr("x", x1).Attr("y", y).Attr("width", x2 - x1).Attr("height", BarThickness)
                .Raw(" fill=\"").Raw(color).Raw("\" stroke=\"#fff\" stroke-width=\"1\"><title>").Text(bar.Category);
            if (!single)
            {
                b.Raw(", ").Text(i < chart.SegmentNames.Count ? chart.SegmentNames[i] : $"Segment {i + 1}");
            }

            b.Raw(": ");
            ChartText.Value(b, value, chart.Unit).Raw("</title></rect>\n");

            // Segment values inside their segment when they fit, so stacks read without the legend colours.
            var inner = ChartText.ValueText(value, null);
            if (!single && x2 - x1 >= ChartText.Width(inner, ChartText.TickFont) + 6)
            {
                b.TextElement((x1 + x2) / 2, middle + 4, inner, $"text-anchor=\"middle\" fill=\"{ChartPalette.TextOn(color)}\"");
            }

            start = end;
        }

        var tip = axis.X(total);
        var anchorLeft = total >= 0;
        b.Raw("<text").Attr("x", anchorLeft ? tip + 6 : tip - 6).Attr("y", middle + 4)
            .Raw(anchorLeft ? "" : " text-anchor=\"end\"").Raw(" fill=\"").Raw(ChartText.Ink).Raw("\">");
        ChartText.Value(b, total, chart.Unit).Raw("</text>\n");
    }
}
