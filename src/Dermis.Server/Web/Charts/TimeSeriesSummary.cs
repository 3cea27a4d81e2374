using System.Globalization;
using System.Text;

namespace Dermis.Server.Web.Charts;

/// <summary>Facts about a <see cref="TimeSeriesChart"/> as a whole: its default description, content hash and output size.</summary>
internal static class TimeSeriesSummary
{
    /// <summary>The default accessible description: tracks with units, series, date span, events.</summary>
    public static string Describe(TimeSeriesChart chart, TimeAxis time)
    {
        var text = new StringBuilder();
        var tracks = chart.Tracks;
        text.Append(tracks.Count <= 1 ? "Time-series chart" : $"Time-series chart with {tracks.Count.ToString(CultureInfo.InvariantCulture)} tracks");
        if (time.HasDates)
        {
            text.Append(CultureInfo.InvariantCulture, $" from {time.From:d MMM yyyy} to {time.To:d MMM yyyy}");
        }

        text.Append('.');
        foreach (var track in tracks)
        {
            text.Append(' ').Append(ChartText.WithUnit(track.Title, track.Unit)).Append(": ");
            text.Append(track.Series.Count == 0 ? "no series" : string.Join(", ", track.Series.Select(s => s.Name)));
            text.Append('.');
        }

        if (chart.Events.Count > 0)
        {
            text.Append(" Events: ")
                .AppendJoin(", ", chart.Events.OrderBy(e => e.Date).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Label} ({e.Date:d MMM yyyy})")))
                .Append('.');
        }

        if (!chart.Tracks.Any(t => t.Series.Any(s => s.Points.Any(p => double.IsFinite(p.Value)))))
        {
            text.Append(' ').Append(ChartText.NoData).Append('.');
        }

        return text.ToString();
    }

    /// <summary>A hash of everything drawn, for the default element id.</summary>
    public static uint Hash(TimeSeriesChart chart, string description)
    {
        var hash = new StableHash();
        hash.Add(chart.Title);
        hash.Add(description);
        foreach (var track in chart.Tracks)
        {
            foreach (var series in track.Series)
            {
                foreach (var p in series.Span)
                {
                    hash.Add(p.Date.DayNumber);
                    hash.Add(p.Value);
                }
            }
        }

        return hash.Value;
    }

    /// <summary>
    /// Roughly the output length, so the builder starts near its final size: about 16 characters a
    /// line vertex, 90 a marker and 80 more for its tooltip, plus 3 KB of frame and 1 KB a track.
    /// </summary>
    public static int EstimateCapacity(TimeSeriesChart chart)
    {
        long chars = 3072 + 1024L * chart.Tracks.Count;
        foreach (var track in chart.Tracks)
        {
            foreach (var series in track.Series)
            {
                long n = series.Points.Count;
                var markers = series.Style == SeriesStyle.Markers || (series.Style == SeriesStyle.LineWithMarkers && n <= 150);
                chars += (series.Style == SeriesStyle.Markers ? 0 : 16 * n) + (markers ? 90 * n : 0) + (markers && n <= SeriesPainter.MaxTooltips ? 80 * n : 0);
            }
        }

        return (int)Math.Min(4_000_000, chars);
    }
}
