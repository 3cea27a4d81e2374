namespace Dermis.Precision.Prediction;

/// <summary>
/// Cross-validated prediction of a binary outcome (for example week-52 maintenance from week-16
/// response and baseline data) with nested tuning: stratified, seeded K-fold outer loop; inside
/// each training fold λ is chosen by its own inner cross-validation, so the out-of-fold
/// predictions are honest estimates of performance on new participants
/// (Varma &amp; Simon 2006, doi:10.1186/1471-2105-7-91).
/// </summary>
public static class EarlyResponsePrediction
{
    private const int CalibrationBins = 10;
    private const int PermutationRepeats = 10;
    private const double Z975 = 1.959963984540054;

    /// <summary>Runs the cross-validation, metrics and final fit.</summary>
    /// <param name="rows">Participants; rows with a null outcome are skipped. At least 10 with an outcome.</param>
    /// <param name="featureNames">Features to use; each must be measured in at least one row.</param>
    /// <param name="options">Penalty, folds (K) and seed.</param>
    /// <exception cref="ArgumentException">
    /// Bad rows or options (see <see cref="PenalisedLogisticRegression.Fit"/>), or fewer than K events
    /// or non-events (a held-out fold would hold a single class), or, with λ chosen by
    /// cross-validation, fewer than 2·K of either class (an inner fold would).
    /// </exception>
    public static CrossValidatedPrediction Run(IReadOnlyList<FeatureRow> rows, IReadOnlyList<string> featureNames, LogisticOptions options)
    {
        var kept = PredictionInput.Validate(rows, featureNames, options);
        var minority = PredictionInput.MinorityCount(kept);
        var needed = options.Lambda is null ? 2 * options.Folds : options.Folds;
        if (minority < needed)
        {
            throw new ArgumentException(
                $"rows: the smaller outcome class has {minority} participants; {options.Folds}-fold cross-validation{(options.Lambda is null ? " with λ tuned in inner folds" : string.Empty)} needs at least {needed} so that no fold holds a single class. Use fewer Folds or more data.",
                nameof(rows));
        }

        var n = kept.Count;
        var outcomes = new bool[n];
        for (var i = 0; i < n; i++)
        {
            outcomes[i] = kept[i].Outcome == true;
        }

        var assignment = StratifiedFolds.Assign(outcomes, options.Folds, options.Seed);
        var models = new LogisticModel[options.Folds];
        var predicted = new double[n];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var train = new List<FeatureRow>();
            for (var i = 0; i < n; i++)
            {
                if (assignment[i] != fold)
                {
                    train.Add(kept[i]);
                }
            }

            // A different inner seed per fold keeps the inner splits independent of the outer one.
            models[fold] = PenalisedLogisticRegression.FitValidated(train, featureNames, options, unchecked(options.Seed * 31 + fold + 1));
            for (var i = 0; i < n; i++)
            {
                if (assignment[i] == fold)
                {
                    predicted[i] = models[fold].PredictProbability(kept[i].Features);
                }
            }
        }

        var (auc, variance) = RocAnalysis.DeLong(predicted, outcomes);
        var half = Z975 * Math.Sqrt(variance);
        var (calibrationIntercept, calibrationSlope) = CalibrationAnalysis.Recalibrate(predicted, outcomes);
        var finalModel = PenalisedLogisticRegression.FitValidated(kept, featureNames, options, options.Seed);
        var drops = PermutationImportance(kept, featureNames, assignment, models, outcomes, auc, options.Seed);
        var importance = new FeatureImportance[featureNames.Count];
        for (var j = 0; j < featureNames.Count; j++)
        {
            importance[j] = new FeatureImportance(featureNames[j], finalModel.StandardisedCoefficients[j], drops[j]);
        }

        var outOfFold = new (string Subject, double Predicted, bool Outcome)[n];
        var events = 0;
        for (var i = 0; i < n; i++)
        {
            outOfFold[i] = (kept[i].Subject, predicted[i], outcomes[i]);
            events += outcomes[i] ? 1 : 0;
        }

        return new CrossValidatedPrediction
        {
            Subjects = n,
            Events = events,
            Auc = auc,
            AucLower = Math.Max(0, auc - half),
            AucUpper = Math.Min(1, auc + half),
            CalibrationIntercept = calibrationIntercept,
            CalibrationSlope = calibrationSlope,
            BrierScore = CalibrationAnalysis.Brier(predicted, outcomes),
            Calibration = CalibrationAnalysis.Bins(predicted, outcomes, CalibrationBins),
            Importance = importance,
            OutOfFold = outOfFold,
            FinalModel = finalModel,
        };
    }

    /// <summary>
    /// AUC drop when one feature's value (with its missingness) is shuffled among each held-out
    /// fold's participants and re-predicted by that fold's model; mean over 10 seeded shuffles.
    /// No refitting: this measures what the fitted fold models rely on.
    /// </summary>
    private static double[] PermutationImportance(List<FeatureRow> rows, IReadOnlyList<string> featureNames, int[] assignment, LogisticModel[] models, bool[] outcomes, double auc, int seed)
    {
        var rng = new Random(unchecked(seed * 7919 + 17));
        var drops = new double[featureNames.Count];
        var permuted = new double[rows.Count];
        var foldMembers = new List<int>[models.Length];
        for (var fold = 0; fold < models.Length; fold++)
        {
            foldMembers[fold] = [];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            foldMembers[assignment[i]].Add(i);
        }

        for (var j = 0; j < featureNames.Count; j++)
        {
            var name = featureNames[j];
            double sum = 0;
            for (var repeat = 0; repeat < PermutationRepeats; repeat++)
            {
                for (var fold = 0; fold < models.Length; fold++)
                {
                    var members = foldMembers[fold];
                    var source = members.ToArray();
                    for (var s = source.Length - 1; s > 0; s--)
                    {
                        var t = rng.Next(s + 1);
                        (source[s], source[t]) = (source[t], source[s]);
                    }

                    for (var s = 0; s < members.Count; s++)
                    {
                        var features = new Dictionary<string, double?>(rows[members[s]].Features, StringComparer.Ordinal)
                        {
                            [name] = LogisticDesign.Value(rows[source[s]].Features, name),
                        };
                        permuted[members[s]] = models[fold].PredictProbability(features);
                    }
                }

                sum += RocAnalysis.Auc(permuted, outcomes);
            }

            drops[j] = auc - sum / PermutationRepeats;
        }

        return drops;
    }
}
