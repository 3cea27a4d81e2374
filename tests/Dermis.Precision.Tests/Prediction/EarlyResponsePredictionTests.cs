using Xunit.Abstractions;
using Dermis.Precision.Prediction;

namespace Dermis.Precision.Tests.Prediction;

public sealed class EarlyResponsePredictionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2024)]
    [InlineData(7)]
    [InlineData(99)]
    public void Run_knownTruthTrial_recoversSignsRankingAndTrueModelAuc(int seed)
    {
        var (rows, truth) = SimulatedTrial.Generate(400, seed);
        var result = EarlyResponsePrediction.Run(rows, SimulatedTrial.Features, new LogisticOptions { Alpha = 0, Seed = 7 });

        var outcomes = rows.ConvertAll(r => r.Outcome == true).ToArray();
        var trueAuc = RocAnalysis.Auc(truth, outcomes);
        output.WriteLine($"n={result.Subjects} events={result.Events} cvAUC={result.Auc:F4} [{result.AucLower:F4}, {result.AucUpper:F4}] trueAUC={trueAuc:F4} " +
            $"slope={result.CalibrationSlope:F3} citl={result.CalibrationIntercept:F3} brier={result.BrierScore:F4} λ={result.FinalModel.Lambda:G4}");
        foreach (var imp in result.Importance)
        {
            output.WriteLine($"  {imp.Feature,-8} std={imp.StandardisedCoefficient,8:F4} aucDrop={imp.AucDrop,8:F4}");
        }

        // Signs of the true effects.
        Assert.True(result.FinalModel.Coefficients[0] > 0, "week16 must raise maintenance");
        Assert.True(result.FinalModel.Coefficients[1] < 0, "baseline EASI must lower maintenance");
        // The two true features rank first by |standardised coefficient| and by AUC drop.
        var byCoefficient = result.Importance.OrderByDescending(i => Math.Abs(i.StandardisedCoefficient)).Select(i => i.Feature).Take(2);
        var byDrop = result.Importance.OrderByDescending(i => i.AucDrop).Select(i => i.Feature).Take(2);
        Assert.Equal(["easi", "week16"], byCoefficient.Order());
        Assert.Equal(["easi", "week16"], byDrop.Order());
        // Noise features: permutation importance within ±0.01 AUC and standardised coefficients under
        // half the smaller true one.
        var smallestTrue = Math.Min(Math.Abs(result.Importance[0].StandardisedCoefficient), Math.Abs(result.Importance[1].StandardisedCoefficient));
        foreach (var imp in result.Importance.Where(i => i.Feature is not ("week16" or "easi")))
        {
            Assert.InRange(imp.AucDrop, -0.01, 0.01);
            Assert.InRange(Math.Abs(imp.StandardisedCoefficient), 0, 0.5 * smallestTrue);
        }

        // Band: cross-validated AUC within 0.05 of the AUC of the true probabilities on the same participants.
        Assert.InRange(result.Auc - trueAuc, -0.05, 0.05);
        Assert.InRange(trueAuc, result.AucLower, result.AucUpper);
        Assert.InRange(result.CalibrationSlope, 0.7, 1.4);
        Assert.InRange(result.CalibrationIntercept, -0.3, 0.3);
        Assert.Equal(400, result.OutOfFold.Count);
        Assert.Equal(10, result.Calibration.Count);
        Assert.Equal(400, result.Calibration.Sum(b => b.Count));
    }

    [Fact]
    public void Run_sameSeed_isReproducibleAndOutOfFoldMatchesAuc()
    {
        var (rows, _) = SimulatedTrial.Generate(120, seed: 5);
        var options = new LogisticOptions { Alpha = 0.5, Folds = 4, Seed = 9 };
        var a = EarlyResponsePrediction.Run(rows, SimulatedTrial.Features, options);
        var b = EarlyResponsePrediction.Run(rows, SimulatedTrial.Features, options);

        Assert.Equal(a.Auc, b.Auc);
        Assert.Equal(a.FinalModel.Lambda, b.FinalModel.Lambda);
        var scores = a.OutOfFold.Select(o => o.Predicted).ToArray();
        var outcomes = a.OutOfFold.Select(o => o.Outcome).ToArray();
        Assert.Equal(a.Auc, RocAnalysis.Auc(scores, outcomes), 14);
        Assert.Equal(a.BrierScore, CalibrationAnalysis.Brier(scores, outcomes), 14);
    }
}
