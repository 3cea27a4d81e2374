using Dermis.Sensing.Nights;

namespace Dermis.Sensing.Tests.Nights;

public sealed class ResamplingTests
{
    [Fact]
    public void A_slow_sine_keeps_its_values_from_100_Hz_and_from_10_Hz_to_20_Hz()
    {
        // 0.5 Hz sine, far below the 8 Hz anti-alias cut-off: resampled values equal the sine at the new times within 1e-3.
        static float[] Sine(double rate, int seconds) => Enumerable.Range(0, (int)(rate * seconds)).Select(i => (float)Math.Sin(2 * Math.PI * 0.5 * i / rate)).ToArray();

        var fromFast = Resampling.Resample(Sine(100, 60), 100);
        var fromSlow = Resampling.Resample(Sine(10, 60), 10);

        // (6000 − 1) × 20/100 + 1 = 1200 samples; (600 − 1) × 20/10 + 1 = 1199.
        Assert.Equal((1200, 1199), (fromFast.Length, fromSlow.Length));
        // Away from the ends (filter edge effects), sample i is at i/20 s.
        for (var i = 100; i < 1100; i++)
        {
            var expected = Math.Sin(2 * Math.PI * 0.5 * i / 20);
            Assert.Equal(expected, fromFast[i], 1e-3);
            Assert.Equal(expected, fromSlow[i], 2e-2); // linear interpolation of a 10 Hz sine: error ≤ (π/20)²/8 ≈ 3e-3 of amplitude, plus float rounding
        }

        var same = Sine(20, 1);
        Assert.Same(same, Resampling.Resample(same, 20));
    }

    [Fact]
    public void An_empty_channel_stays_empty_and_an_impossible_rate_is_refused_not_overflowed()
    {
        Assert.Empty(Resampling.Resample([], 12.5));
        Assert.Empty(Resampling.Resample([], 100));

        // 200,000 samples claimed at 0.001 Hz would be 4 × 10⁹ samples at 20 Hz.
        var tooSlow = Assert.Throws<ArgumentOutOfRangeException>(() => Resampling.Resample(new float[200_000], 0.001));
        Assert.StartsWith("200000 samples at 0.001 Hz resampled to 20 Hz would be 3999980001 samples", tooSlow.Message, StringComparison.Ordinal);
        Assert.Equal("fromHz", Assert.Throws<ArgumentOutOfRangeException>(() => Resampling.Resample(new float[10], double.NaN)).ParamName);
    }
}
