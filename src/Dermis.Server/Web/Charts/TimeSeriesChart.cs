namespace Dermis.Server.Web.Charts;

/// <summary>
/// Tracks of dated values stacked on one shared date axis, with dated events drawn across all of
/// them, rendered as a self-contained, accessible SVG string (no script).
/// </summary>
/// <example>
/// <code>
/// var svg = new TimeSeriesChart { Title = "Participant 0042" }
///     .AddTrack(new ChartTrack("EASI", "points") { YMin = 0, YMax = 72 }
///         .AddSeries(new ChartSeries("EASI").Add(baseline, 24.5m).Add(week4, 12m))
///         .AddReferenceLine(16, "EASI 16"))
///     .AddEvent(baseline, "Baseline")
///     .ToSvg();
/// </code>
/// </example>
public sealed class TimeSeriesChart
{
    private readonly List<ChartTrack> _tracks = [];
    private readonly List<ChartEvent> _events = [];

    /// <summary>The chart's accessible name, also drawn at the top unless <see cref="ShowTitle"/> is false.</summary>
    public required string Title { get; init; }

    /// <summary>The accessible description; by default a summary of the tracks and the date span.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the title is drawn; turn off when the page has its own heading.</summary>
    public bool ShowTitle { get; init; } = true;

    /// <summary>The id of the <c>svg</c> element (and prefix of its title and desc ids); by default derived from the content.</summary>
    public string? Id { get; init; }

    /// <summary>The width of the viewBox; the SVG itself scales to its container. At least 320.</summary>
    public double Width { get; init; } = 960;

    /// <summary>The first day of the date axis; by default the earliest point or event.</summary>
    /// <remarks>Points and events outside <see cref="From"/>–<see cref="To"/> are not drawn.</remarks>
    public DateOnly? From { get; init; }

    /// <summary>The last day of the date axis; by default the latest point or event.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The tracks, top to bottom.</summary>
    public IReadOnlyList<ChartTrack> Tracks => _tracks;

    /// <summary>The events.</summary>
    public IReadOnlyList<ChartEvent> Events => _events;

    /// <summary>Adds a track below the others.</summary>
    public TimeSeriesChart AddTrack(ChartTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        _tracks.Add(track);
        return this;
    }

    /// <summary>Adds an event drawn as a vertical line across all tracks.</summary>
    public TimeSeriesChart AddEvent(DateOnly date, string label)
    {
        _events.Add(new ChartEvent(date, label ?? ""));
        return this;
    }

    /// <summary>The chart as an <c>&lt;svg&gt;</c> element, ready to embed in HTML. Never throws on odd or empty data.</summary>
    public string ToSvg() => TimeSeriesRenderer.Render(this);
}
