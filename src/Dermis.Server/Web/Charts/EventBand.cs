namespace Dermis.Server.Web.Charts;

/// <summary>An event placed for drawing: its line at <c>X</c>, its label centred at <c>Centre</c> on row <c>Row</c>.</summary>
internal readonly record struct EventLabel(ChartEvent Event, double X, double Centre, int Row);

/// <summary>
/// The labels of dated events above the first track, and their dashed lines down through all
/// tracks to the date axis.
/// </summary>
internal static class EventBand
{
    public const double RowHeight = 14;
    private const int MaxRows = 3;
    private const double Pad = 12;

    /// <summary>The rows the placed labels take (0 without events).</summary>
    public static int Rows(IReadOnlyList<EventLabel> labels)
    {
        var rows = 0;
        foreach (var label in labels)
        {
            rows = Math.Max(rows, label.Row + 1);
        }

        return rows;
    }

    /// <summary>
    /// Puts each label on the first row where it does not overlap the previous label, so close
    /// visits (Week 2, Week 4) stay legible; past the last row, labels may overlap. Labels near the
    /// chart's edges are moved inward so they are not cut off; their line stays on the date.
    /// </summary>
    public static List<EventLabel> Place(IEnumerable<ChartEvent> events, TimeAxis time, double left, double right, double width)
    {
        var labels = new List<EventLabel>();
        var rowEnds = new double[MaxRows];
        Array.Fill(rowEnds, double.NegativeInfinity);
        foreach (var e in events.Where(e => time.Contains(e.Date)).OrderBy(e => e.Date))
        {
            var x = time.X(e.Date, left, right);
            var half = ChartText.Width(e.Label, ChartText.TickFont) / 2;
            var centre = Math.Clamp(x, Pad + half, Math.Max(Pad + half, width - Pad - half));
            var row = Array.FindIndex(rowEnds, end => centre - half > end + 6);
            row = row >= 0 ? row : Array.IndexOf(rowEnds, rowEnds.Min());
            rowEnds[row] = centre + half;
            labels.Add(new EventLabel(e, x, centre, row));
        }

        return labels;
    }

    /// <summary>Draws the lines (behind the series, which come later) and then the labels.</summary>
    public static void Draw(SvgBuilder b, IReadOnlyList<EventLabel> labels, double top, double bottom)
    {
        foreach (var label in labels)
        {
            b.Line(label.X, Baseline(label, top) + 3, label.X, bottom, $"stroke=\"{ChartText.MutedInk}\" stroke-dasharray=\"4 3\"");
        }

        foreach (var label in labels)
        {
            b.TextElement(label.Centre, Baseline(label, top), label.Event.Label, $"text-anchor=\"middle\" fill=\"{ChartText.AxisColor}\"");
        }
    }

    private static double Baseline(EventLabel label, double top) => top + (label.Row + 1) * RowHeight - 3;
}
