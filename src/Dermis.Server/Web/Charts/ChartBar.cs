namespace Dermis.Server.Web.Charts;

/// <summary>One category of a <see cref="BarChart"/>: a single value, or the segments of a stacked bar.</summary>
/// <param name="Category">The category label, e.g. a site or an age bucket ("8–14 d").</param>
/// <param name="Segments">
/// The values, stacked left to right in the order of <see cref="BarChart.SegmentNames"/>. NaN
/// marks a missing value; negative segments of a stacked bar are not drawn (stacks add up counts).
/// </param>
public sealed record ChartBar(string Category, IReadOnlyList<double> Segments)
{
    /// <summary>The sum of the drawable segments: the bar's length and its value label.</summary>
    public double Total
    {
        get
        {
            if (Segments.Count == 1)
            {
                return Segments[0];
            }

            var total = 0.0;
            var any = false;
            foreach (var value in Segments)
            {
                if (double.IsFinite(value) && value > 0)
                {
                    total += value;
                }

                any |= double.IsFinite(value);
            }

            return any ? total : double.NaN;
        }
    }
}
