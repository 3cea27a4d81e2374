namespace Dermis.Precision.Prediction;

/// <summary>
/// Turns feature dictionaries into design rows: mean imputation of unmeasured values plus one
/// 0/1 missingness indicator for every feature that is missing in at least one training row
/// (the "missing-indicator method"; with the indicator in the model, the imputed mean only
/// sets the reference level, so the coefficient of the measured value is estimated from the
/// participants who have it).
/// </summary>
internal sealed class LogisticDesign
{
    private LogisticDesign(IReadOnlyList<string> featureNames, double[] means, int[] indicatorFeatures)
    {
        FeatureNames = featureNames;
        Means = means;
        IndicatorFeatures = indicatorFeatures;
    }

    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Imputation mean per feature (0 where a feature was never observed in training).</summary>
    public double[] Means { get; }

    /// <summary>Indices (into <see cref="FeatureNames"/>) of the features that get an indicator column.</summary>
    public int[] IndicatorFeatures { get; }

    public int Columns => FeatureNames.Count + IndicatorFeatures.Length;

    public static LogisticDesign Build(IReadOnlyList<FeatureRow> rows, IReadOnlyList<string> featureNames)
    {
        var means = new double[featureNames.Count];
        var indicators = new List<int>();
        for (var j = 0; j < featureNames.Count; j++)
        {
            double sum = 0;
            var observed = 0;
            foreach (var row in rows)
            {
                if (Value(row.Features, featureNames[j]) is { } v)
                {
                    sum += v;
                    observed++;
                }
            }

            means[j] = observed > 0 ? sum / observed : 0;
            if (observed < rows.Count)
            {
                indicators.Add(j);
            }
        }

        return new LogisticDesign(featureNames, means, [.. indicators]);
    }

    /// <summary>Writes the design row (imputed features, then indicators) into <paramref name="x"/>.</summary>
    public void Fill(IReadOnlyDictionary<string, double?> features, Span<double> x)
    {
        for (var j = 0; j < FeatureNames.Count; j++)
        {
            x[j] = Value(features, FeatureNames[j]) ?? Means[j];
        }

        for (var k = 0; k < IndicatorFeatures.Length; k++)
        {
            x[FeatureNames.Count + k] = Value(features, FeatureNames[IndicatorFeatures[k]]) is null ? 1 : 0;
        }
    }

    /// <summary>Row-major n × <see cref="Columns"/> design matrix.</summary>
    public double[] Matrix(IReadOnlyList<FeatureRow> rows)
    {
        var q = Columns;
        var x = new double[rows.Count * q];
        for (var i = 0; i < rows.Count; i++)
        {
            Fill(rows[i].Features, x.AsSpan(i * q, q));
        }

        return x;
    }

    /// <summary>The value of a feature, null when not measured; NaN and infinities are rejected.</summary>
    public static double? Value(IReadOnlyDictionary<string, double?> features, string name)
    {
        if (!features.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        if (!double.IsFinite(value.Value))
        {
            throw new ArgumentException($"Feature '{name}' is {value.Value}; values must be finite numbers, or null when not measured.", nameof(features));
        }

        return value;
    }
}
