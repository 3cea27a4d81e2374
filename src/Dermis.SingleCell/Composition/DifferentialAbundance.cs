namespace Dermis.SingleCell.Composition;

/// <summary>Differential abundance of one cell type between two groups of samples.</summary>
/// <param name="CellType">Cell type.</param>
/// <param name="MeanFractionCases">Mean fraction of the type over the case samples.</param>
/// <param name="MeanFractionControls">Mean fraction over the control samples.</param>
/// <param name="Log2FoldChange">log2(MeanFractionCases / MeanFractionControls); ±∞ when one mean is 0.</param>
/// <param name="ClrDifference">Mean CLR of the cases − mean CLR of the controls (natural log scale).</param>
/// <param name="T">Welch t statistic of the CLR values (cases − controls); NaN when undefined.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom.</param>
/// <param name="PValue">Two-sided p-value; NaN when both groups have zero variance.</param>
/// <param name="PValueAdjusted">Benjamini–Hochberg over the cell types tested.</param>
public sealed record AbundanceRow(
    string CellType,
    double MeanFractionCases,
    double MeanFractionControls,
    double Log2FoldChange,
    double ClrDifference,
    double T,
    double DegreesOfFreedom,
    double PValue,
    double PValueAdjusted);

/// <summary>
/// Differential abundance of cell types between two groups of samples (e.g. responders vs non-responders):
/// centred log-ratio transform of each sample's counts (Aitchison, JRSS B 44:139, 1982) with a pseudocount, then
/// Welch's t-test per type and Benjamini–Hochberg across types, the compositional approach of e.g. Büttner et al.
/// (scCODA, Nat Commun 12:6876, 2021) reduced to a per-type test.
/// </summary>
public static class DifferentialAbundance
{
    /// <summary>Tests every cell type of <paramref name="composition"/>.</summary>
    /// <param name="composition">Rows from <see cref="CellComposition.Count"/> (every sample × type, zeros included).</param>
    /// <param name="cases">Case samples, ≥ 2.</param>
    /// <param name="controls">Control samples, ≥ 2, disjoint from the cases.</param>
    /// <param name="pseudocount">Added to each count before the log, &gt; 0 (0.5).</param>
    /// <returns>One row per cell type, ordinal order.</returns>
    /// <exception cref="ArgumentException">A group has fewer than 2 samples, a sample is in both groups or not in the composition.</exception>
    public static IReadOnlyList<AbundanceRow> Test(IReadOnlyList<CompositionRow> composition, IReadOnlyCollection<string> cases, IReadOnlyCollection<string> controls, double pseudocount = 0.5)
    {
        ArgumentNullException.ThrowIfNull(composition);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(controls);
        if (!(pseudocount > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(pseudocount), pseudocount, "pseudocount must be > 0 (default 0.5).");
        }

        CheckGroups(cases, controls);
        var types = composition.Select(r => r.CellType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var caseRows = Matrix(composition, cases, types, pseudocount);
        var controlRows = Matrix(composition, controls, types, pseudocount);
        var p = new double[types.Length];
        var rows = new AbundanceRow[types.Length];
        for (var t = 0; t < types.Length; t++)
        {
            var a = caseRows.Select(s => s.Clr[t]).ToArray();
            var b = controlRows.Select(s => s.Clr[t]).ToArray();
            var fa = caseRows.Average(s => s.Fraction[t]);
            var fb = controlRows.Average(s => s.Fraction[t]);
            var (tStat, df, pValue) = Statistics.WelchT(a, b);
            p[t] = pValue;
            rows[t] = new AbundanceRow(types[t], fa, fb, Math.Log2(fa / fb), a.Average() - b.Average(), tStat, df, pValue, double.NaN);
        }

        var adjusted = Statistics.BenjaminiHochberg(p);
        for (var t = 0; t < rows.Length; t++)
        {
            rows[t] = rows[t] with { PValueAdjusted = adjusted[t] };
        }

        return rows;
    }

    internal static void CheckGroups(IReadOnlyCollection<string> cases, IReadOnlyCollection<string> controls)
    {
        if (cases.Count < 2 || controls.Count < 2)
        {
            throw new ArgumentException($"each group needs at least 2 samples; got {cases.Count} cases and {controls.Count} controls.", nameof(cases));
        }

        var both = cases.Intersect(controls, StringComparer.Ordinal).FirstOrDefault();
        if (both is not null)
        {
            throw new ArgumentException($"sample '{both}' is in both groups; each sample belongs to one group.", nameof(controls));
        }
    }

    private static List<(double[] Clr, double[] Fraction)> Matrix(IReadOnlyList<CompositionRow> composition, IReadOnlyCollection<string> samples, string[] types, double pseudocount)
    {
        var result = new List<(double[], double[])>();
        foreach (var sample in samples)
        {
            var counts = new double[types.Length];
            var fraction = new double[types.Length];
            var found = false;
            foreach (var row in composition)
            {
                if (string.Equals(row.Sample, sample, StringComparison.Ordinal))
                {
                    var t = Array.BinarySearch(types, row.CellType, StringComparer.Ordinal);
                    counts[t] = row.Cells;
                    fraction[t] = row.Fraction;
                    found = true;
                }
            }

            if (!found)
            {
                throw new ArgumentException($"sample '{sample}' has no cells in the composition.", nameof(samples));
            }

            var meanLog = 0.0;
            for (var t = 0; t < types.Length; t++)
            {
                counts[t] = Math.Log(counts[t] + pseudocount);
                meanLog += counts[t];
            }

            meanLog /= types.Length;
            for (var t = 0; t < types.Length; t++)
            {
                counts[t] -= meanLog;
            }

            result.Add((counts, fraction));
        }

        return result;
    }
}
