namespace Dermis.SingleCell.Composition;

/// <summary>Cells of one cell type in one sample.</summary>
/// <param name="Sample">Sample name.</param>
/// <param name="CellType">Cell type.</param>
/// <param name="Cells">Cells of that type in the sample, ≥ 0.</param>
/// <param name="Fraction">Cells / all cells of the sample, in [0, 1].</param>
public sealed record CompositionRow(string Sample, string CellType, int Cells, double Fraction);

/// <summary>Immune composition: cells per (sample, cell type) and their share of the sample.</summary>
public static class CellComposition
{
    /// <summary>
    /// Counts cells per sample and type. Every sample gets a row for every type seen anywhere (zero counts included,
    /// so that differential abundance sees absences); rows are ordered by sample, then type (ordinal).
    /// </summary>
    /// <param name="samples">Sample of each cell.</param>
    /// <param name="cellTypes">Type of each cell, same length.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static IReadOnlyList<CompositionRow> Count(IReadOnlyList<string> samples, IReadOnlyList<string> cellTypes)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(cellTypes);
        if (samples.Count != cellTypes.Count)
        {
            throw new ArgumentException($"{samples.Count} samples for {cellTypes.Count} cell types; expected one of each per cell.", nameof(cellTypes));
        }

        var sampleNames = samples.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var typeNames = cellTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var counts = new int[sampleNames.Length, typeNames.Length];
        var totals = new int[sampleNames.Length];
        for (var i = 0; i < samples.Count; i++)
        {
            var s = Array.BinarySearch(sampleNames, samples[i], StringComparer.Ordinal);
            counts[s, Array.BinarySearch(typeNames, cellTypes[i], StringComparer.Ordinal)]++;
            totals[s]++;
        }

        var rows = new List<CompositionRow>(sampleNames.Length * typeNames.Length);
        for (var s = 0; s < sampleNames.Length; s++)
        {
            for (var t = 0; t < typeNames.Length; t++)
            {
                rows.Add(new CompositionRow(sampleNames[s], typeNames[t], counts[s, t], (double)counts[s, t] / totals[s]));
            }
        }

        return rows;
    }
}
