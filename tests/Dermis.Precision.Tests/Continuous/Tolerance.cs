namespace Dermis.Precision.Tests.Continuous;

/// <summary>|actual − expected| ≤ absolute + relative·|expected|, with a message naming the quantity.</summary>
internal static class Tolerance
{
    public static void Near(double expected, double actual, double relative, double absolute, string what)
    {
        var allowed = absolute + (relative * Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: expected {expected:R}, got {actual:R} (|Δ| = {Math.Abs(actual - expected):E3} > {allowed:E3})");
    }
}
