namespace Dermis.Server.Web.Charts;

/// <summary>Draws one point marker, about 8 px across whatever its shape so no shape looks heavier.</summary>
internal static class Markers
{
    /// <summary>
    /// Writes the opening of a marker element centred on (x, y), without closing it, so the caller
    /// can add a <c>&lt;title&gt;</c> tooltip or close it at once with <see cref="Close"/>. Planned
    /// or target series (dashed lines) pass <paramref name="hollow"/> for hollow markers, a second
    /// cue beside the dash.
    /// </summary>
    /// <returns>The element name, for the closing tag.</returns>
    public static string Open(SvgBuilder b, MarkerShape shape, double x, double y, string color, bool hollow)
    {
        string element;
        switch (shape)
        {
            case MarkerShape.Circle:
                element = "circle";
                b.Raw("<circle").Attr("cx", x).Attr("cy", y).Raw(" r=\"4\"");
                break;
            case MarkerShape.Square:
                element = "rect";
                b.Raw("<rect").Attr("x", x - 3.5).Attr("y", y - 3.5).Raw(" width=\"7\" height=\"7\"");
                break;
            default:
                element = "path";
                b.Raw("<path d=\"M").Num(x).Raw(' ').Num(y).Raw(shape switch
                {
                    MarkerShape.TriangleUp => "m0 -5l4.5 8h-9z",
                    MarkerShape.TriangleDown => "m0 5l4.5 -8h-9z",
                    _ => "m0 -5l5 5l-5 5l-5 -5z",
                }).Raw('"');
                break;
        }

        // A white rim keeps a marker legible where it sits on its own or another series' line.
        return hollow
            ? Finish(b, element, "#fff", color)
            : Finish(b, element, color, "#fff");
    }

    /// <summary>Closes a marker opened by <see cref="Open"/> that gets no tooltip.</summary>
    public static void Close(SvgBuilder b) => b.Raw("/>\n");

    private static string Finish(SvgBuilder b, string element, string fill, string stroke)
    {
        b.Raw(" fill=\"").Raw(fill).Raw("\" stroke=\"").Raw(stroke).Raw("\" stroke-width=\"1.5\"");
        return element;
    }
}
