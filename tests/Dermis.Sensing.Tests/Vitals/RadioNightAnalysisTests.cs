using Dermis.Sensing.Vitals;

namespace Dermis.Sensing.Tests.Vitals;

/// <summary>
/// <see cref="RadioNightAnalysis"/> on hand-built signals and on simulated nights built to trigger each quality rule.
/// </summary>
public sealed class RadioNightAnalysisTests
{
    private static float[] Sine(double hours, double rateHz, double frequencyHz, double amplitudeMm)
    {
        var x = new float[(int)Math.Round(hours * 3600 * rateHz)];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(amplitudeMm * Math.Sin(2 * Math.PI * frequencyHz * i / rateHz));
        }

        return x;
    }

    [Theory]
    [InlineData(20.0, 0.2537)]
    [InlineData(10.0, 0.1500)]
    [InlineData(50.0, 0.4321)]
    [InlineData(7.5, 0.3000)]
    public void Analyse_pure_sinusoid_gives_its_rate_within_five_hundredths_per_minute(double rateHz, double frequencyHz)
    {
        // Hand-computed truth: 60 · f, e.g. 60 × 0.2537 Hz = 15.222 /min.
        var result = RadioNightAnalysis.Analyse(Sine(1, rateHz, frequencyHz, 4), rateHz);

        Assert.Equal(VitalsQuality.Good, result.Vitals.Quality);
        Assert.InRange(result.Vitals.RespirationRatePerMinute!.Value, (60 * frequencyHz) - 0.05, (60 * frequencyHz) + 0.05);
        Assert.InRange(result.Vitals.RespirationRateIqr!.Value, 0, 0.05);
        Assert.Equal(1.0, result.Vitals.UsableFraction);
        Assert.Equal(0.0, result.Vitals.MotionFraction);
        Assert.Empty(result.MotionBouts);
        Assert.Null(result.Vitals.HeartRatePerMinute);
        Assert.Equal(RadioNightAnalysis.AlgorithmVersion, result.Vitals.AlgorithmVersion);
    }

    [Fact]
    public void Analyse_breathing_plus_heartbeat_tones_gives_both_rates()
    {
        // 16 /min breathing at 5 mm and 72 /min heartbeat at 0.3 mm: 1.2 Hz is 4.5 × 0.2667 Hz, between harmonics.
        const double RateHz = 20;
        var x = Sine(1, RateHz, 16 / 60.0, 5);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += (float)(0.3 * Math.Sin(2 * Math.PI * 1.2 * i / RateHz));
        }

        var vitals = RadioNightAnalysis.Analyse(x, RateHz).Vitals;

        Assert.InRange(vitals.RespirationRatePerMinute!.Value, 15.95, 16.05);
        Assert.InRange(vitals.HeartRatePerMinute!.Value, 71.95, 72.05);
    }

    [Fact]
    public void Analyse_ten_minutes_is_too_short_with_null_rates()
    {
        var night = RadioNightSimulator.Simulate(new RadioNightSimulationOptions { DurationHours = 10 / 60.0, MotionBurstCount = 0 }, 5);

        var result = RadioNightAnalysis.Analyse(night.DisplacementMm, night.SampleRateHz);

        Assert.Equal(VitalsQuality.TooShort, result.Vitals.Quality);
        Assert.Null(result.Vitals.RespirationRatePerMinute);
        Assert.Null(result.Vitals.HeartRatePerMinute);
        Assert.Equal("the recording lasts 10 min (at least 30 min needed)", result.Vitals.QualityReason);
        Assert.Equal(19, result.Windows.Count); // (600 − 60) / 30 + 1
        Assert.Equal(10, result.RestPerMinute.Count);
    }

    [Fact]
    public void Analyse_shorter_than_one_window_has_no_windows()
    {
        var result = RadioNightAnalysis.Analyse(Sine(20 / 3600.0, 20, 0.25, 4), 20);

        Assert.Empty(result.Windows);
        Assert.Equal(VitalsQuality.TooShort, result.Vitals.Quality);
        Assert.Equal(0, result.Vitals.UsableFraction);
    }

    [Fact]
    public void Analyse_pure_noise_is_weak_signal_with_null_rates()
    {
        var options = new RadioNightSimulationOptions
        {
            DurationHours = 2,
            MinBreathingAmplitudeMm = 0,
            MaxBreathingAmplitudeMm = 0,
            MinHeartAmplitudeMm = 0,
            MaxHeartAmplitudeMm = 0,
            MotionBurstCount = 0,
        };
        for (int seed = 1; seed <= 3; seed++)
        {
            var night = RadioNightSimulator.Simulate(options, seed);

            var vitals = RadioNightAnalysis.Analyse(night.DisplacementMm, night.SampleRateHz).Vitals;

            Assert.Equal(VitalsQuality.WeakSignal, vitals.Quality);
            Assert.Null(vitals.RespirationRatePerMinute);
            Assert.Null(vitals.HeartRatePerMinute);
            Assert.InRange(vitals.UsableFraction, 0, 0.25);
            Assert.StartsWith("a clear breathing peak was found in ", vitals.QualityReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Analyse_night_with_sixty_percent_motion_is_motion_swamped_with_null_rates()
    {
        // 4 h with 150 bursts of 50–70 s: 9,000 of 14,400 s (62 %) in motion.
        var options = new RadioNightSimulationOptions { DurationHours = 4, MotionBurstCount = 150, MinMotionSeconds = 50, MaxMotionSeconds = 70 };
        var night = RadioNightSimulator.Simulate(options, 11);
        double motionSeconds = night.Bursts.Sum(b => b.EndSeconds - b.StartSeconds);
        Assert.InRange(motionSeconds / (4 * 3600), 0.6, 0.66);

        var vitals = RadioNightAnalysis.Analyse(night.DisplacementMm, night.SampleRateHz).Vitals;

        Assert.Equal(VitalsQuality.MotionSwamped, vitals.Quality);
        Assert.Null(vitals.RespirationRatePerMinute);
        Assert.Null(vitals.RespirationRateIqr);
        Assert.Null(vitals.HeartRatePerMinute);
        Assert.InRange(vitals.MotionFraction, 0.6, 1);
        Assert.Matches(@"^motion swamped \d+ % of the night \(at most 50 % allowed\)$", vitals.QualityReason);
    }

    [Fact]
    public void Analyse_windows_inside_motion_are_flagged_and_still_windows_mostly_not()
    {
        int inside = 0, flaggedInside = 0, still = 0, flaggedStill = 0;
        for (int seed = 1; seed <= 5; seed++)
        {
            var night = RadioNightSimulator.Simulate(new RadioNightSimulationOptions { DurationHours = 4, MotionBurstCount = 12 }, seed);
            var result = RadioNightAnalysis.Analyse(night.DisplacementMm, night.SampleRateHz);
            foreach (var w in result.Windows)
            {
                // A window holding a burst's middle must be flagged; one within 10 s of no burst should not be.
                bool holdsMiddle = night.Bursts.Any(b => (b.StartSeconds + b.EndSeconds) / 2 is var m && m >= w.StartSeconds && m < w.EndSeconds);
                bool clear = !night.Bursts.Any(b => b.StartSeconds < w.EndSeconds + 10 && b.EndSeconds > w.StartSeconds - 10);
                inside += holdsMiddle ? 1 : 0;
                flaggedInside += holdsMiddle && w.Motion ? 1 : 0;
                still += clear ? 1 : 0;
                flaggedStill += clear && w.Motion ? 1 : 0;
                Assert.True(!w.Motion || (w.RespirationRatePerMinute is null && w.HeartRatePerMinute is null));
            }

            Assert.All(result.MotionBouts, b => Assert.True(b.PeakToPeakMm > 0 && b.EndSeconds > b.StartSeconds));
        }

        Assert.Equal(inside, flaggedInside);
        Assert.InRange((double)flaggedStill / still, 0, 0.005);
    }

    [Fact]
    public void Analyse_rest_excludes_the_minute_after_motion()
    {
        const double RateHz = 20;
        var x = Sine(1, RateHz, 0.25, 4);
        for (int i = (int)(600 * RateHz); i < (int)(610 * RateHz); i++)
        {
            x[i] += (float)(80 * Math.Sin(2 * Math.PI * 0.8 * i / RateHz));
        }

        var result = RadioNightAnalysis.Analyse(x, RateHz);

        var bout = Assert.Single(result.MotionBouts);
        Assert.InRange(bout.StartSeconds, 595, 600);
        Assert.InRange(bout.EndSeconds, 610, 615);
        Assert.InRange(bout.PeakToPeakMm, 150, 170);
        Assert.True(result.RestPerMinute[8]);
        Assert.False(result.RestPerMinute[9]); // holds the bout's first seconds
        Assert.False(result.RestPerMinute[10]);
        Assert.False(result.RestPerMinute[11]);
        Assert.True(result.RestPerMinute[12]);
        Assert.All(result.Windows, w => Assert.Equal(w.Rest, !w.Motion && !(w.StartSeconds - 60 < bout.EndSeconds && w.EndSeconds > bout.StartSeconds)));
    }

    [Fact]
    public void Analyse_same_input_gives_identical_results()
    {
        var night = RadioNightSimulator.Simulate(new RadioNightSimulationOptions { DurationHours = 1 }, 2);

        var a = RadioNightAnalysis.Analyse(night.DisplacementMm, night.SampleRateHz);
        var b = RadioNightAnalysis.Analyse(night.DisplacementMm, night.SampleRateHz);

        Assert.Equal(a.Vitals, b.Vitals);
        Assert.Equal(a.Windows, b.Windows);
        Assert.Equal(a.MotionBouts, b.MotionBouts);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-20.0)]
    [InlineData(4.9)]
    [InlineData(501.0)]
    [InlineData(double.PositiveInfinity)]
    public void Analyse_sample_rate_out_of_range_names_parameter_and_range(double rateHz)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RadioNightAnalysis.Analyse(new float[1000], rateHz));

        Assert.Equal("sampleRateHz", ex.ParamName);
        Assert.Contains("5–500 Hz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_empty_series_names_parameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => RadioNightAnalysis.Analyse([], 20));

        Assert.Equal("displacementMm", ex.ParamName);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Analyse_non_finite_sample_names_parameter_and_index(float bad)
    {
        var x = new float[2000];
        x[1234] = bad;

        var ex = Assert.Throws<ArgumentException>(() => RadioNightAnalysis.Analyse(x, 20));

        Assert.Equal("displacementMm", ex.ParamName);
        Assert.Contains("displacementMm[1234]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("finite", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_option_out_of_range_names_field_and_range()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => RadioNightAnalysis.Analyse(new float[2000], 20, VitalSignsOptions.Default with { WindowSeconds = 5 }));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("VitalSignsOptions.WindowSeconds is 5s; it must lie in [20, 300]s.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_even_heart_averaging_is_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => RadioNightAnalysis.Analyse(new float[2000], 20, VitalSignsOptions.Default with { HeartAveragingWindows = 4 }));

        Assert.Contains("HeartAveragingWindows", ex.Message, StringComparison.Ordinal);
    }
}
