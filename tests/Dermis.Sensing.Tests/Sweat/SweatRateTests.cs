using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

public sealed class SweatRateTests
{
    [Fact]
    public void Secretion_is_concentration_times_rate_in_picograms_per_cm2_per_minute()
    {
        // 20 pg/mL × 0.5 µL/min/cm² = 20 pg/mL × 0.0005 mL/min/cm² = 0.01 pg/cm²/min.
        Assert.Equal(0.01, SweatRate.SecretionPgPerCm2PerMinute(20, 0.5), 15);
    }

    [Fact]
    public void Normalise_computes_flux_and_flags_low_rate_windows_without_overriding_missing_values()
    {
        double[] concentrations = [20, 40, double.NaN, 10];
        double[] rates = [0.5, 0.01, 0.01, double.NaN];
        ReadingFlag[] flags = [ReadingFlag.Ok, ReadingFlag.BelowLoq, ReadingFlag.BelowLod, ReadingFlag.Ok];
        var flux = new double[4];

        SweatRate.Normalise(concentrations, rates, 0.05, flux, flags);

        Assert.Equal(0.01, flux[0], 15);
        Assert.Equal(0.0004, flux[1], 15);
        Assert.True(double.IsNaN(flux[2]) && double.IsNaN(flux[3]));
        Assert.Equal([ReadingFlag.Ok, ReadingFlag.LowSweatVolume, ReadingFlag.BelowLod, ReadingFlag.Ok], flags);
    }

    [Fact]
    public void Secretion_negative_rate_throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SweatRate.SecretionPgPerCm2PerMinute(10, -1));

        Assert.Equal("sweatRateMicrolitresPerMinutePerCm2", e.ParamName);
    }
}
