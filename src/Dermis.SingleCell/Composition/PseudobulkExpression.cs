namespace Dermis.SingleCell.Composition;

/// <summary>Pseudobulk differential expression of one gene in one cell type.</summary>
/// <param name="Gene">Gene name.</param>
/// <param name="MeanLogCpmCases">Mean log2-CPM over the case samples.</param>
/// <param name="MeanLogCpmControls">Mean log2-CPM over the control samples.</param>
/// <param name="Log2FoldChange">MeanLogCpmCases − MeanLogCpmControls.</param>
/// <param name="T">Welch t statistic; NaN when undefined.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom.</param>
/// <param name="PValue">Two-sided p-value; NaN when both groups have zero variance.</param>
/// <param name="PValueAdjusted">Benjamini–Hochberg over the genes tested.</param>
public sealed record PseudobulkGene(
    string Gene,
    double MeanLogCpmCases,
    double MeanLogCpmControls,
    double Log2FoldChange,
    double T,
    double DegreesOfFreedom,
    double PValue,
    double PValueAdjusted);

/// <summary>
/// Pseudobulk differential expression per cell type: log2-CPM of each sample's summed counts,
/// log2((count + 0.5) / (library + 1) · 10⁶) (the voom transform, Law et al., Genome Biol 15:R29, 2014), Welch's
/// t-test per gene, Benjamini–Hochberg. A simpler stand-in for limma-voom/edgeR/DESeq2 pseudobulk (Squair et al.,
/// Nat Commun 12:5692, 2021): no variance moderation, so it is conservative with few samples.
/// </summary>
public static class PseudobulkExpression
{
    /// <summary>
    /// Tests the genes of <paramref name="cellType"/> expressed at ≥ <paramref name="minCountsPerMillion"/> CPM in at
    /// least as many samples as the smaller group has (edgeR's <c>filterByExpr</c> rule, simplified).
    /// </summary>
    /// <param name="pseudobulk">From <see cref="Pseudobulk.Aggregate"/>.</param>
    /// <param name="cellType">The cell type to test.</param>
    /// <param name="cases">Case samples; those without cells of the type are skipped; ≥ 2 must remain.</param>
    /// <param name="controls">Control samples; the same rule.</param>
    /// <param name="minCountsPerMillion">Expression filter, ≥ 0 (1).</param>
    /// <returns>Rows in gene order.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 samples with the cell type in a group, or a sample in both groups.</exception>
    public static IReadOnlyList<PseudobulkGene> Test(Pseudobulk pseudobulk, string cellType, IReadOnlyCollection<string> cases, IReadOnlyCollection<string> controls, double minCountsPerMillion = 1)
    {
        ArgumentNullException.ThrowIfNull(pseudobulk);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(controls);
        DifferentialAbundance.CheckGroups(cases, controls);
        var a = Groups(pseudobulk, cellType, cases);
        var b = Groups(pseudobulk, cellType, controls);
        if (a.Length < 2 || b.Length < 2)
        {
            throw new ArgumentException($"cell type '{cellType}' has cells in {a.Length} case and {b.Length} control samples; each group needs at least 2.", nameof(cellType));
        }

        var genes = pseudobulk.Genes.Count;
        var logCpmA = LogCpm(pseudobulk, a, out var cpmA);
        var logCpmB = LogCpm(pseudobulk, b, out var cpmB);
        var minSamples = Math.Min(a.Length, b.Length);
        var rows = new List<PseudobulkGene>();
        var xa = new double[a.Length];
        var xb = new double[b.Length];
        for (var g = 0; g < genes; g++)
        {
            var expressed = 0;
            for (var s = 0; s < a.Length; s++)
            {
                expressed += cpmA[(s * genes) + g] >= minCountsPerMillion ? 1 : 0;
                xa[s] = logCpmA[(s * genes) + g];
            }

            for (var s = 0; s < b.Length; s++)
            {
                expressed += cpmB[(s * genes) + g] >= minCountsPerMillion ? 1 : 0;
                xb[s] = logCpmB[(s * genes) + g];
            }

            if (expressed < minSamples)
            {
                continue;
            }

            var (t, df, p) = Statistics.WelchT(xa, xb);
            var ma = xa.Average();
            var mb = xb.Average();
            rows.Add(new PseudobulkGene(pseudobulk.Genes[g], ma, mb, ma - mb, t, df, p, double.NaN));
        }

        var adjusted = Statistics.BenjaminiHochberg(rows.Select(r => r.PValue).ToArray());
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r] = rows[r] with { PValueAdjusted = adjusted[r] };
        }

        return rows;
    }

    private static int[] Groups(Pseudobulk pseudobulk, string cellType, IReadOnlyCollection<string> samples)
    {
        var result = new List<int>();
        foreach (var sample in samples)
        {
            var g = pseudobulk.IndexOf(sample, cellType);
            if (g >= 0)
            {
                result.Add(g);
            }
        }

        return [.. result];
    }

    private static double[] LogCpm(Pseudobulk pseudobulk, int[] groups, out double[] cpm)
    {
        var genes = pseudobulk.Genes.Count;
        var result = new double[groups.Length * genes];
        cpm = new double[groups.Length * genes];
        for (var s = 0; s < groups.Length; s++)
        {
            var counts = pseudobulk.Counts(groups[s]);
            var library = 0.0;
            foreach (var c in counts)
            {
                library += c;
            }

            for (var g = 0; g < genes; g++)
            {
                cpm[(s * genes) + g] = library > 0 ? counts[g] / library * 1e6 : 0;
                result[(s * genes) + g] = Math.Log2((counts[g] + 0.5) / (library + 1) * 1e6);
            }
        }

        return result;
    }
}
