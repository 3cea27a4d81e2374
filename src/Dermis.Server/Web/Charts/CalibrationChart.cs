using System.Globalization;
using Dermis.Sensing.Sweat;

namespace Dermis.Server.Web.Charts;

/// <summary>
/// A calibration's fitted curve over its standards (docs/sweat.md, "Calibration report"): concentration on
/// a log axis (as immunoassay standards are serial dilutions), response linear; blanks drawn at the left
/// edge; the limits of detection and quantification and the top standard as dashed lines, so a reader sees
/// at once where a concentration can be reported.
/// </summary>
internal static class CalibrationChart
{
    private const double Width = 720;
    private const double Height = 420;
    private const double Left = 72;
    private const double Right = 20;
    private const double Top = 44;
    private const double Bottom = 52;
    private const double BlankGutter = 56;

    /// <summary>The chart's SVG.</summary>
    public static string Render(string title, CalibrationCurve curve, string unit)
    {
        var positive = curve.Standards.Where(s => s.Concentration > 0).Select(s => s.Concentration).ToList();
        var lowDecade = Math.Floor(Math.Log10(positive.Count > 0 ? positive.Min() : 1));
        var highDecade = Math.Ceiling(Math.Log10(positive.Count > 0 ? positive.Max() : 10));
        if (highDecade <= lowDecade)
        {
            highDecade = lowDecade + 1;
        }

        var responses = curve.Standards.Select(s => s.Response).Concat(curve.Standards.Select(s => s.Fitted)).Where(double.IsFinite).ToList();
        var y = NiceScale.For(responses.Min(), responses.Max());
        var plotLeft = Left + BlankGutter;
        double X(double c) => plotLeft + ((Math.Log10(c) - lowDecade) / (highDecade - lowDecade) * (Width - plotLeft - Right));
        double Y(double r) => Height - Bottom - ((r - y.Min) / (y.Max - y.Min) * (Height - Top - Bottom));

        var description = string.Create(CultureInfo.InvariantCulture,
            $"{curve.Model} fit of {curve.Standards.Count} standards, R² {curve.RSquared:0.#####}; LOD {Limit(curve.Limits.Lod, unit)}, LOQ {Limit(curve.Limits.Loq, unit)}, range {curve.LowestStandard:G4}–{curve.HighestStandard:G4} {unit}.");
        var b = new SvgBuilder(16_384);
        SvgFrame.Open(b, SvgFrame.IdFor("calibration-chart", 0), Width, Height, title, description, showTitle: true);

        // Value grid and labels.
        for (var tick = 0; tick < y.TickCount; tick++)
        {
            var v = y.TickAt(tick);
            b.Line(plotLeft, Y(v), Width - Right, Y(v), "stroke=\"#eee\"");
            b.TextElement(Left - 6, Y(v) + 4, v.ToString("G4", CultureInfo.InvariantCulture), $"text-anchor=\"end\" fill=\"{ChartText.Ink}\"");
        }

        for (var d = lowDecade; d <= highDecade; d++)
        {
            var c = Math.Pow(10, d);
            b.Line(X(c), Top, X(c), Height - Bottom, "stroke=\"#eee\"");
            b.TextElement(X(c), Height - Bottom + 16, c.ToString("G4", CultureInfo.InvariantCulture), $"text-anchor=\"middle\" fill=\"{ChartText.Ink}\"");
        }

        b.TextElement(Left + BlankGutter / 2, Height - Bottom + 16, "blank", $"text-anchor=\"middle\" fill=\"{ChartText.Ink}\"");
        b.TextElement((plotLeft + Width - Right) / 2, Height - 12, $"Concentration ({unit}, log scale)", $"text-anchor=\"middle\" fill=\"{ChartText.Ink}\"");
        b.TextElement(14, Top - 10, "Response", $"fill=\"{ChartText.Ink}\"");

        // Limits: where a reading becomes reportable, and where it stops.
        DashedLimit(b, curve.Limits.Lod, "LOD", "#d62728");
        DashedLimit(b, curve.Limits.Loq, "LOQ", "#ff7f0e");
        DashedLimit(b, curve.HighestStandard, "top standard", "#555");

        // The fitted curve, 200 points evenly spaced on the log axis.
        b.Raw("<polyline class=\"fit\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" points=\"");
        for (var i = 0; i <= 200; i++)
        {
            var c = Math.Pow(10, lowDecade + ((highDecade - lowDecade) * i / 200.0));
            var r = curve.Response(c);
            if (double.IsFinite(r) && r >= y.Min && r <= y.Max)
            {
                b.Num(X(c)).Raw(',').Num(Y(r)).Raw(' ');
            }
        }

        b.Raw("\"/>\n");

        // Standards (blanks in the gutter), hollow when left out of the fit.
        foreach (var s in curve.Standards)
        {
            var cx = s.Concentration > 0 ? X(s.Concentration) : Left + (BlankGutter / 2);
            b.Raw("<circle class=\"standard\"").Attr("cx", cx).Attr("cy", Y(s.Response)).Attr("r", 4)
                .Raw(s.InFit ? " fill=\"#1f4e79\"" : " fill=\"#fff\" stroke=\"#1f4e79\"").Raw("><title>")
                .Text(string.Create(CultureInfo.InvariantCulture, $"{s.Concentration:G6} {unit}: response {s.Response:G5}, fitted {s.Fitted:G5}{(s.RecoveryPercent is { } rec ? $", recovery {rec:0.0} %" : "")}"))
                .Raw("</title></circle>\n");
        }

        SvgFrame.Close(b);
        return b.ToString();

        void DashedLimit(SvgBuilder svg, double? concentration, string label, string colour)
        {
            if (concentration is not { } c || !(c > 0) || Math.Log10(c) < lowDecade || Math.Log10(c) > highDecade)
            {
                return;
            }

            svg.Line(X(c), Top, X(c), Height - Bottom, $"stroke=\"{colour}\" stroke-dasharray=\"5 4\"");
            // Near the right edge the label goes left of its line, so it is not cut off.
            var nearEdge = X(c) > Width - Right - 100;
            svg.TextElement(nearEdge ? X(c) - 3 : X(c) + 3, Top + 10, label, nearEdge ? $"fill=\"{colour}\" text-anchor=\"end\"" : $"fill=\"{colour}\"");
        }
    }

    private static string Limit(double? value, string unit) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:G4} {unit}") : "not determined (no blanks)";
}
