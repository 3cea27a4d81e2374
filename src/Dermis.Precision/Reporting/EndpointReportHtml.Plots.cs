using System.Globalization;
using System.Text;
using Dermis.Precision.Endpoints;
using Dermis.Precision.Responders;

namespace Dermis.Precision.Reporting;

public static partial class EndpointReportHtml
{
    /// <summary>Risk differences (percentage points) with their intervals, one row per responder endpoint.</summary>
    private static void ForestResponders(StringBuilder html, EndpointResults results)
    {
        var rows = results.Responders
            .Where(r => r.Visit == results.PrimaryVisit && r.Rule == IntercurrentEventRule.NonResponderImputation && r.Difference is not null)
            .Select(r => (Label: EndpointNames.Of(r.Endpoint), r.Difference!.Estimate * 100, r.Difference.Lower * 100, r.Difference.Upper * 100, r.Difference.P))
            .ToList();
        if (rows.Count == 0)
        {
            html.Append("<p>No responder endpoint could be compared at the primary visit.</p>\n");
            return;
        }

        Forest(html, "Responder risk difference (percentage points), stratified MN 95 % CI", rows, "favours " + results.TreatedArm + " →");
    }

    /// <summary>LS-mean differences of the continuous endpoints at the primary visit (MMRM), one row per endpoint.</summary>
    private static void ForestContinuous(StringBuilder html, EndpointResults results)
    {
        foreach (var endpoint in results.Continuous)
        {
            var contrast = endpoint.Mmrm?.Contrasts.FirstOrDefault(c => c.Visit == results.PrimaryVisit && c.Arm == results.TreatedArm);
            var ancova = endpoint.Ancova?.Contrasts.FirstOrDefault(c => c.Arm == results.TreatedArm);
            var rows = new List<(string, double, double, double, double)>();
            if (contrast is not null)
            {
                rows.Add(("MMRM", contrast.Estimate, contrast.Lower, contrast.Upper, contrast.P));
            }

            if (ancova is not null)
            {
                rows.Add(("ANCOVA", ancova.Estimate, ancova.Lower, ancova.Upper, ancova.P));
            }

            if (rows.Count > 0)
            {
                Forest(html, $"{endpoint.Endpoint}: LS-mean difference ({endpoint.Unit}), {results.TreatedArm} − {results.ControlArm}", rows, "← favours " + results.TreatedArm);
            }
            else
            {
                html.Append("<p>").Append(Encode(endpoint.Endpoint)).Append(": not estimable (").Append(Encode(endpoint.MmrmProblem ?? endpoint.AncovaProblem ?? "no data")).Append(").</p>\n");
            }
        }
    }

    private static void Forest(StringBuilder html, string title, IReadOnlyList<(string Label, double Estimate, double Lower, double Upper, double P)> rows, string direction)
    {
        const int Width = 620, Left = 120, Right = 170, RowHeight = 24, Top = 28;
        var height = Top + rows.Count * RowHeight + 34;
        var finite = rows.SelectMany(r => new[] { r.Lower, r.Upper, r.Estimate }).Where(double.IsFinite).Append(0).ToList();
        var (min, max) = Nice(finite.Min(), finite.Max());
        double X(double v) => Left + (v - min) / (max - min) * (Width - Left - Right);
        html.Append(CultureInfo.InvariantCulture, $"<figure><svg width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"forest plot\">")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"14\" font-weight=\"600\">{Encode(title)}</text>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(0))}\" x2=\"{F(X(0))}\" y1=\"{Top - 6}\" y2=\"{height - 30}\" stroke=\"#888\" stroke-dasharray=\"3,3\"/>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, estimate, lower, upper, p) = rows[i];
            var y = Top + i * RowHeight + RowHeight / 2;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 4}\">{Encode(label)}</text>");
            if (double.IsFinite(lower) && double.IsFinite(upper))
            {
                html.Append(CultureInfo.InvariantCulture, $"<line class=\"ci\" x1=\"{F(X(lower))}\" x2=\"{F(X(upper))}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#222\" stroke-width=\"1.5\"/>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"estimate\" x=\"{F(X(estimate) - 4)}\" y=\"{y - 4}\" width=\"8\" height=\"8\" fill=\"{TreatedColour}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 8}\" y=\"{y + 4}\">{F(estimate)} ({F(lower)}, {F(upper)}) p {P(p)}</text>");
        }

        var axis = height - 30;
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{axis}\" y2=\"{axis}\" stroke=\"#222\"/>");
        foreach (var tick in Ticks(min, max))
        {
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(tick))}\" x2=\"{F(X(tick))}\" y1=\"{axis}\" y2=\"{axis + 4}\" stroke=\"#222\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(tick))}\" y=\"{axis + 15}\" text-anchor=\"middle\">{F(tick, 0)}</text>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{axis + 28}\" fill=\"#555\">{Encode(direction)}</text></svg></figure>\n");
    }

    /// <summary>Responder rate by arm over the visits (NRI) with Wilson intervals.</summary>
    private static void RateCurve(StringBuilder html, EndpointResults results, ResponderEndpoint endpoint)
    {
        var series = new List<(string Arm, string Colour, List<(double Day, double Value, double Lower, double Upper)> Points)>();
        foreach (var (arm, colour) in new[] { (results.TreatedArm, TreatedColour), (results.ControlArm, ControlColour) })
        {
            var points = new List<(double, double, double, double)>();
            foreach (var visit in results.Visits)
            {
                if (Find(results, endpoint, visit.Id)?.Arms.FirstOrDefault(a => a.Arm == arm) is { Evaluable: > 0 } rate)
                {
                    var (lower, upper) = Wilson(rate.Responders, rate.Evaluable);
                    points.Add((visit.Day, rate.Rate * 100, lower * 100, upper * 100));
                }
            }

            series.Add((arm, colour, points));
        }

        Curve(html, EndpointNames.Of(endpoint) + " responders (%)", results, series, 0, 100);
    }

    /// <summary>MMRM LS means by arm over the visits.</summary>
    private static void MeanCurve(StringBuilder html, EndpointResults results, ContinuousEndpointResult endpoint)
    {
        if (endpoint.Mmrm is not { } mmrm)
        {
            return;
        }

        var series = new[] { (results.TreatedArm, TreatedColour), (results.ControlArm, ControlColour) }
            .Select(a => (a.Item1, a.Item2, mmrm.LeastSquaresMeans.Where(m => m.Arm == a.Item1)
                .Select(m => ((double)(results.Visits.FirstOrDefault(v => v.Id == m.Visit)?.Day ?? 0), m.Estimate, m.Lower, m.Upper)).ToList()))
            .ToList();
        var values = series.SelectMany(s => s.Item3).SelectMany(p => new[] { p.Item3, p.Item4 }).Where(double.IsFinite).Append(0).ToList();
        var (min, max) = Nice(values.Min(), values.Max());
        Curve(html, $"{endpoint.Endpoint} ({endpoint.Unit}), LS mean", results, series, min, max);
    }

    private static void Curve(StringBuilder html, string title, EndpointResults results,
        IReadOnlyList<(string Arm, string Colour, List<(double Day, double Value, double Lower, double Upper)> Points)> series, double min, double max)
    {
        const int Width = 420, Height = 240, Left = 44, Right = 12, Top = 26, Bottom = 34;
        var lastDay = Math.Max(1, results.Visits.Max(v => v.Day));
        double X(double day) => Left + day / lastDay * (Width - Left - Right);
        double Y(double v) => Top + (max - v) / (max - min) * (Height - Top - Bottom);
        html.Append(CultureInfo.InvariantCulture, $"<figure><svg width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Encode(title)}\">")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"14\" font-weight=\"600\">{Encode(title)}</text>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#222\"/>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" stroke=\"#222\"/>");
        foreach (var tick in Ticks(min, max))
        {
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{F(Y(tick) + 4)}\" text-anchor=\"end\">{F(tick, 0)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(tick))}\" y2=\"{F(Y(tick))}\" stroke=\"#eee\"/>");
        }

        foreach (var visit in results.Visits)
        {
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(visit.Day))}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\">{(visit.Day - 1) / 7}</text>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Width + Left) / 2}\" y=\"{Height - 4}\" text-anchor=\"middle\" fill=\"#555\">week</text>");
        var legend = 0;
        foreach (var (arm, colour, points) in series)
        {
            if (points.Count == 0)
            {
                continue;
            }

            html.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"")
                .AppendJoin(' ', points.Select(p => $"{F(X(p.Day))},{F(Y(p.Value))}")).Append("\"/>");
            foreach (var p in points.Where(p => double.IsFinite(p.Lower) && double.IsFinite(p.Upper)))
            {
                html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(p.Day))}\" x2=\"{F(X(p.Day))}\" y1=\"{F(Y(p.Lower))}\" y2=\"{F(Y(p.Upper))}\" stroke=\"{colour}\" opacity=\"0.6\"/>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right - 150}\" y=\"{14 + legend * 13}\" fill=\"{colour}\">■ {Encode(arm)}</text>");
            legend++;
        }

        html.Append("</svg></figure>\n");
    }

    /// <summary>The Wilson score interval of <paramref name="successes"/>/<paramref name="n"/> at 95 %.</summary>
    internal static (double Lower, double Upper) Wilson(int successes, int n)
    {
        const double Z = 1.959963984540054;
        var p = (double)successes / n;
        var centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n);
        var half = Z / (1 + Z * Z / n) * Math.Sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>An axis range padded to a round step.</summary>
    private static (double Min, double Max) Nice(double min, double max)
    {
        if (max - min < 1e-9)
        {
            (min, max) = (min - 1, max + 1);
        }

        var step = Step(min, max);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step);
    }

    private static double Step(double min, double max)
    {
        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static IEnumerable<double> Ticks(double min, double max)
    {
        var step = Step(min, max);
        for (var t = Math.Ceiling(min / step) * step; t <= max + step * 1e-9; t += step)
        {
            yield return Math.Abs(t) < step * 1e-9 ? 0 : t;
        }
    }
}
