using System.Globalization;

namespace Dermis.Server.Web.Charts;

/// <summary>A run of equal minutes in the sleep band.</summary>
/// <param name="StartSeconds">Start, s from the recording start.</param>
/// <param name="EndSeconds">End, s.</param>
/// <param name="Asleep">Sleep or wake.</param>
internal readonly record struct SleepRun(double StartSeconds, double EndSeconds, bool Asleep);

/// <summary>
/// One night drawn over local clock time (docs/sensing.md, "Night view"): the movement trace on a
/// log scale (stillness is 1–3 mg, scratching and turning over 30–1,000 mg, so a linear axis would
/// flatten everything but the largest movements), the sleep-opportunity window shaded behind it,
/// each scratch event as a red band across the trace with its time and length as a tooltip, and a
/// sleep/wake band below. A self-contained SVG without script.
/// </summary>
internal static class NightChart
{
    private const double Width = 960;
    private const double Left = 64;
    private const double Right = 16;
    private const double TraceTop = 54;
    private const double TraceHeight = 180;
    private const double BandTop = TraceTop + TraceHeight + 14;
    private const double BandHeight = 18;
    private const double AxisTop = BandTop + BandHeight;
    private const double Height = AxisTop + 34;
    private const double MinMg = 1;
    private const double MaxMg = 1000;
    private const string ScratchColour = "#d62728";

    /// <summary>The chart's SVG.</summary>
    /// <param name="title">Accessible name and visible title.</param>
    /// <param name="recordingStart">Time of offset 0.</param>
    /// <param name="zone">The participant's time zone, for clock labels.</param>
    /// <param name="stepSeconds">Step of <paramref name="movementMg"/>.</param>
    /// <param name="movementMg">Movement per step, mg.</param>
    /// <param name="sleepPerMinute">S or W per minute.</param>
    /// <param name="window">Sleep-opportunity window [start, end), s.</param>
    /// <param name="events">Scratch events [start, end), s.</param>
    public static string Render(string title, DateTimeOffset recordingStart, TimeZoneInfo zone, double stepSeconds, IReadOnlyList<float> movementMg,
        string sleepPerMinute, (double Start, double End) window, IReadOnlyList<(double Start, double End)> events)
    {
        var seconds = Math.Max(Math.Max(movementMg.Count * stepSeconds, sleepPerMinute.Length * 60.0), 60);
        double X(double s) => Left + (Math.Clamp(s, 0, seconds) / seconds * (Width - Left - Right));
        static double Y(double mg) => TraceTop + TraceHeight - ((Math.Log10(Math.Clamp(mg, MinMg, MaxMg)) - Math.Log10(MinMg)) / (Math.Log10(MaxMg) - Math.Log10(MinMg)) * TraceHeight);

        var scratchSeconds = events.Sum(e => e.End - e.Start);
        var asleep = sleepPerMinute.Count(c => c == 'S');
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{Clock(recordingStart, zone)} to {Clock(recordingStart.AddSeconds(seconds), zone)}: sleep window {Clock(recordingStart.AddSeconds(window.Start), zone)}–{Clock(recordingStart.AddSeconds(window.End), zone)}, {asleep} min asleep, {events.Count} scratch events totalling {scratchSeconds:0} s.");
        var b = new SvgBuilder(32_768);
        SvgFrame.Open(b, SvgFrame.IdFor("night-chart", 0), Width, Height, title, description, showTitle: true);

        // Sleep-opportunity window behind everything.
        b.Raw("<rect class=\"window\"").Attr("x", X(window.Start)).Attr("y", TraceTop).Attr("width", Math.Max(0, X(window.End) - X(window.Start))).Attr("height", TraceHeight)
            .Raw(" fill=\"#e8f0fb\"><title>").Text($"Sleep opportunity {Clock(recordingStart.AddSeconds(window.Start), zone)}–{Clock(recordingStart.AddSeconds(window.End), zone)}").Raw("</title></rect>\n");

        // Log-scale grid and labels: 1, 10, 100, 1000 mg.
        for (var mg = MinMg; mg <= MaxMg; mg *= 10)
        {
            b.Line(Left, Y(mg), Width - Right, Y(mg), "stroke=\"#ddd\" stroke-width=\"1\"");
            b.TextElement(Left - 6, Y(mg) + 4, string.Create(CultureInfo.InvariantCulture, $"{mg:0} mg"), $"text-anchor=\"end\" fill=\"{ChartText.Ink}\"");
        }

        // Scratch events under the trace line, at least 1.5 px wide so a 3-s event stays visible.
        foreach (var (start, end) in events)
        {
            var x = X(start);
            b.Raw("<rect class=\"scratch\"").Attr("x", x).Attr("y", TraceTop).Attr("width", Math.Max(1.5, X(end) - x)).Attr("height", TraceHeight)
                .Raw($" fill=\"{ScratchColour}\" fill-opacity=\"0.35\"><title>")
                .Text(string.Create(CultureInfo.InvariantCulture, $"Scratch at {Clock(recordingStart.AddSeconds(start), zone, seconds: true)}, {end - start:0.#} s")).Raw("</title></rect>\n");
        }

        // The trace: the largest value per horizontal pixel, so short movements are not averaged away.
        var pixels = (int)(Width - Left - Right);
        b.Raw("<polyline class=\"movement\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"1\" points=\"");
        var perPixel = Math.Max(1, movementMg.Count / (double)pixels);
        for (var p = 0; p * perPixel < movementMg.Count; p++)
        {
            var from = (int)(p * perPixel);
            var to = Math.Min(movementMg.Count, Math.Max(from + 1, (int)((p + 1) * perPixel)));
            var peak = 0f;
            for (var i = from; i < to; i++)
            {
                peak = Math.Max(peak, movementMg[i]);
            }

            b.Num(X(from * stepSeconds)).Raw(',').Num(Y(peak)).Raw(' ');
        }

        b.Raw("\"/>\n");
        b.TextElement(Left, TraceTop - 6, "Movement (SD of acceleration magnitude per 10 s, log scale)", $"fill=\"{ChartText.Ink}\"");

        // Sleep/wake band.
        b.TextElement(Left - 6, BandTop + 13, "Sleep", $"text-anchor=\"end\" fill=\"{ChartText.Ink}\"");
        foreach (var run in Runs(sleepPerMinute))
        {
            b.Raw("<rect").Raw(run.Asleep ? " class=\"asleep\" fill=\"#1f4e79\"" : " class=\"awake\" fill=\"#f2b233\"")
                .Attr("x", X(run.StartSeconds)).Attr("y", BandTop).Attr("width", Math.Max(0.5, X(run.EndSeconds) - X(run.StartSeconds))).Attr("height", BandHeight)
                .Raw("><title>").Text($"{(run.Asleep ? "Asleep" : "Awake")} {Clock(recordingStart.AddSeconds(run.StartSeconds), zone)}–{Clock(recordingStart.AddSeconds(run.EndSeconds), zone)}").Raw("</title></rect>\n");
        }

        // Clock ticks on whole local quarter hours, hours or two hours, by the recording's length.
        var everyMinutes = seconds <= 3 * 3600 ? 15 : seconds <= 10 * 3600 ? 60 : 120;
        var local = TimeZoneInfo.ConvertTime(recordingStart, zone);
        var tick = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
        for (; (tick - recordingStart).TotalSeconds <= seconds; tick = tick.AddMinutes(15))
        {
            var clock = TimeZoneInfo.ConvertTime(tick, zone);
            if (tick < recordingStart || ((clock.Hour * 60) + clock.Minute) % everyMinutes != 0)
            {
                continue;
            }

            var x = X((tick - recordingStart).TotalSeconds);
            b.Line(x, AxisTop, x, AxisTop + 4, $"stroke=\"{ChartText.Ink}\"");
            b.TextElement(x, AxisTop + 16, Clock(tick, zone), $"text-anchor=\"middle\" fill=\"{ChartText.Ink}\"");
        }

        b.Line(Left, AxisTop, Width - Right, AxisTop, $"stroke=\"{ChartText.Ink}\"");
        SvgFrame.Close(b);
        return b.ToString();
    }

    /// <summary>Runs of equal letters, in seconds.</summary>
    internal static List<SleepRun> Runs(string sleepPerMinute)
    {
        var runs = new List<SleepRun>();
        for (var i = 0; i < sleepPerMinute.Length;)
        {
            var j = i;
            while (j < sleepPerMinute.Length && sleepPerMinute[j] == sleepPerMinute[i])
            {
                j++;
            }

            runs.Add(new SleepRun(i * 60.0, j * 60.0, sleepPerMinute[i] == 'S'));
            i = j;
        }

        return runs;
    }

    private static string Clock(DateTimeOffset at, TimeZoneInfo zone, bool seconds = false) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);
}
