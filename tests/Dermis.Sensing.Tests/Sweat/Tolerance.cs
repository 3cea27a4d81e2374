namespace Dermis.Sensing.Tests.Sweat;

/// <summary>Relative-plus-absolute closeness, as the house style asks numeric tests to state.</summary>
internal static class Tolerance
{
    /// <summary>Asserts |actual − expected| ≤ relative·|expected| + absolute.</summary>
    public static void Close(double expected, double? actual, double relative, double absolute = 0, string? what = null)
    {
        Assert.NotNull(actual);
        var limit = (relative * Math.Abs(expected)) + absolute;
        Assert.True(Math.Abs(actual.Value - expected) <= limit, $"{what ?? "value"}: expected {expected:R} ± {limit:G3}, got {actual.Value:R}");
    }
}
