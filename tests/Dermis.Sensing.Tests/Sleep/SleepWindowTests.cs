using Dermis.Sensing.Sleep;

namespace Dermis.Sensing.Tests.Sleep;

public sealed class SleepWindowTests
{
    // The centred 5-min median crosses the threshold when half its window has changed state, so each edge lands within
    // a few 5-s epochs of the true transition (10 s measured at 10, 12.5 and 25 Hz); allow 2 min.
    private const double ToleranceSeconds = 2 * 60;

    [Theory]
    [InlineData(10.0)]
    [InlineData(12.5)] // 62.5 samples per 5-s epoch
    [InlineData(25.0)]
    public void Detect_synthetic_night_finds_2300_to_0700_within_two_minutes(double sampleRateHz)
    {
        var (x, y, z) = SyntheticNight.Generate(sampleRateHz, seed: 2018);

        var window = SleepWindow.Detect(x, y, z, sampleRateHz);

        Assert.NotNull(window);
        Assert.InRange(window.StartSeconds, SyntheticNight.SecondsAt(23) - ToleranceSeconds, SyntheticNight.SecondsAt(23) + ToleranceSeconds);
        Assert.InRange(window.EndSeconds, SyntheticNight.SecondsAt(31) - ToleranceSeconds, SyntheticNight.SecondsAt(31) + ToleranceSeconds);
        Assert.InRange(window.ThresholdDegrees, 0.13, 0.5); // 15 × the 10th percentile of the still night's sensor noise
        Assert.InRange(window.DurationMinutes, 470, 490);
    }

    [Fact]
    public void Detect_without_gap_filling_splits_the_night_at_the_awakening()
    {
        var (x, y, z) = SyntheticNight.Generate(10, seed: 2018);

        var window = SleepWindow.Detect(x, y, z, 10, new SleepWindowOptions { MaxGapMinutes = 10 });

        // 23:00–03:00 is longer than 03:15–07:00, so it wins.
        Assert.NotNull(window);
        Assert.InRange(window.StartSeconds, SyntheticNight.SecondsAt(23) - ToleranceSeconds, SyntheticNight.SecondsAt(23) + ToleranceSeconds);
        Assert.InRange(window.EndSeconds, SyntheticNight.SecondsAt(27) - ToleranceSeconds, SyntheticNight.SecondsAt(27) + ToleranceSeconds);
    }

    [Fact]
    public void Detect_restless_recording_without_rest_returns_null()
    {
        var random = new Random(7);
        int n = 4 * 3600 * 10;
        var x = new float[n];
        var y = new float[n];
        var z = new float[n];
        double theta = 0;
        for (int i = 0; i < n; i++)
        {
            if (i % 10 == 0)
            {
                theta = Math.Clamp(theta + ((random.NextDouble() - 0.5) * 30), -80, 80);
            }

            double t = theta * Math.PI / 180;
            x[i] = (float)Math.Cos(t);
            z[i] = (float)Math.Sin(t);
        }

        Assert.Null(SleepWindow.Detect(x, y, z, 10));
    }

    [Fact]
    public void Detect_rejects_bad_input()
    {
        Assert.Throws<ArgumentException>(() => SleepWindow.Detect(new float[10], new float[10], new float[9], 10));
        Assert.Throws<ArgumentException>(() => SleepWindow.Detect([float.NaN], [0f], [1f], 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => SleepWindow.Detect([0f], [0f], [1f], 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SleepWindow.Detect([0f], [0f], [1f], 10, new SleepWindowOptions { EpochSeconds = 7 }));
    }
}
