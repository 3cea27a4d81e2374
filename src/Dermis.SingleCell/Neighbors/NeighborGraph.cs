namespace Dermis.SingleCell.Neighbors;

/// <summary>
/// The k nearest neighbours of every cell: row-major cells × K neighbour indices and distances, each row sorted by
/// ascending distance (ties by ascending index). When <see cref="IncludesSelf"/> is true the first entry of every row is
/// the cell itself at distance 0, as Seurat's <c>FindNeighbors</c> returns it; otherwise the cell is absent, as Scanpy's
/// <c>pp.neighbors</c> distances matrix stores it.
/// </summary>
public sealed class NeighborGraph
{
    private readonly int[] _indices;
    private readonly float[] _distances;

    /// <summary>
    /// Wraps neighbour arrays computed elsewhere (for example Seurat's exported <c>nn.idx</c>), validating their shape and
    /// index range.
    /// </summary>
    /// <param name="cellCount">Number of cells (rows), at least 1.</param>
    /// <param name="k">Neighbours per cell, 1 … <paramref name="cellCount"/>.</param>
    /// <param name="indices">cells × k neighbour indices, 0-based, each in [0, cellCount).</param>
    /// <param name="distances">cells × k distances (≥ 0, in the metric's units), same order as <paramref name="indices"/>.</param>
    /// <param name="includesSelf">Whether row i starts with i itself.</param>
    /// <param name="metric">The metric the distances were measured in.</param>
    /// <exception cref="ArgumentException">A length or index is out of range.</exception>
    public NeighborGraph(int cellCount, int k, int[] indices, float[] distances, bool includesSelf, DistanceMetric metric)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellCount, 1);
        if (k < 1 || k > cellCount)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [1, cellCount = {cellCount}].");
        }

        if (indices.Length != (long)cellCount * k || distances.Length != indices.Length)
        {
            throw new ArgumentException($"indices and distances must hold cellCount × k = {(long)cellCount * k} values; got {indices.Length} and {distances.Length}.", nameof(indices));
        }

        foreach (var index in indices)
        {
            if ((uint)index >= (uint)cellCount)
            {
                throw new ArgumentException($"Neighbour index {index} is outside [0, {cellCount}).", nameof(indices));
            }
        }

        CellCount = cellCount;
        K = k;
        _indices = indices;
        _distances = distances;
        IncludesSelf = includesSelf;
        Metric = metric;
    }

    /// <summary>Number of cells (rows).</summary>
    public int CellCount { get; }

    /// <summary>Neighbours stored per cell, self included when <see cref="IncludesSelf"/>.</summary>
    public int K { get; }

    /// <summary>Whether each row's first neighbour is the cell itself (Seurat convention).</summary>
    public bool IncludesSelf { get; }

    /// <summary>The metric of <see cref="Distances"/>.</summary>
    public DistanceMetric Metric { get; }

    /// <summary>All neighbour indices, row-major cells × <see cref="K"/>.</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>All neighbour distances, row-major cells × <see cref="K"/>, ascending within a row.</summary>
    public ReadOnlySpan<float> Distances => _distances;

    /// <summary>The neighbour indices of one cell, nearest first.</summary>
    /// <param name="cell">Cell index in [0, <see cref="CellCount"/>).</param>
    public ReadOnlySpan<int> NeighborsOf(int cell) => _indices.AsSpan(cell * K, K);

    /// <summary>The neighbour distances of one cell, ascending.</summary>
    /// <param name="cell">Cell index in [0, <see cref="CellCount"/>).</param>
    public ReadOnlySpan<float> DistancesOf(int cell) => _distances.AsSpan(cell * K, K);
}
