using Dermis.Sensing.Nights;
using Dermis.Sensing.Scratch;
using Dermis.Sensing.Simulation;

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
    public void Fewer_than_ten_minutes_or_unequal_axes_are_refused_with_the_reason()
    {
        var shortNight = new float[20 * 60 * 5];
        Assert.Equal("A night needs at least 10 minutes of data; got 300 s. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => NightAnalysis.Analyse(shortNight, shortNight, shortNight, 20)).Message);
        Assert.StartsWith("The axes differ in length: x 6000, y 5999",
            Assert.Throws<ArgumentException>(() => NightAnalysis.Analyse(shortNight, new float[5999], shortNight, 20)).Message, StringComparison.Ordinal);
    }
}
