using Dermis.Sensing.Scratch;

namespace Dermis.Sensing.Tests.Scratch;

public sealed class ScratchFeatureExtractorTests
{
    [Fact]
    public void Measure_sinusoidal_scratch_is_rhythmic_in_band_and_keeps_the_angle()
    {
        var night = new SyntheticWrist(60).Scratch(20, 40, 3.0, 0.2).Night;

        var f = new ScratchFeatureExtractor(20).Measure(night.X, night.Y, night.Z, 400, 800);

        Assert.Equal(20.0, f.DurationSeconds, 1e-12);
        Assert.Equal(3.0, f.DominantFrequencyHz, 0.16); // one Welch bin = 20/128 Hz
        Assert.InRange(f.BandPowerFraction, 0.95, 1.0);
        Assert.InRange(f.Rhythmicity, 0.8, 1.0);
        Assert.InRange(f.AngleChangeDegrees, 0, 1);
        // RMS of 0.2·sin on x and 0.1·sin on y: √(0.02 + 0.005) = 0.158 g.
        Assert.Equal(Math.Log10(0.158), f.Log10RmsG, 0.02);
    }

    [Fact]
    public void Measure_slow_turn_is_low_band_not_rhythmic_and_changes_the_angle()
    {
        var night = new SyntheticWrist(60).Turn(20, 26, 90).Night;

        var f = new ScratchFeatureExtractor(20).Measure(night.X, night.Y, night.Z, 400, 520);

        Assert.InRange(f.BandPowerFraction, 0, 0.1);
        Assert.InRange(f.Rhythmicity, 0, 0.5);
        Assert.Equal(90, f.AngleChangeDegrees, 1.0);
    }
}
