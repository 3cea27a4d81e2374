namespace Dermis.Precision.Prediction;

/// <summary>
/// Result of <see cref="EarlyResponsePrediction.Run"/>: honest (out-of-fold) discrimination and
/// calibration of a penalised logistic model, plus the model refitted on all participants.
/// </summary>
public sealed record CrossValidatedPrediction
{
    internal CrossValidatedPrediction()
    {
    }

    /// <summary>Participants with an outcome that entered the analysis.</summary>
    public required int Subjects { get; init; }

    /// <summary>Participants with the outcome (events).</summary>
    public required int Events { get; init; }

    /// <summary>Out-of-fold AUC (Mann–Whitney), in [0, 1].</summary>
    public required double Auc { get; init; }

    /// <summary>Lower 95 % limit: AUC − 1.959964·√(DeLong variance), clipped to [0, 1].</summary>
    public required double AucLower { get; init; }

    /// <summary>Upper 95 % limit: AUC + 1.959964·√(DeLong variance), clipped to [0, 1].</summary>
    public required double AucUpper { get; init; }

    /// <summary>Calibration-in-the-large a of logit P(y) = a + lp; 0 is ideal, &gt; 0 means predictions too low.</summary>
    public required double CalibrationIntercept { get; init; }

    /// <summary>Calibration slope b of logit P(y) = c + b·lp; 1 is ideal, &lt; 1 means overfitting; NaN if predictions separate perfectly.</summary>
    public required double CalibrationSlope { get; init; }

    /// <summary>Mean squared error of the out-of-fold probabilities.</summary>
    public required double BrierScore { get; init; }

    /// <summary>Ten equal-count bins of the out-of-fold predictions (fewer if n &lt; 10).</summary>
    public required IReadOnlyList<CalibrationBin> Calibration { get; init; }

    /// <summary>Importance of each feature, in the order of the requested feature names.</summary>
    public required IReadOnlyList<FeatureImportance> Importance { get; init; }

    /// <summary>Each participant's prediction from the fold model that did not see them.</summary>
    public required IReadOnlyList<(string Subject, double Predicted, bool Outcome)> OutOfFold { get; init; }

    /// <summary>The model refitted on all participants (λ re-chosen by cross-validation when not fixed); use it for new patients.</summary>
    public required LogisticModel FinalModel { get; init; }
}
