using System.Text.Json;
using Dermis.Server.Web.Charts;
using Dermis.Storage.Trials;
using Dermis.Trials.Protocol;

namespace Dermis.Server.Web.Dashboard;

/// <summary>
/// A participant's course on one date axis: one track per clinical measure with its own scale, the
/// visits drawn across all tracks. Later sources (nightly scratch and sleep, sweat cytokines,
/// immune composition) add tracks to the same chart.
/// </summary>
public static class ParticipantTimeline
{
    /// <summary>The measures drawn, in order: instrument, derived value, track title, unit, fixed scale.</summary>
    private static readonly (string Instrument, string Path, string Title, string? Unit, double Max, SeriesStyle Style)[] Measures =
    [
        ("easi", "total", "EASI", "points", 72, SeriesStyle.LineWithMarkers),
        ("hecsi", "total", "HECSI", "points", 360, SeriesStyle.LineWithMarkers),
        ("pasi", "total", "PASI", "points", 72, SeriesStyle.LineWithMarkers),
        ("viga", "grade", "vIGA-AD", "grade", 4, SeriesStyle.Step),
        ("ppnrs", "currentMean", "Peak itch NRS (weekly mean)", "0–10", 10, SeriesStyle.LineWithMarkers),
        ("poem", "total", "POEM", "points", 28, SeriesStyle.LineWithMarkers),
        ("dlqi", "total", "DLQI", "points", 30, SeriesStyle.LineWithMarkers),
    ];

    /// <summary>The timeline's SVG, or null when no visit is recorded yet.</summary>
    /// <param name="protocol">The protocol (visit names, form instruments, diaries).</param>
    /// <param name="visits">Recorded visits.</param>
    /// <param name="forms">eCRF data.</param>
    /// <param name="diary">Entries from the participant app: the daily itch ratings become their own track.</param>
    /// <param name="nights">Nightly wristband measures (night, scratch seconds per hour, sleep efficiency 0–1): two more tracks.</param>
    public static string? Render(ProtocolDefinition protocol, IReadOnlyList<VisitRow> visits, IReadOnlyList<FormRow> forms, IReadOnlyList<DiaryEntryRow>? diary = null,
        IReadOnlyList<(DateOnly Night, double ScratchSecondsPerHour, double SleepEfficiency)>? nights = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(forms);
        var itchDiaries = protocol.Diaries.Where(d => d.Instrument == "ppnrs").Select(d => d.Id).ToHashSet();
        var itch = (diary ?? []).Where(e => itchDiaries.Contains(e.DiaryId))
            .Select(e => (Date: UtcText.ParseDate(e.DiaryDate), Score: ItchOf(e.Data)))
            .Where(e => e.Score is not null).OrderBy(e => e.Date).ToList();
        nights ??= [];
        if (visits.Count == 0 && itch.Count == 0 && nights.Count == 0)
        {
            return null;
        }

        var dates = visits.ToDictionary(v => v.Id, v => UtcText.ParseDate(v.VisitDate));
        var allDates = dates.Values.Concat(itch.Select(e => e.Date)).Concat(nights.Select(n => n.Night)).ToList();
        var chart = new TimeSeriesChart
        {
            Title = "Clinical course",
            Description = "Scores at each visit and daily itch from home on a shared date axis; vertical lines mark the visits.",
            ShowTitle = false,
            From = allDates.Min().AddDays(-3),
            To = allDates.Max().AddDays(3),
        };
        foreach (var visit in visits.OrderBy(v => v.VisitDate, StringComparer.Ordinal))
        {
            chart.AddEvent(dates[visit.Id], protocol.FindVisit(visit.VisitId)?.Name ?? visit.VisitId);
        }

        var instruments = protocol.Forms.Where(f => f.Instrument is not null).ToDictionary(f => f.Id, f => f.Instrument!);
        foreach (var (instrument, path, title, unit, max, style) in Measures)
        {
            var series = new ChartSeries(title) { Style = style };
            foreach (var form in forms.Where(f => f.Derived is not null && instruments.GetValueOrDefault(f.FormId) == instrument).OrderBy(f => dates.GetValueOrDefault(f.VisitRowId)))
            {
                using var derived = JsonDocument.Parse(form.Derived!);
                if (derived.RootElement.TryGetProperty(path, out var value) && value.ValueKind == JsonValueKind.Number && dates.TryGetValue(form.VisitRowId, out var date))
                {
                    series.Add(date, value.GetDecimal());
                }
            }

            if (series.Points.Count > 0)
            {
                var track = new ChartTrack(title, unit) { YMin = 0, YMax = max, PlotHeight = 110 };
                track.AddSeries(series);
                if (instrument == "easi")
                {
                    // The usual moderate-to-severe inclusion threshold of AD trials.
                    track.AddReferenceLine(16, "EASI 16");
                }

                chart.AddTrack(track);
            }
        }

        if (itch.Count > 0)
        {
            var series = new ChartSeries("Daily itch (home diary)") { Style = SeriesStyle.LineWithMarkers };
            foreach (var (date, score) in itch)
            {
                series.Add(date, score!.Value);
            }

            var track = new ChartTrack("Daily itch, home diary", "0–10") { YMin = 0, YMax = 10, PlotHeight = 110 };
            track.AddSeries(series);
            chart.AddTrack(track);
        }

        if (nights.Count > 0)
        {
            var ordered = nights.OrderBy(n => n.Night).ToList();
            var scratch = new ChartSeries("Nocturnal scratch (wristband)") { Style = SeriesStyle.LineWithMarkers };
            var efficiency = new ChartSeries("Sleep efficiency (wristband)") { Style = SeriesStyle.LineWithMarkers };
            foreach (var (night, perHour, sleepEfficiency) in ordered)
            {
                scratch.Add(night, (decimal)Math.Round(perHour, 1));
                efficiency.Add(night, (decimal)Math.Round(sleepEfficiency * 100, 1));
            }

            var scratchTrack = new ChartTrack("Nocturnal scratch", "s per hour") { YMin = 0, YMax = Math.Max(60, Math.Ceiling(ordered.Max(n => n.ScratchSecondsPerHour) / 60) * 60), PlotHeight = 110 };
            scratchTrack.AddSeries(scratch);
            chart.AddTrack(scratchTrack);
            var sleepTrack = new ChartTrack("Sleep efficiency", "%") { YMin = 0, YMax = 100, PlotHeight = 110 };
            sleepTrack.AddSeries(efficiency);
            chart.AddTrack(sleepTrack);
        }

        return chart.Tracks.Count == 0 ? null : chart.ToSvg();
    }

    private static decimal? ItchOf(string data)
    {
        using var json = JsonDocument.Parse(data);
        return json.RootElement.TryGetProperty("worstItch", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
    }
}
