using System.Globalization;

namespace Dermis.Precision.Continuous;

internal sealed partial class MmrmDesign
{
    /// <summary>Validates the input (throwing <see cref="ArgumentException"/> naming the field) and builds the design.</summary>
    public static MmrmDesign Build(IReadOnlyList<ContinuousObservation> data, MmrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var visits = ValidateOptions(options);
        ContinuousInput.ValidateRows(data);
        var visitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var v = 0; v < visits.Length; v++)
        {
            visitIndex[visits[v]] = v;
        }

        // Subjects in order of first appearance; each subject's observed visits sorted by visit order.
        var order = new List<string>();
        var rowsOf = new Dictionary<string, List<(int Visit, ContinuousObservation Row)>>(StringComparer.Ordinal);
        for (var i = 0; i < data.Count; i++)
        {
            var row = data[i];
            if (!visitIndex.TryGetValue(row.Visit ?? string.Empty, out var v))
            {
                throw new ArgumentException(
                    $"data[{i}].Visit '{row.Visit}' (subject '{row.Subject}') is not in options.VisitOrder [{string.Join(", ", visits)}].", nameof(data));
            }

            if (!rowsOf.TryGetValue(row.Subject, out var list))
            {
                rowsOf[row.Subject] = list = [];
                order.Add(row.Subject);
            }

            if (list.Exists(r => r.Visit == v))
            {
                throw new ArgumentException($"data[{i}]: subject '{row.Subject}' has visit '{row.Visit}' twice; one row per subject-visit.", nameof(data));
            }

            list.Add((v, row));
        }

        var analysed = new List<List<(int Visit, ContinuousObservation Row)>>();
        foreach (var subject in order)
        {
            var observed = rowsOf[subject].Where(r => r.Row.Response.HasValue).OrderBy(r => r.Visit).ToList();
            if (observed.Count > 0)
            {
                analysed.Add(observed);
            }
        }

        var arms = ContinuousInput.Arms(analysed.Select(s => (s[0].Row.Subject, s[0].Row.Arm)), options.ReferenceArm, "options.ReferenceArm");
        var strataLevels = ContinuousInput.StrataLevels(analysed.Select(s => s[0].Row), data[0].Strata.Count);
        var design = new MmrmDesign(visits, arms, strataLevels, analysed.Count, analysed.Sum(s => s.Count));
        design.NameTerms();
        design.Populate(analysed);
        design.CheckEstimable(options.Covariance);
        return design;
    }

    private static string[] ValidateOptions(MmrmOptions options)
    {
        if (options.VisitOrder is null || options.VisitOrder.Count is 0 or > 32)
        {
            throw new ArgumentException($"options.VisitOrder has {options.VisitOrder?.Count ?? 0} visits; list 1 to 32 scheduled visits in time order.", nameof(options));
        }

        var visits = options.VisitOrder.ToArray();
        if (visits.Any(string.IsNullOrWhiteSpace) || visits.Distinct(StringComparer.Ordinal).Count() != visits.Length)
        {
            throw new ArgumentException($"options.VisitOrder [{string.Join(", ", visits)}] has an empty or repeated visit name.", nameof(options));
        }

        if (options.Covariance != CovarianceStructure.Unstructured && visits.Length < 2)
        {
            throw new ArgumentException($"options.Covariance {options.Covariance} needs at least 2 visits; options.VisitOrder has 1.", nameof(options));
        }

        if (!Enum.IsDefined(options.Covariance) || !Enum.IsDefined(options.DegreesOfFreedom))
        {
            throw new ArgumentException($"options.Covariance {options.Covariance} or options.DegreesOfFreedom {options.DegreesOfFreedom} is not a defined value.", nameof(options));
        }

        ContinuousInput.ValidateConfidence(options.ConfidenceLevel, "options.ConfidenceLevel");
        if (options.MaxIterations < 1)
        {
            throw new ArgumentException($"options.MaxIterations is {options.MaxIterations}; it must be at least 1 (default 100).", nameof(options));
        }

        if (!(options.Tolerance > 0 && options.Tolerance < 1))
        {
            throw new ArgumentException(
                $"options.Tolerance is {options.Tolerance.ToString(CultureInfo.InvariantCulture)}; it must lie in (0, 1) (default 1e-10).", nameof(options));
        }

        return visits;
    }

    private void Populate(List<List<(int Visit, ContinuousObservation Row)>> analysed)
    {
        var patterns = new Dictionary<ulong, int>();
        var patternVisits = new List<int[]>();
        var strata = new int[StrataLevels.Length];
        var row = 0;
        double baselineSum = 0;
        for (var s = 0; s < analysed.Count; s++)
        {
            var first = analysed[s][0].Row;
            SubjectIds[s] = first.Subject;
            SubjectStart[s] = row;
            baselineSum += first.Baseline;
            var arm = Array.IndexOf(Arms, first.Arm);
            for (var f = 0; f < strata.Length; f++)
            {
                strata[f] = Array.BinarySearch(StrataLevels[f], first.Strata[f], StringComparer.Ordinal);
            }

            ulong mask = 0;
            foreach (var (visit, observation) in analysed[s])
            {
                mask |= 1UL << visit;
                VisitOf[row] = visit;
                Y[row] = observation.Response!.Value;
                FillRow(row, arm, visit, first.Baseline, strata);
                row++;
            }

            if (!patterns.TryGetValue(mask, out var pattern))
            {
                pattern = patterns.Count;
                patterns.Add(mask, pattern);
                patternVisits.Add([.. analysed[s].Select(r => r.Visit)]);
            }

            SubjectPattern[s] = pattern;
        }

        SubjectStart[analysed.Count] = row;
        PatternVisits = [.. patternVisits];
        BaselineMean = baselineSum / analysed.Count;
    }
}
