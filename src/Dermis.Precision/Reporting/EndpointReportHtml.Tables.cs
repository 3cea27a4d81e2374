using System.Globalization;
using System.Text;
using Dermis.Precision.Endpoints;
using Dermis.Precision.Responders;

namespace Dermis.Precision.Reporting;

public static partial class EndpointReportHtml
{
    /// <summary>The primary-visit tables: responders under both rules, and the continuous contrasts.</summary>
    private static void Tables(StringBuilder html, EndpointResults results)
    {
        html.Append("<h2>Responder endpoints at the primary visit</h2>\n<table><tr><th>Endpoint</th><th>Rule</th>")
            .Append(CultureInfo.InvariantCulture, $"<th>{Encode(results.TreatedArm)}</th><th>{Encode(results.ControlArm)}</th>")
            .Append("<th>Difference (95 % CI)</th><th>CMH p</th><th>MH odds ratio (95 % CI)</th></tr>\n");
        foreach (var r in results.Responders.Where(r => r.Visit == results.PrimaryVisit))
        {
            html.Append("<tr><td>").Append(Encode(EndpointNames.Of(r.Endpoint))).Append("</td><td>").Append(Encode(EndpointNames.Of(r.Rule))).Append("</td>");
            foreach (var arm in new[] { results.TreatedArm, results.ControlArm })
            {
                var a = r.Arms.FirstOrDefault(x => x.Arm == arm);
                html.Append("<td>").Append(a is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{a.Responders}/{a.Evaluable} ({F(a.Rate * 100)} %)")).Append("</td>");
            }

            html.Append("<td>").Append(r.Difference is { } d ? $"{F(d.Estimate * 100)} ({F(d.Lower * 100)}, {F(d.Upper * 100)})" : "–").Append("</td>")
                .Append("<td>").Append(r.Cmh is { } c ? P(c.P) : "–").Append("</td>")
                .Append("<td>").Append(r.Cmh is { } o ? $"{F(o.CommonOddsRatio, 2)} ({F(o.OddsRatioLower, 2)}, {F(o.OddsRatioUpper, 2)})" : "–").Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Continuous endpoints at the primary visit</h2>\n<table><tr><th>Endpoint</th><th>Model</th>")
            .Append(CultureInfo.InvariantCulture, $"<th>LS mean {Encode(results.TreatedArm)}</th><th>LS mean {Encode(results.ControlArm)}</th>")
            .Append("<th>Difference (95 % CI)</th><th>df</th><th>p</th></tr>\n");
        foreach (var e in results.Continuous)
        {
            foreach (var (model, means, contrasts, problem) in new[]
            {
                ("MMRM", e.Mmrm?.LeastSquaresMeans, e.Mmrm?.Contrasts, e.MmrmProblem),
                ("ANCOVA", e.Ancova?.LeastSquaresMeans, e.Ancova?.Contrasts, e.AncovaProblem),
            })
            {
                html.Append("<tr><td>").Append(Encode(e.Endpoint)).Append("</td><td>").Append(model).Append("</td>");
                if (means is null || contrasts is null)
                {
                    html.Append("<td colspan=\"5\">not estimable: ").Append(Encode(problem ?? "no data")).Append("</td></tr>\n");
                    continue;
                }

                var visit = model == "MMRM" ? results.PrimaryVisit : null;
                foreach (var arm in new[] { results.TreatedArm, results.ControlArm })
                {
                    var m = means.FirstOrDefault(x => x.Arm == arm && (visit is null || x.Visit == visit));
                    html.Append("<td>").Append(m is null ? "–" : $"{F(m.Estimate, 2)} ± {F(m.StandardError, 2)}").Append("</td>");
                }

                var c = contrasts.FirstOrDefault(x => x.Arm == results.TreatedArm && (visit is null || x.Visit == visit));
                html.Append("<td>").Append(c is null ? "–" : $"{F(c.Estimate, 2)} ({F(c.Lower, 2)}, {F(c.Upper, 2)})").Append("</td>")
                    .Append("<td>").Append(c is null ? "–" : F(c.DegreesOfFreedom, 1)).Append("</td>")
                    .Append("<td>").Append(c is null ? "–" : P(c.P)).Append("</td></tr>\n");
            }
        }

        html.Append("</table>\n");
        foreach (var e in results.Continuous.Where(e => e.CovarianceNote is not null))
        {
            html.Append("<p class=\"note\">").Append(Encode(e.Endpoint)).Append(": ").Append(Encode(e.CovarianceNote!)).Append(".</p>\n");
        }

    }
}
