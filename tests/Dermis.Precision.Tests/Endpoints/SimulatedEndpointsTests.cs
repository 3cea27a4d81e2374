using Dermis.Precision.Design;
using Dermis.Precision.Endpoints;

namespace Dermis.Precision.Tests.Endpoints;

public sealed class SimulatedEndpointsTests
{
    [Fact]
    public void Dataset_keeps_every_participant_visit_and_the_discontinuation_before_the_missing_visits()
    {
        var trial = new TrialSimulator(TrialSettings.SoloLike(200)).Simulate(7);

        var dataset = SimulatedEndpoints.Dataset(trial, "active", "placebo");

        Assert.Equal(["week2", "week4", "week8", "week12", "week16"], dataset.Visits.Select(v => v.Id));
        Assert.Equal([15, 29, 57, 85, 113], dataset.Visits.Select(v => v.Day));
        Assert.Equal(200, dataset.Participants.Count);
        foreach (var (simulated, participant) in trial.Participants.Zip(dataset.Participants))
        {
            Assert.Equal(simulated.BaselineEasi, participant.Baseline.Easi);
            var firstGone = simulated.Visits.FirstOrDefault(v => v.DiscontinuedBefore);
            Assert.Equal(firstGone is null ? null : (7 * firstGone.Week) + 1 - 1, participant.DiscontinuedOnDay);
            Assert.Equal(simulated.Visits.Count(v => v.Week > 0 && v.Easi is not null), participant.Visits.Count(v => v.Values.Easi is not null));
        }
    }

    [Fact]
    public void MmrmTrial_rejects_at_about_alpha_without_an_effect_and_nearly_always_with_the_solo_effect()
    {
        // Equal arms: rejections ~ Binomial(200, 0.05); 20 or more has probability < 0.001.
        var none = new TrialSimulator(TrialSettings.SoloLike(120, placeboEasi75: 0.3, activeEasi75: 0.3));
        var nullPower = Power.Simulate(SimulatedEndpoints.MmrmTrial(none, 16, "active", "placebo"), 200, 11);
        // SOLO-like effect (15 % vs 48 % EASI-75) on 120 participants: the mean percent change differs by ~30 points.
        var solo = new TrialSimulator(TrialSettings.SoloLike(120));
        var soloPower = Power.Simulate(SimulatedEndpoints.MmrmTrial(solo, 16, "active", "placebo"), 50, 11);

        Assert.InRange(nullPower.Power, 0, 0.095);
        Assert.True(soloPower.Power >= 0.9, $"power {soloPower.Power}");
    }

    [Fact]
    public void MmrmTrial_refuses_a_week_that_is_not_a_visit()
    {
        var e = Assert.Throws<ArgumentException>(() => SimulatedEndpoints.MmrmTrial(new TrialSimulator(TrialSettings.SoloLike()), 10, "active", "placebo"));

        Assert.StartsWith("week = 10 is not a post-baseline visit week; allowed 2, 4, 8, 12, 16.", e.Message, StringComparison.Ordinal);
    }
}
