using Dermis.Precision.Prediction;

namespace Dermis.Precision.Tests.Prediction;

public sealed class RocAnalysisTests
{
    // Events X = {0.9, 0.6, 0.4}, non-events Y = {0.7, 0.4, 0.3, 0.1} (one tie at 0.4).
    private static readonly double[] Scores = [0.9, 0.7, 0.6, 0.4, 0.4, 0.3, 0.1];
    private static readonly bool[] Outcomes = [true, false, true, true, false, false, false];

    [Fact]
    public void Auc_handExample_equalsMannWhitneyU()
    {
        // Ranks of the pooled scores: 0.1→1, 0.3→2, 0.4,0.4→3.5, 0.6→5, 0.7→6, 0.9→7.
        // Rank sum of events R₁ = 7 + 5 + 3.5 = 15.5, U = R₁ − m(m+1)/2 = 15.5 − 6 = 9.5, AUC = U/(m·n) = 9.5/12.
        Assert.Equal(9.5 / 12, RocAnalysis.Auc(Scores, Outcomes), 15);
    }

    [Fact]
    public void DeLong_handExample_equalsStructuralComponentVariance()
    {
        // ψ rows (events) × columns (non-events 0.7, 0.4, 0.3, 0.1):
        //   0.9: 1 1   1 1  → V10 = 4/4
        //   0.6: 0 1   1 1  → V10 = 3/4
        //   0.4: 0 ½   1 1  → V10 = 2.5/4
        // V01 (columns): 1/3, 2.5/3, 1, 1. Mean of both = 19/24.
        // S10 = [(5/24)² + (1/24)² + (4/24)²]/2 = 21/576; S01 = [(11/24)² + (1/24)² + 2·(5/24)²]/3 = 172/1728.
        // Var = S10/3 + S01/4 = 7/576 + 43/1728 = 64/1728 = 1/27.
        var (auc, variance) = RocAnalysis.DeLong(Scores, Outcomes);
        Assert.Equal(19.0 / 24, auc, 15);
        Assert.Equal(1.0 / 27, variance, 15);
    }

    [Fact]
    public void Auc_reversedScores_isOneMinusAuc()
    {
        // Property: negating every score swaps ψ(x, y) with 1 − ψ(x, y) (ties stay ½).
        var rng = new Random(11);
        for (var trial = 0; trial < 50; trial++)
        {
            var n = rng.Next(4, 40);
            var scores = new double[n];
            var outcomes = new bool[n];
            for (var i = 0; i < n; i++)
            {
                scores[i] = Math.Round(rng.NextDouble(), 1);
                outcomes[i] = i < 2 ? i == 0 : rng.NextDouble() < 0.4;
            }

            var negated = Array.ConvertAll(scores, s => -s);
            Assert.Equal(1 - RocAnalysis.Auc(scores, outcomes), RocAnalysis.Auc(negated, outcomes), 12);
            Assert.Equal(RocAnalysis.DeLong(scores, outcomes).Variance, RocAnalysis.DeLong(negated, outcomes).Variance, 12);
        }
    }

    [Fact]
    public void Calibration_twoGroupHandExample_givesClosedFormInterceptSlopeAndBrier()
    {
        // 10 participants predicted 0.2 (3 events), 10 predicted 0.6 (5 events).
        var predicted = new double[20];
        var outcomes = new bool[20];
        for (var i = 0; i < 10; i++)
        {
            (predicted[i], outcomes[i]) = (0.2, i < 3);
            (predicted[10 + i], outcomes[10 + i]) = (0.6, i < 5);
        }

        var (intercept, slope) = CalibrationAnalysis.Recalibrate(predicted, outcomes);
        // Σp = 2 + 6 = 8 = events, so logit P = a + lp is solved by a = 0 (e^a = 1 solves 1.8u² + 1.4u − 3.2 = 0).
        Assert.Equal(0, intercept, 10);
        // Two lp values → saturated fit: b = (logit 0.5 − logit 0.3)/(logit 0.6 − logit 0.2) = ln(7/3)/ln 6.
        Assert.Equal(Math.Log(7.0 / 3) / Math.Log(6), slope, 10);
        // Brier: [3·0.8² + 7·0.2² + 5·0.4² + 5·0.6²]/20 = 4.8/20.
        Assert.Equal(0.24, CalibrationAnalysis.Brier(predicted, outcomes), 14);
        var bins = CalibrationAnalysis.Bins(predicted, outcomes, 10);
        Assert.Equal(10, bins.Length);
        Assert.All(bins, b => Assert.Equal(2, b.Count));
        Assert.Equal(0.2, bins[0].MeanPredicted, 14);
        Assert.Equal(0.6, bins[9].MeanPredicted, 14);
    }

    [Fact]
    public void StratifiedFolds_anySeed_balancesEachClassAcrossFolds()
    {
        var outcomes = new bool[53];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = i % 3 == 0; // 18 events, 35 non-events
        }

        for (var seed = 0; seed < 20; seed++)
        {
            var folds = StratifiedFolds.Assign(outcomes, 5, seed);
            for (var f = 0; f < 5; f++)
            {
                int events = 0, nonEvents = 0;
                for (var i = 0; i < folds.Length; i++)
                {
                    if (folds[i] == f)
                    {
                        _ = outcomes[i] ? events++ : nonEvents++;
                    }
                }

                Assert.InRange(events, 3, 4);     // 18/5
                Assert.InRange(nonEvents, 7, 8);  // 35/5 with the round-robin carried over
            }
        }
    }
}
