using Dermis.Precision.Prediction;

namespace Dermis.Precision.Tests.Prediction;

public sealed class PredictionInputTests
{
    private static readonly string[] Features = ["week16", "easi"];

    private static List<FeatureRow> Rows(int n, Func<int, bool?> outcome, Func<int, double?>? easi = null)
    {
        var rows = new List<FeatureRow>();
        for (var i = 0; i < n; i++)
        {
            rows.Add(new FeatureRow($"S{i}", new Dictionary<string, double?> { ["week16"] = i % 2, ["easi"] = easi?.Invoke(i) ?? 10 + i }, outcome(i)));
        }

        return rows;
    }

    [Fact]
    public void Fit_noEvents_throwsNamingEventCount()
    {
        var ex = Assert.Throws<ArgumentException>(() => PenalisedLogisticRegression.Fit(Rows(30, _ => false), Features, new LogisticOptions()));
        Assert.Equal("rows", ex.ParamName);
        Assert.Contains("0 events among 30", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_fewerThanTenSubjectsWithOutcome_throws()
    {
        // 12 rows, but 4 have no outcome (skipped) → 8 < 10.
        var ex = Assert.Throws<ArgumentException>(() => PenalisedLogisticRegression.Fit(Rows(12, i => i < 4 ? null : i % 3 == 0), Features, new LogisticOptions { Lambda = 0.1 }));
        Assert.Contains("8 participants have an outcome; at least 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_unknownFeatureName_throwsNamingFeature()
    {
        var ex = Assert.Throws<ArgumentException>(() => PenalisedLogisticRegression.Fit(Rows(30, i => i % 3 == 0), ["week16", "il31"], new LogisticOptions()));
        Assert.Equal("featureNames", ex.ParamName);
        Assert.Contains("'il31'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_nanFeature_throwsNamingSubjectAndValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => PenalisedLogisticRegression.Fit(Rows(30, i => i % 3 == 0, i => i == 7 ? double.NaN : i), Features, new LogisticOptions()));
        Assert.Contains("'S7' has easi = NaN", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, 5)]
    [InlineData(1.5, 5)]
    [InlineData(0.5, 1)]
    [InlineData(0.5, 21)]
    public void Fit_optionsOutOfRange_throwsNamingOption(double alpha, int folds)
    {
        var ex = Assert.Throws<ArgumentException>(() => PenalisedLogisticRegression.Fit(Rows(30, i => i % 3 == 0), Features, new LogisticOptions { Alpha = alpha, Folds = folds }));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains(folds is < 2 or > 20 ? "Folds" : "Alpha", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_fewerEventsThanFolds_throwsSingleClassFold()
    {
        // 4 events with 5 folds: one held-out fold would hold non-events only.
        var ex = Assert.Throws<ArgumentException>(() => EarlyResponsePrediction.Run(Rows(40, i => i < 4), Features, new LogisticOptions { Lambda = 0.1 }));
        Assert.Contains("smaller outcome class has 4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("single class", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_duplicateSubject_throws()
    {
        var rows = Rows(30, i => i % 3 == 0);
        rows.Add(rows[0]);
        var ex = Assert.Throws<ArgumentException>(() => EarlyResponsePrediction.Run(rows, Features, new LogisticOptions()));
        Assert.Contains("'S0'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_separatedOutcomeWithoutPenalty_throwsInvalidOperationSuggestingLambda()
    {
        // easi > 24.5 ⇔ event: the maximum-likelihood estimate does not exist.
        var ex = Assert.Throws<InvalidOperationException>(() => PenalisedLogisticRegression.Fit(Rows(30, i => 10 + i > 24.5), Features, new LogisticOptions { Lambda = 0 }));
        Assert.Contains("separated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictProbability_infiniteValue_throws()
    {
        var model = PenalisedLogisticRegression.Fit(Rows(30, i => i % 3 == 0), Features, new LogisticOptions { Lambda = 0.1 });
        var ex = Assert.Throws<ArgumentException>(() => model.PredictProbability(new Dictionary<string, double?> { ["week16"] = 1, ["easi"] = double.PositiveInfinity }));
        Assert.Contains("easi", ex.Message, StringComparison.Ordinal);
    }
}
