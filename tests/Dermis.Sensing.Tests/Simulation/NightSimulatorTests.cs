using Dermis.Sensing.Motion;
using Dermis.Sensing.Scratch;
using Dermis.Sensing.Simulation;

namespace Dermis.Sensing.Tests.Simulation;

public sealed class NightSimulatorTests
{
    private static readonly NightSimulationOptions _oneHourModerate = new() { DurationHours = 1, Severity = ScratchSeverity.Moderate };

    [Fact]
    public void Simulate_same_seed_gives_identical_samples_and_checksum()
    {
        var a = NightSimulator.Simulate(_oneHourModerate, 42);
        var b = NightSimulator.Simulate(_oneHourModerate, 42);

        Assert.Equal(72_000, a.Night.SampleCount);
        Assert.Equal(a.Night.X, b.Night.X);
        Assert.Equal(a.Night.Y, b.Night.Y);
        Assert.Equal(a.Night.Z, b.Night.Z);
        Assert.Equal(a.Events, b.Events);

        // Regression checksum of this implementation (Σ x + 2y + 3z over the night, double accumulation of the floats),
        // rounded so that last-bit differences of Math.Sin between platforms cannot move it.
        double checksum = 0;
        for (int i = 0; i < a.Night.SampleCount; i++)
        {
            checksum += a.Night.X[i] + (2.0 * a.Night.Y[i]) + (3.0 * a.Night.Z[i]);
        }

        Assert.Equal(8509.632, Math.Round(checksum, 3));
        Assert.Equal(26, a.Events.Count);
        Assert.Equal(19, a.Scratch.Count);
    }

    [Fact]
    public void Simulate_different_seeds_differ()
    {
        var a = NightSimulator.Simulate(_oneHourModerate, 1);
        var b = NightSimulator.Simulate(_oneHourModerate, 2);

        Assert.NotEqual(a.Night.X, b.Night.X);
    }

    [Fact]
    public void PlanTruth_equals_the_ground_truth_of_Simulate()
    {
        var night = NightSimulator.Simulate(_oneHourModerate, 7);
        var (events, scratch, multiplier) = NightSimulator.PlanTruth(_oneHourModerate, 7);

        Assert.Equal(night.Events, events);
        Assert.Equal(night.Scratch, scratch);
        Assert.Equal(night.NightMultiplier, multiplier);
    }

    [Theory]
    [InlineData(ScratchSeverity.Healthy, 10.0, 20.0)]
    [InlineData(ScratchSeverity.Mild, 25.0, 60.0)]
    [InlineData(ScratchSeverity.Moderate, 160.0, 330.0)]
    [InlineData(ScratchSeverity.Severe, 360.0, 720.0)]
    public void Ground_truth_scratch_per_hour_over_200_nights_lies_in_the_published_range(ScratchSeverity severity, double lowSecondsPerHour, double highSecondsPerHour)
    {
        // Targets (§1.7): healthy 13.1 s/h (Avey 2025); mild 0.7 ± 0.4 % = 25 s/h; moderate 6.2 ± 3.7 % = 223 s/h;
        // severe 14.3 ± 13.9 % = 515 s/h (Ebata 1999). §1.7's bout process over-shoots mild and healthy slightly
        // because bouts under 5 s are redrawn; ranges allow that, and the mean of 200 nights is stable to a few %.
        var options = new NightSimulationOptions { Severity = severity };
        double total = 0;
        for (int seed = 1000; seed < 1200; seed++)
        {
            total += ScratchSummary.From(NightSimulator.PlanTruth(options, seed).Scratch, 8).DurationSecondsPerHour;
        }

        double mean = total / 200;
        Assert.InRange(mean, lowSecondsPerHour, highSecondsPerHour);
    }

    [Fact]
    public void Ground_truth_structure_follows_the_bout_process()
    {
        var options = new NightSimulationOptions { Severity = ScratchSeverity.Severe };
        int scratch = 0, finger = 0, firstThird = 0;
        double durationSum = 0;
        for (int seed = 0; seed < 100; seed++)
        {
            var (events, _, _) = NightSimulator.PlanTruth(options, seed);
            for (int i = 0; i < events.Count; i++)
            {
                var e = events[i];
                Assert.InRange(e.StartSeconds, 0, 8 * 3600);
                Assert.True(e.EndSeconds <= 8 * 3600, "events end inside the night");
                if (i > 0)
                {
                    Assert.True(e.StartSeconds - events[i - 1].EndSeconds >= NightSimulator.MinimumGapSeconds, "events are separated by still gaps");
                }

                if (e.IsScratch)
                {
                    scratch++;
                    durationSum += e.DurationSeconds;
                    finger += e.Kind == SimulatedEventKind.FingerScratch ? 1 : 0;
                    firstThird += e.StartSeconds < 8 * 3600 / 3.0 ? 1 : 0;
                    Assert.True(e.DurationSeconds >= 5 || e.EndSeconds >= (8 * 3600) - 1, "bouts are video-countable (≥ 5 s)");
                }
            }
        }

        // Finger-only share 0.2 (§1.7: 15–25 %); first-third share 0.45 of onsets (§1.7 weights), lowered a little by
        // the dead time of long bouts; severe mean bout = 30·e^(0.8²/2) ≈ 41 s.
        Assert.InRange((double)finger / scratch, 0.17, 0.23);
        Assert.InRange((double)firstThird / scratch, 0.38, 0.47);
        Assert.InRange(durationSum / scratch, 35, 48);
    }

    [Fact]
    public void Still_sleep_is_not_movement_for_either_gate()
    {
        var night = NightSimulator.Simulate(_oneHourModerate, 3);
        var inEvent = new bool[3600];
        foreach (var e in night.Events)
        {
            for (int s = Math.Max(0, (int)e.StartSeconds - 2); s < Math.Min(3600, (int)e.EndSeconds + 3); s++)
            {
                inEvent[s] = true;
            }
        }

        // RCoV never fires on still sleep; Ji's CoV branch divides by |mean| + 0.01 of a high-passed signal and so fires
        // on isolated seconds of 3–5 mg white noise (0.24 % of still seconds in this night), which the classifier rejects.
        foreach (var (gate, allowedPerMille) in new (IMotionGate, int)[] { (new MotionDetectRCoV(), 0), (new MotionDetectRCoVMaxSD(), 5) })
        {
            var flags = gate.Detect(night.Night);
            int falseSeconds = 0, stillSeconds = 0;
            for (int s = 0; s < flags.Length; s++)
            {
                stillSeconds += inEvent[s] ? 0 : 1;
                falseSeconds += flags[s] && !inEvent[s] ? 1 : 0;
            }

            Assert.True(stillSeconds > 2000);
            Assert.True(falseSeconds <= stillSeconds * allowedPerMille / 1000, $"{gate.GetType().Name}: {falseSeconds} of {stillSeconds} still seconds flagged");
        }
    }

    [Fact]
    public void Wrist_scratch_passes_the_Ji_gate_and_finger_scratch_mostly_does_not()
    {
        int wrist = 0, wristSeen = 0, finger = 0, fingerSeen = 0;
        foreach (int seed in new[] { 5, 6, 7, 8 })
        {
            var night = NightSimulator.Simulate(_oneHourModerate, seed);
            var flags = new MotionDetectRCoVMaxSD().Detect(night.Night);
            Count(night, flags, ref wrist, ref wristSeen, ref finger, ref fingerSeen);
        }

        Assert.True(wrist > 20);
        Assert.True(finger >= 5);
        Assert.Equal(wrist, wristSeen);
        Assert.True(fingerSeen <= finger / 2, $"{fingerSeen} of {finger} finger-only bouts passed the gate");
    }

    private static void Count(SimulatedNight night, bool[] flags, ref int wrist, ref int wristSeen, ref int finger, ref int fingerSeen)
    {
        foreach (var e in night.Events)
        {
            bool seen = false;
            for (int s = (int)e.StartSeconds; s < Math.Min(flags.Length, (int)e.EndSeconds); s++)
            {
                seen |= flags[s];
            }

            if (e.Kind == SimulatedEventKind.Scratch)
            {
                wrist++;
                wristSeen += seen ? 1 : 0;
            }
            else if (e.Kind == SimulatedEventKind.FingerScratch)
            {
                finger++;
                fingerSeen += seen ? 1 : 0;
            }
        }
    }

    [Fact]
    public void Simulate_option_out_of_range_names_the_option()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NightSimulator.Simulate(new NightSimulationOptions { DurationHours = 0 }, 1));

        Assert.Contains("DurationHours", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScratchBoutProfile_severity_lengthens_bouts()
    {
        double previous = 0;
        foreach (var severity in new[] { ScratchSeverity.Healthy, ScratchSeverity.Mild, ScratchSeverity.Moderate, ScratchSeverity.Severe })
        {
            double median = ScratchBoutProfile.For(severity).MedianBoutSeconds;
            Assert.True(median > previous);
            previous = median;
        }
    }
}
