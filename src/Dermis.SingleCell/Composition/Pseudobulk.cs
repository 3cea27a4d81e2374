using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Composition;

/// <summary>
/// Summed raw counts per (sample, cell type) group, groups × genes: Seurat's <c>AggregateExpression(slot = "counts")</c>
/// and Scanpy's <c>sc.get.aggregate(func = "sum")</c> on the counts layer.
/// </summary>
public sealed class Pseudobulk
{
    private readonly double[] _counts;

    private Pseudobulk(string[] samples, string[] cellTypes, int[] cells, string[] genes, double[] counts)
    {
        Samples = samples;
        CellTypes = cellTypes;
        Cells = cells;
        Genes = genes;
        _counts = counts;
    }

    /// <summary>Sample of each group.</summary>
    public IReadOnlyList<string> Samples { get; }

    /// <summary>Cell type of each group.</summary>
    public IReadOnlyList<string> CellTypes { get; }

    /// <summary>Cells summed into each group.</summary>
    public IReadOnlyList<int> Cells { get; }

    /// <summary>Gene names (columns).</summary>
    public IReadOnlyList<string> Genes { get; }

    /// <summary>Number of groups (rows).</summary>
    public int GroupCount => Samples.Count;

    /// <summary>Summed counts of group <paramref name="group"/>, one per gene.</summary>
    /// <param name="group">Group index in [0, <see cref="GroupCount"/>).</param>
    public ReadOnlySpan<double> Counts(int group) => _counts.AsSpan(group * Genes.Count, Genes.Count);

    /// <summary>Index of the group (sample, cell type), or −1 when no cell has that combination.</summary>
    /// <param name="sample">Sample name.</param>
    /// <param name="cellType">Cell type.</param>
    public int IndexOf(string sample, string cellType)
    {
        for (var g = 0; g < GroupCount; g++)
        {
            if (string.Equals(Samples[g], sample, StringComparison.Ordinal) && string.Equals(CellTypes[g], cellType, StringComparison.Ordinal))
            {
                return g;
            }
        }

        return -1;
    }

    /// <summary>
    /// Sums the raw counts (the <c>"counts"</c> layer when X is normalised, else X) of the cells of each (sample, cell
    /// type) present; groups are ordered by sample, then type (ordinal); absent combinations get no row.
    /// </summary>
    /// <param name="matrix">Cells × genes.</param>
    /// <param name="samples">Sample of each cell.</param>
    /// <param name="cellTypes">Type of each cell.</param>
    /// <returns>The pseudobulk matrix.</returns>
    /// <exception cref="ArgumentException">The label counts differ from the cell count.</exception>
    public static Pseudobulk Aggregate(CellMatrix matrix, IReadOnlyList<string> samples, IReadOnlyList<string> cellTypes)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(cellTypes);
        if (samples.Count != matrix.CellCount || cellTypes.Count != matrix.CellCount)
        {
            throw new ArgumentException($"{samples.Count} samples and {cellTypes.Count} cell types for {matrix.CellCount} cells; expected one of each per cell.", nameof(samples));
        }

        var counts = matrix.FindLayer(Normalization.CountsLayer) ?? matrix.X;
        var keys = new SortedDictionary<(string Sample, string Type), int>(Comparer<(string, string)>.Create((a, b) =>
            string.CompareOrdinal(a.Item1, b.Item1) is var c && c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2)));
        for (var i = 0; i < samples.Count; i++)
        {
            keys.TryAdd((samples[i], cellTypes[i]), 0);
        }

        var groupSamples = new string[keys.Count];
        var groupTypes = new string[keys.Count];
        var index = 0;
        foreach (var key in keys.Keys.ToArray())
        {
            keys[key] = index;
            groupSamples[index] = key.Sample;
            groupTypes[index] = key.Type;
            index++;
        }

        var genes = matrix.GeneCount;
        var sums = new double[keys.Count * genes];
        var cells = new int[keys.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            var group = keys[(samples[i], cellTypes[i])];
            cells[group]++;
            var row = sums.AsSpan(group * genes, genes);
            var indices = counts.RowIndices(i);
            var values = counts.RowValues(i);
            for (var k = 0; k < indices.Length; k++)
            {
                row[indices[k]] += values[k];
            }
        }

        return new Pseudobulk(groupSamples, groupTypes, cells, [.. matrix.Genes.Names], sums);
    }
}
