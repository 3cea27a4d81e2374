using Dermis.Sensing.Signal;

namespace Dermis.Sensing.Tests.Signal;

public sealed class RollingMedianTests
{
    [Theory]
    [InlineData(1, 50)]
    [InlineData(5, 50)]
    [InlineData(6, 50)]
    [InlineData(51, 200)]
    [InlineData(60, 200)]
    [InlineData(300, 40)] // window longer than the signal
    public void Centred_matches_a_naive_truncated_window_median(int window, int n)
    {
        var random = new Random(window * 1000 + n);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Rounded so that ties occur.
            x[i] = Math.Round(random.NextDouble() * 20) / 2;
        }

        var y = new double[n];
        RollingMedian.Centred<double>(x, window, y);

        int half = window / 2;
        for (int i = 0; i < n; i++)
        {
            int from = Math.Max(0, i - half), to = Math.Min(n, i - half + window);
            var w = x[from..to].Order().ToArray();
            double expected = w.Length % 2 == 1 ? w[w.Length / 2] : (w[(w.Length / 2) - 1] + w[w.Length / 2]) / 2;
            Assert.Equal(expected, y[i]);
        }
    }
}
