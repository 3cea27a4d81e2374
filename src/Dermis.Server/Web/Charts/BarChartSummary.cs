using System.Globalization;
using System.Text;

namespace Dermis.Server.Web.Charts;

/// <summary>Facts about a <see cref="BarChart"/> as a whole: its default description and content hash.</summary>
internal static class BarChartSummary
{
    // Past this many categories the description names the rest only by count.
    private const int MaxDescribed = 40;

    /// <summary>The default accessible description: every category's value (and segments), so a screen reader gets the data.</summary>
    public static string Describe(BarChart chart)
    {
        var text = new StringBuilder("Bar chart");
        var caption = ChartText.WithUnit(chart.ValueAxisTitle ?? "", chart.Unit);
        if (caption.Length > 0)
        {
            text.Append(" of ").Append(caption);
        }

        if (chart.Bars.Count == 0)
        {
            return text.Append(". ").Append(ChartText.NoData).Append('.').ToString();
        }

        text.Append(": ");
        for (var i = 0; i < chart.Bars.Count && i < MaxDescribed; i++)
        {
            var bar = chart.Bars[i];
            text.Append(i > 0 ? "; " : "").Append(bar.Category).Append(' ').Append(ChartText.ValueText(bar.Total, chart.Unit));
            if (bar.Segments.Count > 1 && double.IsFinite(bar.Total))
            {
                text.Append(" (");
                for (var s = 0; s < bar.Segments.Count; s++)
                {
                    text.Append(s > 0 ? ", " : "")
                        .Append(s < chart.SegmentNames.Count ? chart.SegmentNames[s] : $"segment {s + 1}")
                        .Append(' ').Append(ChartText.ValueText(bar.Segments[s], null));
                }

                text.Append(')');
            }
        }

        if (chart.Bars.Count > MaxDescribed)
        {
            text.Append(CultureInfo.InvariantCulture, $"; and {chart.Bars.Count - MaxDescribed} more");
        }

        return text.Append('.').ToString();
    }

    /// <summary>A hash of everything drawn, for the default element id.</summary>
    public static uint Hash(BarChart chart, string description)
    {
        var hash = new StableHash();
        hash.Add(chart.Title);
        hash.Add(description);
        foreach (var bar in chart.Bars)
        {
            hash.Add(bar.Category);
            foreach (var value in bar.Segments)
            {
                hash.Add(value);
            }
        }

        return hash.Value;
    }
}
