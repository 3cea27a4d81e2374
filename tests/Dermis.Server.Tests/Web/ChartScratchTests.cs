using Dermis.Server.Web.Charts;

namespace Dermis.Server.Tests.Web.Charts;

public sealed class ChartScratchTests
{
    [Fact]
    public void Scratch_write_samples()
    {
        var d0 = new DateOnly(2026, 3, 2);
        var chart = new TimeSeriesChart { Title = "Participant 0042 <b>&", Id = "p42" };
        var easi = new ChartTrack("EASI", "points") { YMin = 0, YMax = 72 }
            .AddSeries(new ChartSeries("EASI").Add(d0, 31.5m).Add(d0.AddDays(14), 24m).Add(d0.AddDays(28), 18.2m).Add(d0.AddDays(56), 12m).Add(d0.AddDays(84), 8.4m).Add(d0.AddDays(112), 5m))
            .AddReferenceLine(16, "EASI 16");
        var viga = new ChartTrack("vIGA-AD", "grade") { YMin = 0, YMax = 4, PlotHeight = 90 }
            .AddSeries(new ChartSeries("vIGA-AD") { Style = SeriesStyle.Step }.Add(d0, 4).Add(d0.AddDays(14), 3).Add(d0.AddDays(28), 3).Add(d0.AddDays(56), 2).Add(d0.AddDays(84), 1).Add(d0.AddDays(112), 1));
        var itchSeries = new ChartSeries("Peak itch NRS");
        var planSeries = new ChartSeries("Target") { Dashed = true, PaletteIndex = 0 };
        var rnd = new Random(1);
        for (var i = 0; i <= 112; i++) { itchSeries.Add(d0.AddDays(i), i == 40 ? double.NaN : Math.Max(0, 8 - i / 16.0 + rnd.NextDouble() * 2 - 1)); }
        planSeries.Add(d0, 8).Add(d0.AddDays(112), 3);
        var itch = new ChartTrack("Peak itch NRS", "0–10") { YMin = 0, YMax = 10 }.AddSeries(itchSeries).AddSeries(planSeries);
        var sleep = new ChartTrack("Sleep efficiency", "%").AddSeries(new ChartSeries("Nightly") { Style = SeriesStyle.Markers }.Add(d0.AddDays(5), 84.5).Add(d0.AddDays(30), 88).Add(d0.AddDays(60), 91).Add(d0.AddDays(100), 93.5));
        var empty = new ChartTrack("Sweat IL-13", "pg/mL");
        chart.AddTrack(easi).AddTrack(viga).AddTrack(itch).AddTrack(sleep).AddTrack(empty);
        chart.AddEvent(d0, "Baseline").AddEvent(d0.AddDays(14), "Week 2").AddEvent(d0.AddDays(28), "Week 4").AddEvent(d0.AddDays(56), "Week 8").AddEvent(d0.AddDays(84), "Week 12").AddEvent(d0.AddDays(112), "Week 16");
        File.WriteAllText("/tmp/charts/timeline.svg", chart.ToSvg());

        var enrol = new TimeSeriesChart { Title = "Enrolment over time: actual vs plan, per site" };
        var track = new ChartTrack("Participants enrolled", "participants");
        string[] sites = ["Berlin", "Paris", "Leeds"];
        for (var s = 0; s < 3; s++)
        {
            var actual = new ChartSeries(sites[s]) { Style = SeriesStyle.Step, PaletteIndex = s };
            var plan = new ChartSeries(sites[s] + " plan") { Dashed = true, PaletteIndex = s, Style = SeriesStyle.Step };
            var n = 0;
            for (var day = 0; day < 200; day += 3 + s) { n += rnd.Next(0, 2); actual.Add(new DateOnly(2025, 11, 10).AddDays(day), n); }
            plan.Add(new DateOnly(2025, 11, 10), 0).Add(new DateOnly(2026, 2, 1), 20).Add(new DateOnly(2026, 6, 1), 40 + 5 * s);
            track.AddSeries(actual).AddSeries(plan);
        }
        enrol.AddTrack(track);
        File.WriteAllText("/tmp/charts/enrol.svg", enrol.ToSvg());

        var bars = new BarChart { Title = "Screen-failure rate per site", Unit = "%", ValueAxisTitle = "Screen-failure rate", ValueMax = 100 }
            .AddBar("Site 01 Berlin", 12.5).AddBar("Site 02 Paris", 30).AddBar("Site 03 Leeds <b>&", double.NaN).AddBar("Site 04 a very long site name that goes on", 47.25);
        File.WriteAllText("/tmp/charts/bars.svg", bars.ToSvg());
        var stacked = new BarChart { Title = "Queries by site", Unit = "queries", SegmentNames = ["Open", "Answered", "Closed"] }
            .AddStackedBar("Berlin", 12, 3, 40).AddStackedBar("Paris", 2, 0, 11).AddStackedBar("Leeds", 0, 0, 0);
        File.WriteAllText("/tmp/charts/stacked.svg", stacked.ToSvg());
        File.WriteAllText("/tmp/charts/empty.svg", new TimeSeriesChart { Title = "Nothing" }.ToSvg());
        File.WriteAllText("/tmp/charts/emptybar.svg", new BarChart { Title = "Nothing" }.ToSvg());
        var report = new System.Text.StringBuilder();
        foreach (var style in new[] { SeriesStyle.LineWithMarkers, SeriesStyle.Step, SeriesStyle.Markers })
        {
            var s = new ChartSeries("x") { Style = style };
            for (var i = 0; i < (style == SeriesStyle.Step ? 2 : 2000); i++) { s.Add(d0.AddDays(i * (style == SeriesStyle.Step ? 1999 : 1)), 30 + 20 * Math.Sin(i / 30.0)); }
            var c = new TimeSeriesChart { Title = "perf" }.AddTrack(new ChartTrack("t", "u").AddSeries(s));
            for (var i = 0; i < 500; i++) { c.ToSvg(); }
            var times = new List<double>(); long alloc = long.MaxValue; string svg = "";
            for (var i = 0; i < 1000; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var w = System.Diagnostics.Stopwatch.StartNew();
                svg = c.ToSvg();
                times.Add(w.Elapsed.TotalMilliseconds);
                alloc = Math.Min(alloc, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            times.Sort();
            report.AppendLine($"{style}: median {times[500]:0.000} ms, p95 {times[950]:0.000} ms, {svg.Length} chars, {alloc} bytes");
        }
        File.WriteAllText("/tmp/charts/perf.txt", report.ToString());
    }
}
