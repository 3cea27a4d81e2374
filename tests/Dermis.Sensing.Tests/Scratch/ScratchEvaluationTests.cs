using Dermis.Sensing.Scratch;
using Dermis.Sensing.Simulation;

namespace Dermis.Sensing.Tests.Scratch;

/// <summary>
/// The evaluation protocol of <see cref="ScratchClassifier.Default"/>: simulated 2-h nights at 20 Hz, severity = seed mod 4,
/// tuning seeds 1–20 (the only data the model saw) and held-out seeds 101–120. Event-level match: IoU ≥ 0.3 or ≥ 50 %
/// of the reference event covered, one-to-one (<see cref="ScratchAgreement"/>); counts pooled over the nights. The
/// reference includes finger-only bouts, the wrist sensor's blind spot, which caps recall near 0.8 by design.
/// F1 and r below are the values this implementation measured (regression values, 3 decimals) besides the floors the
/// task set (F1 ≥ 0.7, r ≥ 0.8).
/// </summary>
public sealed class ScratchEvaluationTests
{
    [Fact]
    public void Held_out_seeds_101_to_120_event_F1_and_duration_correlation()
    {
        var result = Evaluate(ScratchModelTraining.FirstHeldOutSeed, ScratchModelTraining.LastHeldOutSeed);

        Assert.True(result.Agreement.F1 >= 0.7, $"F1 {result.Agreement.F1:F3}");
        Assert.True(result.R >= 0.8, $"r {result.R:F3}");
        Assert.Equal(0.857, Math.Round(result.Agreement.F1, 3));
        Assert.Equal(0.928, Math.Round(result.Agreement.Precision, 3));
        Assert.Equal(0.796, Math.Round(result.Agreement.Recall, 3));
        Assert.Equal(0.988, Math.Round(result.R, 3));
    }

    [Fact]
    public void ScratchModel_refit_on_tuning_seeds_reproduces_Default()
    {
        var result = Evaluate(ScratchModelTraining.FirstTuningSeed, ScratchModelTraining.LastTuningSeed);

        var refit = ScratchModelTraining.Fit(result.Features, result.Labels);

        var shipped = ScratchClassifier.Default;
        Assert.Equal(535, result.Features.Count);
        Assert.Equal(245, result.Labels.Count(label => label));
        AssertClose(shipped.Intercept, refit.Intercept);
        for (int i = 0; i < ScratchBoutFeatures.Count; i++)
        {
            AssertClose(shipped.Means[i], refit.Means[i]);
            AssertClose(shipped.Scales[i], refit.Scales[i]);
            AssertClose(shipped.Weights[i], refit.Weights[i]);
        }

        // In-sample figures, for comparison with the held-out ones.
        Assert.Equal(0.874, Math.Round(result.Agreement.F1, 3));
        Assert.Equal(0.998, Math.Round(result.R, 3));
    }

    private static void AssertClose(double expected, double actual) => Assert.Equal(expected, actual, Math.Abs(expected) * 1e-9);

    private static Evaluation Evaluate(int firstSeed, int lastSeed)
    {
        var detector = new ScratchDetector();
        var agreement = new EventAgreement(0, 0, 0);
        var detectedTotals = new List<double>();
        var truthTotals = new List<double>();
        var features = new List<ScratchBoutFeatures>();
        var labels = new List<bool>();
        for (int seed = firstSeed; seed <= lastSeed; seed++)
        {
            var night = NightSimulator.Simulate(ScratchModelTraining.OptionsForSeed(seed), seed);
            var detection = detector.Detect(night.Night);
            agreement += ScratchAgreement.Compare(detection.Events, night.Scratch);
            detectedTotals.Add(detection.Summary.TotalDurationSeconds);
            truthTotals.Add(night.ScratchSummary.TotalDurationSeconds);
            foreach (var bout in detection.Bouts)
            {
                features.Add(bout.Features);
                labels.Add(ScratchModelTraining.Label(bout, night.Scratch));
            }
        }

        return new Evaluation(agreement, ScratchAgreement.Pearson(detectedTotals.ToArray(), truthTotals.ToArray()), features, labels);
    }

    private sealed record Evaluation(EventAgreement Agreement, double R, List<ScratchBoutFeatures> Features, List<bool> Labels);
}
