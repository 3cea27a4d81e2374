namespace Dermis.Precision.Prediction;

/// <summary>Validation shared by the public prediction entry points.</summary>
internal static class PredictionInput
{
    /// <summary>The smallest number of participants with an outcome that a model is fitted to.</summary>
    public const int MinimumSubjects = 10;

    /// <summary>
    /// Checks rows and feature names and returns the rows that have an outcome. Throws
    /// <see cref="ArgumentException"/> naming the field, value and allowed range.
    /// </summary>
    public static List<FeatureRow> Validate(IReadOnlyList<FeatureRow> rows, IReadOnlyList<string> featureNames, LogisticOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (featureNames.Count == 0)
        {
            throw new ArgumentException("featureNames is empty; give at least one feature.", nameof(featureNames));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in featureNames)
        {
            if (string.IsNullOrWhiteSpace(name) || !names.Add(name))
            {
                throw new ArgumentException($"featureNames contains '{name}' twice or blank; names must be unique and non-empty.", nameof(featureNames));
            }
        }

        var subjects = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<FeatureRow>();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (string.IsNullOrWhiteSpace(row.Subject) || !subjects.Add(row.Subject))
            {
                throw new ArgumentException($"rows: subject '{row.Subject}' is blank or appears twice; each participant must have exactly one row.", nameof(rows));
            }

            foreach (var name in featureNames)
            {
                if (row.Features.TryGetValue(name, out var v) && v is { } value && !double.IsFinite(value))
                {
                    throw new ArgumentException($"rows: subject '{row.Subject}' has {name} = {value}; values must be finite, or null when not measured.", nameof(rows));
                }
            }

            if (row.Outcome is not null)
            {
                kept.Add(row);
            }
        }

        if (kept.Count < MinimumSubjects)
        {
            throw new ArgumentException($"rows: {kept.Count} participants have an outcome; at least {MinimumSubjects} are required.", nameof(rows));
        }

        foreach (var name in featureNames)
        {
            var measured = false;
            foreach (var row in kept)
            {
                if (row.Features.TryGetValue(name, out var v) && v is not null)
                {
                    measured = true;
                    break;
                }
            }

            if (!measured)
            {
                throw new ArgumentException($"featureNames: '{name}' is not measured in any row with an outcome; it is unknown or empty. Check the spelling against the rows' Features keys.", nameof(featureNames));
            }
        }

        var events = 0;
        foreach (var row in kept)
        {
            events += row.Outcome == true ? 1 : 0;
        }

        if (events == 0 || events == kept.Count)
        {
            throw new ArgumentException($"rows: {events} events among {kept.Count} participants; both outcomes must occur (0 < events < n).", nameof(rows));
        }

        return kept;
    }

    /// <summary>Outcome vector (1 = event) of rows known to have outcomes.</summary>
    public static double[] Outcomes(IReadOnlyList<FeatureRow> rows)
    {
        var y = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            y[i] = rows[i].Outcome == true ? 1 : 0;
        }

        return y;
    }

    /// <summary>Size of the smaller outcome class.</summary>
    public static int MinorityCount(IReadOnlyList<FeatureRow> rows)
    {
        var events = 0;
        foreach (var row in rows)
        {
            events += row.Outcome == true ? 1 : 0;
        }

        return Math.Min(events, rows.Count - events);
    }
}
