using System.Globalization;
using System.Xml.Linq;
using Dermis.Server.Web.Charts;

namespace Dermis.Server.Tests.Web.Charts;

/// <summary>The SVG the charts write: valid XML, accessible, with the marks and labels the data calls for.</summary>
public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateOnly Monday = new(2026, 3, 2);

    /// <summary>EASI at 2, 16 and 30 March on a fixed 0–72 scale: the layout the hand calculations below assume.</summary>
    private static TimeSeriesChart EasiChart(string seriesName = "Total score") =>
        new TimeSeriesChart { Title = "Participant 0042", Id = "p42" }
            .AddTrack(new ChartTrack("EASI", "points") { YMin = 0, YMax = 72 }
                .AddSeries(new ChartSeries(seriesName).Add(Monday, 24.5m).Add(Monday.AddDays(14), 12).Add(Monday.AddDays(28), 6.0)));

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static List<string> Texts(XElement root) =>
        root.Descendants(Svg + "text").Select(t => t.Nodes().OfType<XText>().Aggregate("", (all, part) => all + part.Value)).ToList();

    [Fact]
    public void Time_series_svg_is_accessible_and_scales_to_its_container()
    {
        var root = Parse(EasiChart().ToSvg());

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", root.Attribute("role")?.Value);
        Assert.Equal("100%", root.Attribute("width")?.Value);
        Assert.StartsWith("0 0 960 ", root.Attribute("viewBox")?.Value, StringComparison.Ordinal);
        Assert.Equal("p42-title p42-desc", root.Attribute("aria-labelledby")?.Value);
        Assert.Equal("Participant 0042", root.Element(Svg + "title")?.Value);
        Assert.Equal("p42-title", root.Element(Svg + "title")?.Attribute("id")?.Value);
        Assert.Equal("p42-desc", root.Element(Svg + "desc")?.Attribute("id")?.Value);
        Assert.Contains("EASI (points): Total score", root.Element(Svg + "desc")?.Value, StringComparison.Ordinal);
        Assert.Empty(root.Descendants(Svg + "script"));
    }

    [Fact]
    public void Time_series_draws_one_path_per_line_and_a_circle_per_point_plus_the_legend_key()
    {
        // Series 0 uses circles; series 1 (slot 1) squares, so its markers are rects, not circles.
        var chart = EasiChart();
        chart.Tracks[0].AddSeries(new ChartSeries("Target") { Dashed = true }.Add(Monday, 24.5).Add(Monday.AddDays(28), 10.0));

        var root = Parse(chart.ToSvg());

        Assert.Equal(2, root.Descendants(Svg + "path").Count());                       // two lines
        Assert.Equal(3 + 1, root.Descendants(Svg + "circle").Count());                 // 3 markers + legend key
        Assert.Equal(1 + 2 + 1, root.Descendants(Svg + "rect").Count());               // background + 2 markers + legend key
        Assert.Single(root.Descendants(Svg + "path"), p => p.Attribute("stroke-dasharray")?.Value == "6 4");
    }

    [Fact]
    public void Time_series_places_a_point_where_the_scales_say()
    {
        // Width 960. Tick labels "0".."60" are narrower than the 24 px minimum, so the plot's left
        // edge is 12 (pad) + 24 + 8 = 44 and its right edge 960 − 28 = 932 (888 px wide).
        // Top: title band 40, heading line 16 + 10 → plot from y 66 to 66 + 140 = 206.
        // 16 Mar is day 14 of 28: x = 44 + 14/28 · 888 = 488. Value 12 of 0–72: y = 206 − 12/72 · 140 = 182.67.
        var root = Parse(EasiChart().ToSvg());

        Assert.Contains(root.Descendants(Svg + "circle"), c => c.Attribute("cx")?.Value == "488" && c.Attribute("cy")?.Value == "182.67");
        // The line passes through the same point; 2 Mar is x 44, 24.5 → y = 206 − 24.5/72 · 140 = 158.36.
        Assert.StartsWith("M44 158.36L488 182.67L", root.Descendants(Svg + "path").Single().Attribute("d")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_series_labels_ticks_units_and_the_legend()
    {
        // 2–30 Mar (29 days) with room for 11 labels: daily is too many, Mondays give five.
        // Fixed 0–72: NiceScale(0, 72) steps by 20, so 0, 20, 40, 60 (72 is the unlabelled top).
        var texts = Texts(Parse(EasiChart().ToSvg()));

        Assert.Contains("Participant 0042", texts);
        Assert.Contains("EASI (points)", texts);
        Assert.Contains("Total score", texts);
        Assert.Equal(["0", "20", "40", "60"], texts.Where(t => t is "0" or "20" or "40" or "60" or "80"));
        Assert.Equal(["2 Mar", "9 Mar", "16 Mar", "23 Mar", "30 Mar"], texts.Where(t => t.EndsWith(" Mar", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_lone_series_named_like_its_track_gets_no_legend_key()
    {
        var root = Parse(EasiChart("EASI").ToSvg());

        Assert.Equal(3, root.Descendants(Svg + "circle").Count());
        Assert.DoesNotContain("EASI", Texts(root));
    }

    [Fact]
    public void Time_series_escapes_participant_supplied_names()
    {
        var svg = EasiChart("<b>&").ToSvg();
        var root = Parse(svg);

        Assert.Contains("&lt;b&gt;&amp;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.Contains("<b>&", Texts(root));
        Assert.Contains(root.Descendants(Svg + "title"), t => t.Value == "<b>&, 16 Mar 2026: 12 points");
    }

    [Fact]
    public void Text_that_XML_forbids_is_dropped_not_passed_through()
    {
        var chart = new TimeSeriesChart { Title = "Bell \u0007 \"quoted\" 'single' \ud800 end" };

        var root = Parse(chart.ToSvg());

        Assert.Equal("Bell  \"quoted\" 'single'  end", root.Element(Svg + "title")?.Value);
    }

    [Fact]
    public void Time_series_with_several_tracks_shares_events_and_draws_reference_lines()
    {
        var chart = EasiChart()
            .AddTrack(new ChartTrack("vIGA-AD", "grade") { YMin = 0, YMax = 4 }
                .AddSeries(new ChartSeries("vIGA-AD") { Style = SeriesStyle.Step }.Add(Monday, 4).Add(Monday.AddDays(14), 3).Add(Monday.AddDays(28), 2)))
            .AddEvent(Monday, "Baseline")
            .AddEvent(Monday.AddDays(28), "Week 4");
        chart.Tracks[0].AddReferenceLine(16, "EASI 16");

        var root = Parse(chart.ToSvg());
        var texts = Texts(root);

        Assert.Contains("Baseline", texts);
        Assert.Contains("Week 4", texts);
        Assert.Contains("EASI 16", texts);
        Assert.Contains("vIGA-AD (grade)", texts);
        // Each event line runs from under its label to the bottom of the last track.
        var eventLines = root.Descendants(Svg + "line").Where(l => l.Attribute("stroke-dasharray")?.Value == "4 3").ToList();
        Assert.Equal(2, eventLines.Count);
        // (The last plot's bottom is the lowest line start: date tick marks hang 4 px below it.)
        var plotBottom = root.Descendants(Svg + "line").Max(l => double.Parse(l.Attribute("y1")!.Value, CultureInfo.InvariantCulture));
        Assert.All(eventLines, l => Assert.Equal(plotBottom, double.Parse(l.Attribute("y2")!.Value, CultureInfo.InvariantCulture)));
        // Step line: 4 → 3 on 16 Mar, 3 → 2 on 30 Mar, as horizontal-then-vertical moves.
        var step = root.Descendants(Svg + "path").Single(p => p.Attribute("d")!.Value.Contains('H', StringComparison.Ordinal)).Attribute("d")!.Value;
        Assert.Equal(2, step.Count(c => c == 'V'));
    }

    [Fact]
    public void Empty_charts_render_axes_and_say_no_data_yet()
    {
        var noTracks = Parse(new TimeSeriesChart { Title = "Enrolment" }.ToSvg());
        Assert.Contains("No data yet", Texts(noTracks));
        Assert.Equal(2, noTracks.Descendants(Svg + "line").Count());

        var emptySeries = new TimeSeriesChart { Title = "Enrolment" }
            .AddTrack(new ChartTrack("Enrolled", "participants").AddSeries(new ChartSeries("Berlin").Add(Monday, double.NaN)));
        var root = Parse(emptySeries.ToSvg());
        Assert.Contains("No data yet", Texts(root));
        Assert.Empty(root.Descendants(Svg + "path"));

        var bars = Parse(new BarChart { Title = "Screen failures" }.ToSvg());
        Assert.Contains("No data yet", Texts(bars));
    }

    [Fact]
    public void Numbers_are_written_in_invariant_culture_whatever_the_thread_culture()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = comma;
            var svg = EasiChart().ToSvg();

            Assert.Contains("cy=\"182.67\"", svg, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Coordinates_have_at_most_two_decimals()
    {
        var svg = EasiChart().ToSvg();

        Assert.DoesNotMatch(@"\d\.\d{3}", svg);
    }

    [Fact]
    public void Bar_chart_places_bars_on_a_nice_percent_axis()
    {
        // Labels: "Site 02" is 7 chars × 6.6 px = 46.2 → plot left = 12 + 46.2 + 8 = 66.2.
        // Widest value label "12.5%" = 33 px → plot right = 960 − 12 − (33 + 8) = 907 (840.8 px wide).
        // 0–100 %, room for 10 ticks: step 10 gives 11, step 20 gives 6 → 0, 20, …, 100.
        // 30 %: x from 66.2, width 0.3 · 840.8 = 252.24.
        var chart = new BarChart { Title = "Screen-failure rate per site", Unit = "%", ValueAxisTitle = "Screen-failure rate", ValueMax = 100 }
            .AddBar("Site 01", 12.5)
            .AddBar("Site 02", 30m);

        var root = Parse(chart.ToSvg());
        var texts = Texts(root);

        var bar = root.Descendants(Svg + "rect").Single(r => r.Element(Svg + "title")?.Value == "Site 02: 30%");
        Assert.Equal("66.2", bar.Attribute("x")?.Value);
        Assert.Equal("252.24", bar.Attribute("width")?.Value);
        Assert.Equal(["0", "20", "40", "60", "80", "100"], texts.Where(t => t.Length > 0 && t.All(char.IsAsciiDigit)));
        Assert.Contains("12.5%", texts);
        Assert.Contains("Screen-failure rate (%)", texts);
    }

    [Fact]
    public void Stacked_bars_draw_a_rect_per_nonzero_segment_with_a_legend()
    {
        var chart = new BarChart { Title = "Queries by site", Unit = "queries", SegmentNames = ["Open", "Answered", "Closed"] }
            .AddStackedBar("Berlin", 12, 3, 40)
            .AddStackedBar("Paris <b>&", 2, 0, 11);

        var root = Parse(chart.ToSvg());
        var texts = Texts(root);

        // Background + 3 legend boxes + 3 + 2 segments (Paris has no answered queries).
        Assert.Equal(1 + 3 + 5, root.Descendants(Svg + "rect").Count());
        Assert.Contains("55 queries", texts);
        Assert.Contains("13 queries", texts);
        Assert.Contains("Paris <b>&", texts);
        Assert.Contains(root.Descendants(Svg + "title"), t => t.Value == "Paris <b>&, Closed: 11 queries");
        Assert.Equal(["Open", "Answered", "Closed"], texts.Where(t => t is "Open" or "Answered" or "Closed"));
    }

    [Fact]
    public void Bar_chart_shows_missing_values_and_cuts_long_labels()
    {
        var chart = new BarChart { Title = "Data-entry lag", Unit = "days", Width = 400 }
            .AddBar(">30 d", double.NaN)
            .AddBar(new string('x', 200), 4);

        var root = Parse(chart.ToSvg());
        var texts = Texts(root);

        Assert.Contains("No data", texts);
        Assert.Contains(">30 d", texts);
        // 35 % of 400 = 140 px at 6.6 px a character: 21 characters, the last an ellipsis.
        Assert.Contains(new string('x', 20) + "…", texts);
    }
}
