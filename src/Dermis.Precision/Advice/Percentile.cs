namespace Dermis.Precision.Advice;

/// <summary>Sample quantiles for bootstrap percentile intervals.</summary>
internal static class Percentile
{
    /// <summary>
    /// Quantile by linear interpolation between order statistics at position (n − 1)·q
    /// (Hyndman &amp; Fan 1996 type 7, R's default <c>quantile</c>). Does not modify <paramref name="values"/>.
    /// </summary>
    public static double Of(double[] values, double q)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var position = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
