using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

public sealed class BaselineDriftTests
{
    [Fact]
    public void RelativeChangePercent_is_100_times_delta_z_over_z0()
    {
        // Z₀ = 2000 Ω: 1900 Ω → −5 %, 2100 Ω → +5 %, 2000 → 0, NaN stays NaN.
        var change = new double[4];

        BaselineDrift.RelativeChangePercent([1900, 2100, 2000, double.NaN], 2000, change);

        Assert.Equal([-5, 5, 0], change[..3]);
        Assert.True(double.IsNaN(change[3]));
    }

    [Fact]
    public void Drift_fitted_on_a_reference_channel_recovers_the_synthetic_slope_and_removes_it()
    {
        // Synthetic 10-h wear: common drift +0.4 %/h (1.1111e-4 %/s) on both electrodes. Reference channel: 0.5 % + drift
        // + deterministic ±0.02 % ripple; sensing channel: a 3 % step at 5 h on top of 1 % + drift.
        const double SlopePerSecond = 0.4 / 3600;
        var times = Enumerable.Range(0, 601).Select(i => i * 60.0).ToArray();
        var reference = times.Select((t, i) => 0.5 + (SlopePerSecond * t) + (0.02 * Math.Sin(i * 1.7))).ToArray();
        var sensing = times.Select(t => 1.0 + (t >= 18_000 ? 3 : 0) + (SlopePerSecond * t)).ToArray();

        var drift = BaselineDrift.Fit(times, reference);
        var corrected = new double[sensing.Length];
        BaselineDrift.Remove(drift, times, sensing, corrected);

        Tolerance.Close(SlopePerSecond, drift.SlopePerSecond, 0.01, 0, "slope");
        Assert.Equal(601, drift.ReferenceCount);
        Assert.Equal(0, drift.OriginSeconds);
        // After correction the sensing channel is 1 % before the step and 4 % after, to the slope error × 10 h.
        Tolerance.Close(1.0, corrected[10], 0, 0.01);
        Tolerance.Close(4.0, corrected[^1], 0, 0.05);
    }

    [Fact]
    public void Drift_fit_with_one_reading_throws()
    {
        var e = Assert.Throws<ArgumentException>(() => BaselineDrift.Fit([0.0, 60], [1.0, double.NaN]));

        Assert.StartsWith("A drift line needs at least 2 finite reference readings; got 1.", e.Message);
    }
}
