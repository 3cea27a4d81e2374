using System.Globalization;

namespace Dermis.Precision.Continuous;

/// <summary>
/// Entry-point checks shared by the MMRM and the ANCOVA, and the factor coding both use: arms with the reference
/// first and the others in ordinal order, stratum levels in ordinal order (the first is the reference, as R's
/// treatment contrasts on sorted factor levels).
/// </summary>
internal static class ContinuousInput
{
    /// <summary>Checks every row field and that each subject's arm, baseline and strata agree across its rows.</summary>
    public static void ValidateRows(IReadOnlyList<ContinuousObservation> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0)
        {
            throw new ArgumentException("data has no rows; at least 2 subjects per arm are needed.", nameof(data));
        }

        var strataCount = data[0]?.Strata?.Count ?? 0;
        var bySubject = new Dictionary<string, ContinuousObservation>(StringComparer.Ordinal);
        for (var i = 0; i < data.Count; i++)
        {
            var row = data[i] ?? throw new ArgumentException($"data[{i}] is null.", nameof(data));
            if (string.IsNullOrWhiteSpace(row.Subject))
            {
                throw new ArgumentException($"data[{i}].Subject is empty; every row needs a subject identifier.", nameof(data));
            }

            if (string.IsNullOrWhiteSpace(row.Arm))
            {
                throw new ArgumentException($"data[{i}].Arm is empty for subject '{row.Subject}'.", nameof(data));
            }

            if (!double.IsFinite(row.Baseline))
            {
                throw new ArgumentException(
                    $"data[{i}].Baseline is {row.Baseline.ToString(CultureInfo.InvariantCulture)} for subject '{row.Subject}'; it must be a finite number.",
                    nameof(data));
            }

            if (row.Response is { } response && !double.IsFinite(response))
            {
                throw new ArgumentException(
                    $"data[{i}].Response is {response.ToString(CultureInfo.InvariantCulture)} for subject '{row.Subject}'; it must be finite, or null when missing.",
                    nameof(data));
            }

            if (row.Strata is null || row.Strata.Count != strataCount)
            {
                throw new ArgumentException(
                    $"data[{i}].Strata has {row.Strata?.Count ?? 0} levels for subject '{row.Subject}'; every row must give the same {strataCount} stratification factors.",
                    nameof(data));
            }

            for (var f = 0; f < strataCount; f++)
            {
                if (string.IsNullOrWhiteSpace(row.Strata[f]))
                {
                    throw new ArgumentException($"data[{i}].Strata[{f}] is empty for subject '{row.Subject}'.", nameof(data));
                }
            }

            if (!bySubject.TryGetValue(row.Subject, out var first))
            {
                bySubject.Add(row.Subject, row);
                continue;
            }

            if (!string.Equals(first.Arm, row.Arm, StringComparison.Ordinal) || first.Baseline != row.Baseline || !first.Strata.SequenceEqual(row.Strata, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"data[{i}]: subject '{row.Subject}' has a different arm, baseline or strata than on its first row; they are subject-level and must agree.",
                    nameof(data));
            }
        }
    }

    /// <summary>An <see cref="ArgumentException"/> about the <paramref name="parameter"/> argument (the data rows by default).</summary>
    public static ArgumentException Invalid(string message, string parameter = "data") => new(message, parameter);

    /// <summary>Checks the confidence level lies in (0, 1).</summary>
    public static void ValidateConfidence(double level, string name)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentException($"{name} is {level.ToString(CultureInfo.InvariantCulture)}; it must lie in (0, 1), e.g. 0.95.", name);
        }
    }

    /// <summary>
    /// Arms in analysis order (reference first) and the number of analysed subjects per arm; throws when the reference
    /// is absent, fewer than 2 arms remain, or an arm has fewer than 2 analysed subjects.
    /// </summary>
    public static string[] Arms(IEnumerable<(string Subject, string Arm)> analysed, string referenceArm, string optionName)
    {
        if (string.IsNullOrWhiteSpace(referenceArm))
        {
            throw new ArgumentException($"{optionName} is empty; name the control arm.", optionName);
        }

        var subjects = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (subject, arm) in analysed)
        {
            if (!subjects.TryGetValue(arm, out var set))
            {
                subjects[arm] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(subject);
        }

        if (!subjects.ContainsKey(referenceArm))
        {
            throw new ArgumentException(
                $"{optionName} '{referenceArm}' has no subject with an observed response; arms present: {string.Join(", ", subjects.Keys.Order(StringComparer.Ordinal))}.",
                optionName);
        }

        if (subjects.Count < 2)
        {
            throw ContinuousInput.Invalid($"data has only arm '{referenceArm}' with observed responses; at least 2 arms are needed for contrasts.");
        }

        foreach (var (arm, set) in subjects)
        {
            if (set.Count < 2)
            {
                throw ContinuousInput.Invalid($"data: arm '{arm}' has {set.Count} subject(s) with an observed response; at least 2 per arm are needed.");
            }
        }

        return [referenceArm, .. subjects.Keys.Where(a => a != referenceArm).Order(StringComparer.Ordinal)];
    }

    /// <summary>Sorted (ordinal) levels of each stratification factor among the analysed rows.</summary>
    public static string[][] StrataLevels(IEnumerable<ContinuousObservation> analysed, int factors)
    {
        var sets = new SortedSet<string>[factors];
        for (var f = 0; f < factors; f++)
        {
            sets[f] = new SortedSet<string>(StringComparer.Ordinal);
        }

        foreach (var row in analysed)
        {
            for (var f = 0; f < factors; f++)
            {
                sets[f].Add(row.Strata[f]);
            }
        }

        return [.. sets.Select(s => s.ToArray())];
    }
}
