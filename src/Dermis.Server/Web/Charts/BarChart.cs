namespace Dermis.Server.Web.Charts;

/// <summary>
/// Horizontal bars per category on a value axis with nice ticks, optionally stacked (e.g. open,
/// answered and closed queries per site), rendered as a self-contained, accessible SVG string.
/// </summary>
/// <example>
/// <code>
/// var svg = new BarChart { Title = "Queries by age", Unit = "queries", SegmentNames = ["Open", "Answered"] }
///     .AddStackedBar("0–7 d", 12, 3)
///     .AddStackedBar("&gt;30 d", 2, 1)
///     .ToSvg();
/// </code>
/// </example>
public sealed class BarChart
{
    private readonly List<ChartBar> _bars = [];

    /// <summary>The chart's accessible name, also drawn at the top unless <see cref="ShowTitle"/> is false.</summary>
    public required string Title { get; init; }

    /// <summary>The accessible description; by default a summary listing each category's value.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the title is drawn; turn off when the page has its own heading.</summary>
    public bool ShowTitle { get; init; } = true;

    /// <summary>The id of the <c>svg</c> element (and prefix of its title and desc ids); by default derived from the content.</summary>
    public string? Id { get; init; }

    /// <summary>The width of the viewBox; the SVG itself scales to its container. At least 320.</summary>
    public double Width { get; init; } = 960;

    /// <summary>The unit of the values, e.g. "%", "days" or "queries": in value labels and the axis caption.</summary>
    public string? Unit { get; init; }

    /// <summary>The value axis caption, e.g. "Screen-failure rate"; the unit is appended in brackets.</summary>
    public string? ValueAxisTitle { get; init; }

    /// <summary>The end of the value axis, e.g. 100 for percentages; by default a nice value at or above the largest bar.</summary>
    public double? ValueMax { get; init; }

    /// <summary>The names of stacked segments, in stacking order, for the legend; empty for plain bars.</summary>
    public IReadOnlyList<string> SegmentNames { get; init; } = [];

    /// <summary>The bars, top to bottom.</summary>
    public IReadOnlyList<ChartBar> Bars => _bars;

    /// <summary>Adds a bar; NaN shows "No data" for the category.</summary>
    public BarChart AddBar(string category, double value) => Add(category, [value]);

    /// <summary>Adds a bar with a decimal value.</summary>
    public BarChart AddBar(string category, decimal value) => Add(category, [(double)value]);

    /// <summary>Adds a bar with a count (without this overload an int argument would be ambiguous).</summary>
    public BarChart AddBar(string category, int value) => Add(category, [value]);

    /// <summary>Adds a stacked bar, one value per entry of <see cref="SegmentNames"/>.</summary>
    public BarChart AddStackedBar(string category, params double[] segments) => Add(category, [.. segments ?? []]);

    /// <summary>The chart as an <c>&lt;svg&gt;</c> element, ready to embed in HTML. Never throws on odd or empty data.</summary>
    public string ToSvg() => BarChartRenderer.Render(this);

    private BarChart Add(string category, double[] segments)
    {
        _bars.Add(new ChartBar(category ?? "", segments));
        return this;
    }
}
