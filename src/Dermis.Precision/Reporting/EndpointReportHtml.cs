using System.Globalization;
using System.Net;
using System.Text;
using Dermis.Precision.Endpoints;
using Dermis.Precision.Responders;

namespace Dermis.Precision.Reporting;

/// <summary>
/// A self-contained HTML report of the endpoint analyses (inline SVG, no script, no external asset):
/// a forest plot of the treatment effects at the primary visit (responder risk differences with
/// their stratified Miettinen–Nurminen intervals; continuous LS-mean differences), responder rates
/// over time by arm, LS means over time by arm with their intervals, and the tables behind them.
/// </summary>
public static partial class EndpointReportHtml
{
    private const string TreatedColour = "#D55E00";
    private const string ControlColour = "#0072B2";

    /// <summary>Writes the report of <paramref name="results"/> to <paramref name="writer"/>.</summary>
    public static void Write(EndpointResults results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(results.Study)).Append(" – endpoint analyses</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:72em}h1,h2,h3{font-weight:600}")
            .Append("table{border-collapse:collapse;margin:0 0 1.5em 0}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}")
            .Append("td:first-child,th:first-child{text-align:left}svg{font-size:11px;margin:0.5em 1em 0.5em 0}figure{display:inline-block;margin:0}.note{color:#555}")
            .Append("</style></head><body>\n");
        html.Append("<h1>").Append(Encode(results.Study)).Append(" – endpoint analyses</h1>\n");
        var primary = results.Visits.First(v => v.Id == results.PrimaryVisit);
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(results.TreatedArm)} (n = {results.Participants.GetValueOrDefault(results.TreatedArm)}) against ")
            .Append(CultureInfo.InvariantCulture, $"{Encode(results.ControlArm)} (n = {results.Participants.GetValueOrDefault(results.ControlArm)}); primary visit {Encode(primary.Name)} (day {primary.Day}). ")
            .Append("Responders: non-responder imputation (missing, after rescue or after discontinuation = non-responder), CMH test stratified by the randomisation strata, ")
            .Append("stratified Miettinen–Nurminen risk difference (CMH weights). Continuous: MMRM with unstructured covariance (AR(1), then compound symmetry, where it does not converge) and ANCOVA at the primary visit.</p>\n");

        html.Append("<h2>Treatment effects at the primary visit</h2>\n");
        ForestResponders(html, results);
        ForestContinuous(html, results);

        html.Append("<h2>Responders over time</h2>\n<p class=\"note\">Share of responders by arm at each visit (NRI); bars are 95 % Wilson intervals of each arm's rate.</p>\n");
        foreach (var endpoint in results.Responders.Select(r => r.Endpoint).Distinct())
        {
            RateCurve(html, results, endpoint);
        }

        html.Append("<h2>Continuous endpoints over time</h2>\n<p class=\"note\">MMRM least-squares means by arm and visit with their confidence intervals.</p>\n");
        foreach (var endpoint in results.Continuous)
        {
            MeanCurve(html, results, endpoint);
        }

        Tables(html, results);
        html.Append("</body></html>\n");
        writer.Write(html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string P(double p) => p < 0.0001 ? "&lt;0.0001" : p.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>The primary rule's analysis of <paramref name="endpoint"/> at <paramref name="visit"/>, or null.</summary>
    private static ResponderAnalysis? Find(EndpointResults results, ResponderEndpoint endpoint, string visit) =>
        results.Responders.FirstOrDefault(r => r.Endpoint == endpoint && r.Visit == visit && r.Rule == IntercurrentEventRule.NonResponderImputation);
}
