using Dermis.Sensing.Nights;
using Dermis.Sensing.Scratch;
using Dermis.Sensing.Simulation;
using Dermis.Sensing.Tests.Scratch;

namespace Dermis.Sensing.Tests.Nights;

public sealed class NightAnalysisTests
{
    [Fact]
    public void A_simulated_severe_night_gives_sleep_and_scratch_measures_consistent_with_its_events()
    {
        var simulated = NightSimulator.Simulate(new NightSimulationOptions { DurationHours = 3, Severity = ScratchSeverity.Severe }, 101);
        var night = simulated.Night;

        var result = NightAnalysis.Analyse(night.X, night.Y, night.Z, night.SampleRateHz);
        var m = result.Measures;

        // The measures are the events' own arithmetic, per hour of the window.
        var hours = (m.WindowEndSeconds - m.WindowStartSeconds) / 3600;
        Assert.Equal(result.Events.Count, m.ScratchEvents);
        Assert.Equal(result.Events.Sum(e => e.EndSeconds - e.StartSeconds), m.ScratchSeconds, 9);
        Assert.Equal(m.ScratchEvents / hours, m.ScratchEventsPerHour, 9);
        Assert.Equal(m.ScratchSeconds / hours, m.ScratchSecondsPerHour, 9);
        Assert.Equal(m.TotalSleepOpportunityMinutes, hours * 60, 0);
        Assert.InRange(m.SleepEfficiency, 0, 1);
        Assert.Equal(SensingInfo.AlgorithmVersion, m.AlgorithmVersion);
        // Against the simulator's truth: most true scratch inside the window is found (the detector's held-out recall is about 0.8).
        var truth = simulated.Scratch.Where(e => e.StartSeconds >= m.WindowStartSeconds && e.StartSeconds < m.WindowEndSeconds).ToList();
        var agreement = ScratchAgreement.Compare(result.Events, truth);
        Assert.True(truth.Count >= 5, $"the severe night should hold scratch; it holds {truth.Count} events");
        Assert.InRange((double)agreement.TruePositives / truth.Count, 0.6, 1.0);
    }

    [Fact]
    public void A_still_twenty_minutes_with_one_strong_scratch_gives_the_hand_computed_measures()
    {
        // 20 min still (3 mg noise) with a 30-s scratch at 300–330 s: 3.5 Hz, 0.6 g on x and 0.3 g on y (SyntheticWrist).
        var night = new SyntheticWrist(1200).Scratch(300, 330, 3.5, 0.6).Night;

        var m = NightAnalysis.Analyse(night.X, night.Y, night.Z, night.SampleRateHz).Measures;

        // No rest block longer than 30 min, so the whole recording stands in for the window: 20 min, 1/3 h.
        Assert.False(m.WindowFound);
        Assert.Equal((0.0, 1200.0, 20.0), (m.WindowStartSeconds, m.WindowEndSeconds, m.TotalSleepOpportunityMinutes));
        // One event of 30 s (± one 1-s gate window at each edge): 1 / (1/3 h) = 3 events/h, 90 ± 6 s/h.
        Assert.Equal(1, m.ScratchEvents);
        Assert.Equal(3.0, m.ScratchEventsPerHour, 1e-12);
        Assert.InRange(m.ScratchSeconds, 28, 32);
        Assert.Equal(m.ScratchSeconds * 3, m.ScratchSecondsPerHour, 1e-9);
        // Minute 5 holds the scratch: activity index √(mean(0.6²/2, 0.3²/2, 0) × 30/60 s) = 0.194 g, Cole–Kripke score
        // 0.243 × 16.19 × 0.194 = 0.76 ≥ 0.5 → wake; its neighbours score ≤ 0.243 × 6.87 × 0.194 = 0.32 → sleep.
        // So 19 of 20 minutes asleep, one awakening of 1 min, asleep from the first minute.
        Assert.Equal((19.0, 0.95, 1.0, 0.0, 1), (m.TotalSleepTimeMinutes, m.SleepEfficiency, m.WakeAfterSleepOnsetMinutes, m.SleepOnsetLatencyMinutes, m.Awakenings));
    }

    [Fact]
    public void Fewer_than_ten_minutes_or_unequal_axes_are_refused_with_the_reason()
    {
        var shortNight = new float[20 * 60 * 5];
        Assert.Equal("A night needs at least 10 minutes of data; got 300 s. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => NightAnalysis.Analyse(shortNight, shortNight, shortNight, 20)).Message);
        Assert.StartsWith("The axes differ in length: x 6000, y 5999",
            Assert.Throws<ArgumentException>(() => NightAnalysis.Analyse(shortNight, new float[5999], shortNight, 20)).Message, StringComparison.Ordinal);
    }
}
