using Dermis.Sensing.Sweat;
using Dermis.Server.Sensing;
using Dermis.Server.Web.Charts;

namespace Dermis.Server.Web.Dashboard;

/// <summary>
/// A participant's sweat cytokines over time for the casebook: one track per cytokine with a series per
/// skin location (daily geometric mean of quantifiable readings; lesional locations marked "(L)"), and
/// the inflammation index with its alert threshold below.
/// </summary>
internal static class SweatTimeline
{
    /// <summary>The chart's SVG, or null when the report has no quantified day.</summary>
    public static string? Render(string participant, SweatReport report, double alertThreshold)
    {
        var daily = report.Summaries.Where(s => s.Period == SummaryPeriod.Day && s.GeometricMean is not null).ToList();
        if (daily.Count == 0)
        {
            return null;
        }

        var chart = new TimeSeriesChart { Title = $"{participant}: sweat cytokines per skin location", ShowTitle = false, Id = "sweat-timeline" };
        foreach (var cytokine in daily.Select(s => s.Cytokine).Distinct().Order(StringComparer.Ordinal))
        {
            var track = new ChartTrack(cytokine, "pg/mL") { IncludeZero = true };
            foreach (var location in daily.Where(s => s.Cytokine == cytokine).GroupBy(s => (s.Location, s.Lesional)).OrderBy(g => g.Key.Location, StringComparer.Ordinal))
            {
                var series = new ChartSeries(location.Key.Lesional ? $"{location.Key.Location} (L)" : location.Key.Location);
                foreach (var day in location)
                {
                    series.Add(DateOnly.FromDateTime(day.PeriodStartUtc.UtcDateTime), day.GeometricMean!.Value);
                }

                track.AddSeries(series);
            }

            chart.AddTrack(track);
        }

        var index = new ChartSeries("inflammation index");
        foreach (var day in report.Index.Days.Where(d => d.Index is not null))
        {
            index.Add(day.Day, day.Index!.Value);
        }

        if (index.Points.Count > 0)
        {
            chart.AddTrack(new ChartTrack("Inflammation index", "z").AddSeries(index).AddReferenceLine(alertThreshold, $"alert at {alertThreshold:0.#}"));
        }

        return chart.ToSvg();
    }
}
