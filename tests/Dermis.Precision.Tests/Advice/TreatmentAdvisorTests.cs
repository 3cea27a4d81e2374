using Dermis.Precision.Advice;
using Dermis.Precision.Prediction;
using Dermis.Precision.Tests.Prediction;
using Xunit.Abstractions;

namespace Dermis.Precision.Tests.Advice;

/// <summary>
/// Known-truth treatment-by-biomarker interaction: logit P(placebo) = −1 − 0.04·(easi − 24);
/// logit P(active) = the same + 0.3 + 1.6·il13 (il13 a standardised baseline sweat cytokine), so
/// active helps only when il13 is high enough (crossover at il13 ≈ −0.19). One noise feature.
/// </summary>
public sealed class TreatmentAdvisorTests(ITestOutputHelper output)
{
    private static readonly string[] Features = ["il13", "easi", "noise"];

    internal static (Dictionary<string, double?> Baseline, double Placebo, double Active) Participant(Random rng)
    {
        var il13 = SimulatedTrial.Normal(rng);
        var easi = 24 + 8 * SimulatedTrial.Normal(rng);
        var baseline = new Dictionary<string, double?> { ["il13"] = il13, ["easi"] = easi, ["noise"] = SimulatedTrial.Normal(rng) };
        var placebo = -1 - 0.04 * (easi - 24);
        return (baseline, Logistic(placebo), Logistic(placebo + 0.3 + 1.6 * il13));
    }

    internal static List<AdviceTrainingRow> Trial(int perArm, Random rng)
    {
        var rows = new List<AdviceTrainingRow>();
        for (var i = 0; i < 2 * perArm; i++)
        {
            var (baseline, placebo, active) = Participant(rng);
            var arm = i % 2 == 0 ? "active" : "placebo";
            rows.Add(new AdviceTrainingRow($"S{i:D4}", arm, baseline, rng.NextDouble() < (arm == "active" ? active : placebo)));
        }

        return rows;
    }

    [Fact]
    public void Advise_simulatedInteraction_picksTrueBestArmAndCoversTrueProbability()
    {
        // Default options: near-zero ridge (λ = 0.001), 200 bootstrap resamples.
        var (agreement, eligible, coverage, differenceCoverage) = Measure(trial => new AdvisorOptions { Seed = trial + 1 });
        output.WriteLine($"default λ: agreement {agreement:F3} over {eligible} participants with |true difference| > 0.15; " +
            $"arm-probability coverage {coverage:F3} over 4000 intervals; difference coverage {differenceCoverage:F3} over 2000");

        Assert.True(agreement >= 0.90, $"agreement {agreement}");
        // Nominal 0.95 (8 trials × 250 new participants × 2 arms; intervals within a trial are correlated).
        Assert.InRange(coverage, 0.88, 0.99);
        Assert.InRange(differenceCoverage, 0.85, 0.995);
    }

    [Fact]
    public void Advise_crossValidatedLambda_ranksArmsButUndercoversAsDocumented()
    {
        // The trade-off stated in AdvisorOptions.Model: CV-tuned ridge shrinks towards each arm's mean.
        var (agreement, eligible, coverage, _) = Measure(trial => new AdvisorOptions { Seed = trial + 1, Model = new LogisticOptions { Lambda = null } });
        output.WriteLine($"CV λ: agreement {agreement:F3} over {eligible}; arm-probability coverage {coverage:F3}");

        Assert.True(agreement >= 0.90, $"agreement {agreement}");
        Assert.InRange(coverage, 0.6, 0.9);
    }

    private static (double Agreement, int Eligible, double Coverage, double DifferenceCoverage) Measure(Func<int, AdvisorOptions> options)
    {
        const int Trials = 8, TestParticipants = 250;
        int agree = 0, eligible = 0, covered = 0, differenceCovered = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var rng = new Random(100 + trial);
            var advisor = TreatmentAdvisor.Fit(Trial(250, rng), Features, options(trial));
            for (var t = 0; t < TestParticipants; t++)
            {
                var (baseline, placebo, active) = Participant(rng);
                var advice = advisor.Advise(baseline);
                if (Math.Abs(active - placebo) > 0.15)
                {
                    eligible++;
                    agree += advice.BestArm == (active > placebo ? "active" : "placebo") ? 1 : 0;
                }

                foreach (var arm in advice.Arms)
                {
                    var truth = arm.Arm == "active" ? active : placebo;
                    covered += truth >= arm.Lower && truth <= arm.Upper ? 1 : 0;
                }

                var trueDifference = advice.BestArm == "active" ? active - placebo : placebo - active;
                differenceCovered += trueDifference >= advice.DifferenceLower && trueDifference <= advice.DifferenceUpper ? 1 : 0;
            }
        }

        const double Profiles = Trials * TestParticipants;
        return (agree / (double)eligible, eligible, covered / (2 * Profiles), differenceCovered / Profiles);
    }

    [Fact]
    public void Advise_anyProfile_intervalsContainPointAndDifferenceIsBestMinusNext()
    {
        var rng = new Random(3);
        var advisor = TreatmentAdvisor.Fit(Trial(120, rng), Features, new AdvisorOptions { Seed = 5 });
        for (var t = 0; t < 40; t++)
        {
            var advice = advisor.Advise(Participant(rng).Baseline);
            var best = advice.Arms.Single(a => a.Arm == advice.BestArm);
            var other = advice.Arms.Single(a => a.Arm != advice.BestArm);
            Assert.Equal(best.Probability - other.Probability, advice.Difference, 14);
            Assert.True(advice.Difference >= 0);
            Assert.All(advice.Arms, a => Assert.InRange(a.Probability, 0, 1));
            Assert.All(advice.Arms, a => Assert.True(a.Lower <= a.Upper));
            Assert.True(advice.DifferenceLower <= advice.DifferenceUpper);
        }

        Assert.Equal(["active", "placebo"], advisor.Arms);
        Assert.Contains("active: n = 120", advisor.Advise(Participant(rng).Baseline).TrainedOn, StringComparison.Ordinal);
        Assert.Contains("not a prescription", advisor.Advise(Participant(rng).Baseline).TrainedOn, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_singleArm_throws()
    {
        var rows = Trial(30, new Random(1)).ConvertAll(r => r with { Arm = "active" });
        var ex = Assert.Throws<ArgumentException>(() => TreatmentAdvisor.Fit(rows, Features, new AdvisorOptions()));
        Assert.Contains("1 arm(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_armWithoutResponders_throwsNamingArm()
    {
        var rows = Trial(30, new Random(1)).ConvertAll(r => r.Arm == "placebo" ? r with { Responded = false } : r);
        var ex = Assert.Throws<ArgumentException>(() => TreatmentAdvisor.Fit(rows, Features, new AdvisorOptions()));
        Assert.Contains("Arm 'placebo'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0 events", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_tooFewBootstrapResamples_throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => TreatmentAdvisor.Fit(Trial(30, new Random(1)), Features, new AdvisorOptions { BootstrapResamples = 50 }));
        Assert.Contains("BootstrapResamples is 50", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_handExample_equalsRQuantileType7()
    {
        // R: quantile(c(1, 2, 3, 4, 10), c(0.025, 0.5, 0.975)) = 1.1, 3, 9.4 (position (n−1)q = 0.1, 2, 3.9).
        double[] values = [10, 3, 1, 4, 2];
        Assert.Equal(1.1, Percentile.Of(values, 0.025), 12);
        Assert.Equal(3, Percentile.Of(values, 0.5), 12);
        Assert.Equal(9.4, Percentile.Of(values, 0.975), 12);
    }

    private static double Logistic(double t) => 1 / (1 + Math.Exp(-t));
}
