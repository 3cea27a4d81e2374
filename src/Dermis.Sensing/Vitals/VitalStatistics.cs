namespace Dermis.Sensing.Vitals;

/// <summary>Order statistics for the vitals summary.</summary>
internal static class VitalStatistics
{
    /// <summary>
    /// The <paramref name="percent"/>-th percentile by linear interpolation between closest ranks (numpy.percentile's
    /// default, Hyndman &amp; Fan type 7); NaN for no values. Sorts a copy.
    /// </summary>
    public static double Percentile(ReadOnlySpan<double> values, double percent)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return PercentileOfSorted(sorted, percent);
    }

    /// <summary>As <see cref="Percentile"/> for values already in ascending order.</summary>
    public static double PercentileOfSorted(ReadOnlySpan<double> sorted, double percent)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        double rank = percent / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((rank - lo) * (sorted[hi] - sorted[lo]));
    }
}
