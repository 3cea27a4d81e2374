namespace Dermis.Precision.Prediction;

/// <summary>
/// A fitted (penalised) logistic regression: logit p = Intercept + Σ Coefficients[j]·x̃_j +
/// Σ MissingIndicatorCoefficients[k]·1{feature MissingIndicators[k] not measured}.
/// </summary>
/// <remarks>
/// Missing values: x̃_j is the measured value, or <see cref="ImputationMeans"/>[j] (the training
/// mean of the measured values) when not measured. Every feature that was missing for at least one
/// training participant has a missingness indicator; a feature that was always measured in
/// training is still mean-imputed at prediction time, but then no indicator term applies (its
/// effect for the unmeasured participant is the population-average one).
/// </remarks>
public sealed record LogisticModel
{
    internal LogisticModel()
    {
    }

    /// <summary>The features, in the order of <see cref="Coefficients"/>.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>Intercept on the original (unstandardised) scale.</summary>
    public required double Intercept { get; init; }

    /// <summary>Log-odds change per unit of each feature, original scale.</summary>
    public required IReadOnlyList<double> Coefficients { get; init; }

    /// <summary>Log-odds change per (1/n) standard deviation of each feature; the scale the penalty acts on.</summary>
    public required IReadOnlyList<double> StandardisedCoefficients { get; init; }

    /// <summary>Training mean of each feature's measured values, used for imputation (0 if never measured).</summary>
    public required IReadOnlyList<double> ImputationMeans { get; init; }

    /// <summary>Features that carry a missingness indicator (missing in at least one training row).</summary>
    public required IReadOnlyList<string> MissingIndicators { get; init; }

    /// <summary>Log-odds shift when the corresponding feature in <see cref="MissingIndicators"/> is not measured.</summary>
    public required IReadOnlyList<double> MissingIndicatorCoefficients { get; init; }

    /// <summary>The penalty λ used (glmnet scale).</summary>
    public required double Lambda { get; init; }

    /// <summary>The elastic-net mixing α used.</summary>
    public required double Alpha { get; init; }

    /// <summary>Predicted probability of the outcome, in (0, 1).</summary>
    /// <param name="features">Feature values by name; null or absent = not measured; extra names are ignored.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public double PredictProbability(IReadOnlyDictionary<string, double?> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return StandardisedProblem.Logistic(LinearPredictor(features));
    }

    /// <summary>The log-odds for a feature set (see <see cref="PredictProbability"/>).</summary>
    internal double LinearPredictor(IReadOnlyDictionary<string, double?> features)
    {
        var eta = Intercept;
        for (var j = 0; j < FeatureNames.Count; j++)
        {
            eta += Coefficients[j] * (LogisticDesign.Value(features, FeatureNames[j]) ?? ImputationMeans[j]);
        }

        for (var k = 0; k < MissingIndicators.Count; k++)
        {
            if (LogisticDesign.Value(features, MissingIndicators[k]) is null)
            {
                eta += MissingIndicatorCoefficients[k];
            }
        }

        return eta;
    }

    internal static LogisticModel From(LogisticDesign design, StandardisedProblem problem, double[] parameters, double lambda, double alpha)
    {
        var p = design.FeatureNames.Count;
        var beta = new double[design.Columns];
        var intercept = parameters[0];
        for (var j = 0; j < design.Columns; j++)
        {
            beta[j] = problem.Active[j] ? parameters[j + 1] / problem.Scales[j] : 0;
            intercept -= beta[j] * problem.Means[j];
        }

        var indicatorNames = new string[design.IndicatorFeatures.Length];
        for (var k = 0; k < indicatorNames.Length; k++)
        {
            indicatorNames[k] = design.FeatureNames[design.IndicatorFeatures[k]];
        }

        return new LogisticModel
        {
            FeatureNames = [.. design.FeatureNames],
            Intercept = intercept,
            Coefficients = beta[..p],
            StandardisedCoefficients = parameters[1..(p + 1)],
            ImputationMeans = (double[])design.Means.Clone(),
            MissingIndicators = indicatorNames,
            MissingIndicatorCoefficients = beta[p..],
            Lambda = lambda,
            Alpha = alpha,
        };
    }
}
