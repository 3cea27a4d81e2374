namespace Dermis.Server.Web.Charts;

/// <summary>
/// The chart colours: the Okabe–Ito palette, which stays distinguishable under the common forms of
/// colour blindness. Pages use it too, so a table beside a chart can colour its key the same way.
/// </summary>
public static class ChartPalette
{
    /// <summary>
    /// Blue, vermillion, bluish green, reddish purple, orange, sky blue, black, yellow: the
    /// Okabe–Ito colours ordered so the first series get the best contrast on white (yellow last).
    /// </summary>
    public static IReadOnlyList<string> Colors { get; } =
        ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    /// <summary>The colour of palette slot <paramref name="index"/>, wrapping around after the last.</summary>
    public static string Color(int index) => Colors[Wrap(index, Colors.Count)];

    /// <summary>
    /// The marker shape of slot <paramref name="index"/>. Shapes cycle with a different period
    /// from colours, so series stay apart by shape for readers who cannot tell the colours apart.
    /// </summary>
    internal static MarkerShape Shape(int index) => (MarkerShape)Wrap(index, 5);

    /// <summary>
    /// Black or white, whichever reads better on <paramref name="hexColor"/> (a <c>#rrggbb</c>
    /// colour): by its relative luminance, as WCAG computes contrast.
    /// </summary>
    internal static string TextOn(string hexColor)
    {
        if (hexColor is not ['#', _, _, _, _, _, _])
        {
            return "#000";
        }

        var luminance = 0.0;
        double[] weights = [0.2126, 0.7152, 0.0722];
        for (var i = 0; i < 3; i++)
        {
            var channel = Convert.ToInt32(hexColor.Substring(1 + 2 * i, 2), 16) / 255.0;
            luminance += weights[i] * (channel <= 0.03928 ? channel / 12.92 : Math.Pow((channel + 0.055) / 1.055, 2.4));
        }

        // The crossover where contrast with black equals contrast with white.
        return luminance > 0.179 ? "#000" : "#fff";
    }

    private static int Wrap(int index, int count) => ((index % count) + count) % count;
}
