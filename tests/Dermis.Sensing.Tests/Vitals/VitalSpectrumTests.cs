using Dermis.Sensing.Vitals;

namespace Dermis.Sensing.Tests.Vitals;

/// <summary>
/// The window spectrum and its peak interpolation. Truths are hand-computed: the vertex of a known parabola, and the
/// frequency of a synthetic tone. Tolerances are stated per test.
/// </summary>
public sealed class VitalSpectrumTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.45)]
    [InlineData(0.0)]
    [InlineData(0.123456)]
    public void ParabolicOffset_samples_of_a_parabola_returns_its_vertex_exactly(double vertex)
    {
        // y = 2 − 3 (x − v)² sampled at −1, 0, 1: δ = (l − r) / (2 (l − 2c + r)) = (12 v / 2) / ((−6) · −1) … = v.
        double Y(double x) => 2 - (3 * (x - vertex) * (x - vertex));

        Assert.Equal(vertex, VitalSpectrum.ParabolicOffset(Y(-1), Y(0), Y(1)), 12);
    }

    [Fact]
    public void ParabolicOffset_collinear_points_returns_zero() => Assert.Equal(0, VitalSpectrum.ParabolicOffset(1, 2, 3));

    [Theory]
    [InlineData(0.2500)]
    [InlineData(0.3137)]
    [InlineData(1.1111)]
    public void FindPeak_tone_between_bins_is_recovered_within_a_thousandth_of_a_bin(double frequencyHz)
    {
        // 60 s at 10 Hz, zero-padded to 4096 points: bins of 10/4096 = 0.00244 Hz; the tones fall between bins
        // (0.3137 Hz = bin 128.49). Log-power parabolic interpolation of a Hann main lobe at 6.8× padding: bias < 1e-3 bin.
        const double RateHz = 10;
        var spectrum = new VitalSpectrum(600, RateHz);
        var x = new double[600];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = 3 * Math.Sin((2 * Math.PI * frequencyHz * i / RateHz) + 0.7);
        }

        spectrum.Compute(x);
        var peak = spectrum.FindPeak(0.1, 2.5, 0.05, [], 0);

        Assert.True(peak.Found);
        Assert.Equal(4096, spectrum.FftLength);
        Assert.InRange(Math.Abs(peak.FrequencyHz - frequencyHz), 0, 1e-3 * spectrum.BinHz);
        Assert.InRange(peak.Prominence, 0.99, 1.0);
    }

    [Fact]
    public void FindPeak_excluded_line_is_skipped_for_the_next_largest_peak()
    {
        const double RateHz = 10;
        var spectrum = new VitalSpectrum(600, RateHz);
        var x = new double[600];
        for (int i = 0; i < x.Length; i++)
        {
            double t = i / RateHz;
            x[i] = (2 * Math.Sin(2 * Math.PI * 1.0 * t)) + (0.5 * Math.Sin(2 * Math.PI * 1.5 * t));
        }

        spectrum.Compute(x);
        var peak = spectrum.FindPeak(0.8, 2.5, 0.05, [1.0], 0.05);

        Assert.Equal(1.5, peak.FrequencyHz, 3);
    }

    [Fact]
    public void FindPeak_linear_trend_only_has_no_interior_peak_with_weight()
    {
        var spectrum = new VitalSpectrum(600, 10);
        var x = new double[600];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = 5 + (0.01 * i);
        }

        spectrum.Compute(x);
        double total = 0;
        foreach (double p in spectrum.Power)
        {
            total += p;
        }

        // The least-squares detrend removes a straight line exactly (up to rounding).
        Assert.InRange(total, 0, 1e-18);
    }
}
