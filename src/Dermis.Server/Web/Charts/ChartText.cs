using System.Globalization;

namespace Dermis.Server.Web.Charts;

/// <summary>Text sizing and wording shared by the charts.</summary>
/// <remarks>
/// The server cannot measure fonts, so widths are estimated at 0.6 em per character: generous for
/// a proportional sans-serif, which errs towards gaps rather than overlapping labels.
/// </remarks>
internal static class ChartText
{
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
    public const string Ink = "#222";
    public const string MutedInk = "#555";
    public const string AxisColor = "#444";
    public const string GridColor = "#e3e3e3";
    public const double TickFont = 11;
    public const double HeadingFont = 13;
    public const double TitleFont = 16;
    public const string NoData = "No data yet";

    /// <summary>The estimated width of <paramref name="text"/> in pixels.</summary>
    public static double Width(string? text, double fontSize) => Width(text?.Length ?? 0, fontSize);

    /// <summary>The estimated width of <paramref name="characters"/> characters in pixels.</summary>
    public static double Width(int characters, double fontSize) => characters * fontSize * 0.6;

    /// <summary>The text cut with an ellipsis to fit <paramref name="maxWidth"/>; the whole text goes in a tooltip.</summary>
    public static string Fit(string text, double maxWidth, double fontSize)
    {
        var maxChars = Math.Max(1, (int)(maxWidth / (fontSize * 0.6)));
        return text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, Math.Max(0, maxChars - 1)), "…");
    }

    /// <summary>A heading with its unit, e.g. "EASI (points)"; just the title when there is no unit.</summary>
    public static string WithUnit(string title, string? unit) =>
        string.IsNullOrWhiteSpace(unit) ? title : string.IsNullOrWhiteSpace(title) ? unit : $"{title} ({unit})";

    /// <summary>Appends a value with its unit: "12.5%" for percent, "12 days" otherwise.</summary>
    public static SvgBuilder Value(SvgBuilder b, double value, string? unit)
    {
        b.Num(value, "#,0.##");
        if (!string.IsNullOrWhiteSpace(unit))
        {
            if (unit != "%")
            {
                b.Raw(' ');
            }

            b.Text(unit);
        }

        return b;
    }

    /// <summary>The text <see cref="Value"/> writes ("No data" for NaN), for measuring and descriptions.</summary>
    public static string ValueText(double value, string? unit)
    {
        if (!double.IsFinite(value))
        {
            return "No data";
        }

        var number = value.ToString("#,0.##", CultureInfo.InvariantCulture);
        return string.IsNullOrWhiteSpace(unit) ? number : unit == "%" ? number + unit : $"{number} {unit}";
    }

    /// <summary>The format for tick labels with <paramref name="decimals"/> digits after the point.</summary>
    public static string TickFormat(int decimals) => decimals switch
    {
        0 => "#,0",
        1 => "#,0.0",
        2 => "#,0.00",
        _ => "#,0." + new string('0', decimals),
    };
}
