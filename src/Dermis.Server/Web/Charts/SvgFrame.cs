using System.Globalization;
using System.Text;

namespace Dermis.Server.Web.Charts;

/// <summary>
/// The outer <c>&lt;svg&gt;</c> every chart shares: a fixed-width viewBox scaled to the page width
/// (<c>width="100%"</c>), and the accessible name and description screen readers announce.
/// </summary>
internal static class SvgFrame
{
    /// <summary>The y of the first thing below the visible title (or the top margin without one).</summary>
    public static double ContentTop(bool showTitle) => showTitle ? 40 : 12;

    /// <summary>Opens the SVG, writes its accessible title and description, and the visible title when asked.</summary>
    public static void Open(SvgBuilder b, string id, double width, double height, string title, string description, bool showTitle)
    {
        b.Raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Num(width).Raw(' ').Num(height)
            .Raw("\" width=\"100%\" role=\"img\"")
            .Raw(" aria-labelledby=\"").Text(id).Raw("-title ").Text(id).Raw("-desc\"")
            .Attr("id", id)
            .Raw(" font-family=\"").Raw(ChartText.FontFamily).Raw("\" font-size=\"11\">\n")
            .Raw("<title id=\"").Text(id).Raw("-title\">").Text(title).Raw("</title>\n")
            .Raw("<desc id=\"").Text(id).Raw("-desc\">").Text(description).Raw("</desc>\n")
            // An opaque background keeps the chart readable on any page colour.
            .Raw("<rect width=\"").Num(width).Raw("\" height=\"").Num(height).Raw("\" fill=\"#fff\"/>\n");
        if (showTitle)
        {
            b.TextElement(12, 24, title, $"font-size=\"{ChartText.TitleFont}\" font-weight=\"600\" fill=\"{ChartText.Ink}\"");
        }
    }

    /// <summary>Closes the SVG.</summary>
    public static void Close(SvgBuilder b) => b.Raw("</svg>\n");

    /// <summary>
    /// The element id the ARIA references hang off. An explicit id is kept (reduced to characters
    /// valid in an id); otherwise one is derived from a hash of the chart's content, so the output
    /// is deterministic and two different charts on one page get different ids.
    /// </summary>
    public static string IdFor(string? explicitId, uint contentHash)
    {
        if (string.IsNullOrWhiteSpace(explicitId))
        {
            return "chart-" + contentHash.ToString("x8", CultureInfo.InvariantCulture);
        }

        var clean = new StringBuilder(explicitId.Length + 6);
        foreach (var c in explicitId)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                clean.Append(c);
            }
        }

        return clean.Length > 0 && char.IsAsciiLetter(clean[0]) ? clean.ToString() : "chart-" + clean;
    }
}
