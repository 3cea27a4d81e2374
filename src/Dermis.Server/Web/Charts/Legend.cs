namespace Dermis.Server.Web.Charts;

/// <summary>How a legend entry's key is drawn, matching how its data is drawn.</summary>
internal enum LegendSwatch
{
    Line,
    LineWithMarker,
    Marker,
    Box,
}

/// <summary>One legend entry.</summary>
internal readonly record struct LegendItem(string Name, string Color, MarkerShape Shape, LegendSwatch Swatch, bool Dashed);

/// <summary>
/// A legend laid out left to right, wrapping onto further lines. Measured first (<see cref="Lines"/>)
/// so the chart can reserve the height before drawing.
/// </summary>
internal static class Legend
{
    public const double LineHeight = 16;
    private const double SwatchWidth = 24;
    private const double Gap = 6;
    private const double ItemGap = 16;

    /// <summary>How many lines the items take when the first starts at <paramref name="firstX"/> and wrapped lines at <paramref name="wrapX"/>.</summary>
    public static int Lines(IReadOnlyList<LegendItem> items, double firstX, double wrapX, double right)
    {
        var lines = items.Count > 0 ? 1 : 0;
        var x = firstX;
        foreach (var item in items)
        {
            var width = ItemWidth(item);
            if (x + width > right && x > wrapX)
            {
                lines++;
                x = wrapX;
            }

            x += width + ItemGap;
        }

        return lines;
    }

    /// <summary>Draws the items, the first line's text baseline at <paramref name="baseline"/>.</summary>
    public static void Write(SvgBuilder b, IReadOnlyList<LegendItem> items, double firstX, double wrapX, double right, double baseline)
    {
        var x = firstX;
        var y = baseline;
        foreach (var item in items)
        {
            var width = ItemWidth(item);
            if (x + width > right && x > wrapX)
            {
                y += LineHeight;
                x = wrapX;
            }

            var middle = y - 4;
            switch (item.Swatch)
            {
                case LegendSwatch.Box:
                    b.Raw("<rect").Attr("x", x).Attr("y", middle - 6).Raw(" width=\"12\" height=\"12\" fill=\"").Raw(item.Color).Raw("\"/>\n");
                    break;
                default:
                    if (item.Swatch != LegendSwatch.Marker)
                    {
                        b.Line(x, middle, x + SwatchWidth, middle, $"stroke=\"{item.Color}\" stroke-width=\"2\"{(item.Dashed ? " stroke-dasharray=\"6 4\"" : "")}");
                    }

                    if (item.Swatch != LegendSwatch.Line)
                    {
                        Markers.Open(b, item.Shape, x + SwatchWidth / 2, middle, item.Color, item.Dashed);
                        Markers.Close(b);
                    }

                    break;
            }

            b.TextElement(x + KeyWidth(item) + Gap, y, item.Name, $"fill=\"{ChartText.Ink}\"");
            x += width + ItemGap;
        }
    }

    private static double ItemWidth(LegendItem item) => KeyWidth(item) + Gap + ChartText.Width(item.Name, ChartText.TickFont);

    // A box needs less room than a line: the key is a colour patch, not a stroke pattern.
    private static double KeyWidth(LegendItem item) => item.Swatch == LegendSwatch.Box ? 12 : SwatchWidth;
}
