using Dermis.Sensing.Vitals;

namespace Dermis.Sensing.Tests.Vitals;

/// <summary>The seeded radio-night simulator: reproducible, truth within the configured ranges, bursts as asked.</summary>
public sealed class RadioNightSimulatorTests
{
    private static readonly RadioNightSimulationOptions OneHour = new() { DurationHours = 1 };

    [Fact]
    public void Simulate_same_seed_gives_identical_samples_and_other_seed_differs()
    {
        var a = RadioNightSimulator.Simulate(OneHour, 7);
        var b = RadioNightSimulator.Simulate(OneHour, 7);
        var c = RadioNightSimulator.Simulate(OneHour, 8);

        Assert.Equal(a.DisplacementMm, b.DisplacementMm);
        Assert.NotEqual(a.DisplacementMm, c.DisplacementMm);
        Assert.Equal(72_000, a.DisplacementMm.Length);
    }

    [Fact]
    public void Simulate_consecutive_seeds_draw_unrelated_rates()
    {
        // System.Random's first draws for seeds 1, 2, 3 … are correlated; the simulator scrambles the seed.
        var rates = new List<double>();
        for (int seed = 1; seed <= 12; seed++)
        {
            rates.Add(RadioNightSimulator.Simulate(OneHour with { MotionBurstCount = 0 }, seed).TrueHeartRatePerMinute);
        }

        int falling = 0;
        for (int i = 1; i < rates.Count; i++)
        {
            falling += rates[i] < rates[i - 1] ? 1 : 0;
        }

        Assert.InRange(falling, 2, 9);
    }

    [Fact]
    public void Simulate_truth_lies_within_the_configured_ranges()
    {
        for (int seed = 1; seed <= 5; seed++)
        {
            var night = RadioNightSimulator.Simulate(OneHour, seed);
            foreach (var e in night.Epochs)
            {
                // Base ranges ± the simulated variability (slow ±10 %, jitter, RSA, arousal +12 %).
                Assert.InRange(e.RespirationRatePerMinute, 10 * 0.8, 20 * 1.2);
                Assert.InRange(e.HeartRatePerMinute, 50 * 0.85, 100 * 1.3);
            }

            Assert.Equal(16, night.Bursts.Count);
            Assert.Equal(120, night.Epochs.Count);
        }
    }

    [Fact]
    public void Simulate_bursts_are_disjoint_in_time_order_with_the_configured_excursions()
    {
        var night = RadioNightSimulator.Simulate(new RadioNightSimulationOptions { DurationHours = 2, MotionBurstCount = 40 }, 3);

        for (int i = 0; i < night.Bursts.Count; i++)
        {
            var b = night.Bursts[i];
            Assert.InRange(b.EndSeconds - b.StartSeconds, 3 - 1e-9, 40 + 1e-9);
            Assert.InRange(b.ExcursionMm, 20, 200);
            Assert.True(i == 0 || night.Bursts[i - 1].EndSeconds <= b.StartSeconds);
        }
    }

    [Fact]
    public void Simulate_option_out_of_range_names_it()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RadioNightSimulator.Simulate(OneHour with { SampleRateHz = 2 }, 1));

        Assert.Contains("SampleRateHz", ex.Message, StringComparison.Ordinal);
        Assert.Equal("options", ex.ParamName);
    }
}
