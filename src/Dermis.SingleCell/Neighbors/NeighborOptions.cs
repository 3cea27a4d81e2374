namespace Dermis.SingleCell.Neighbors;

/// <summary>
/// Settings of the k-nearest-neighbour search. Defaults are Seurat's <c>FindNeighbors</c> (k.param = 20, euclidean,
/// self included); Scanpy's <c>pp.neighbors</c> is K = 15 with <see cref="IncludeSelf"/> as you need it (Scanpy counts the
/// cell itself among its 15 neighbours).
/// </summary>
public sealed record NeighborOptions
{
    /// <summary>Neighbours per cell, self included when <see cref="IncludeSelf"/>; 2 … cell count. Default 20 (Seurat k.param).</summary>
    public int K { get; init; } = 20;

    /// <summary>Distance metric. Default <see cref="DistanceMetric.Euclidean"/>.</summary>
    public DistanceMetric Metric { get; init; } = DistanceMetric.Euclidean;

    /// <summary>Whether each cell is its own first neighbour (Seurat, Scanpy's connectivities) or left out.</summary>
    public bool IncludeSelf { get; init; } = true;

    /// <summary>
    /// Above this many cells <see cref="NearestNeighbors.Find"/> switches from the exact search to NN-descent. Default
    /// 20,000 (the exact search costs n² distance evaluations).
    /// </summary>
    public int ExactMaxCells { get; init; } = 20_000;

    /// <summary>Seed of NN-descent's random projection trees, initial graph and candidate sampling.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>NN-descent iterations at most; default 12 (pynndescent's default is max(5, round(log2 n))).</summary>
    public int MaxIterations { get; init; } = 12;

    /// <summary>NN-descent stops when fewer than Delta · n · K neighbour lists changed in an iteration; default 0.001 (Dong et al. 2011).</summary>
    public double Delta { get; init; } = 0.001;

    /// <summary>Random projection trees used to initialise NN-descent; 0 starts from a random graph only. Default 8.</summary>
    public int Trees { get; init; } = 8;

    internal void Validate(int cells, int dims)
    {
        if (cells < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(cells), cells, "At least 2 cells are needed for a neighbour search.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dims, 1);
        var most = IncludeSelf ? cells : cells - 1;
        if (K < 2 || K > most)
        {
            throw new ArgumentException($"NeighborOptions.K = {K} must be in [2, {most}] for {cells} cells (IncludeSelf = {IncludeSelf}).");
        }

        if (Trees < 0 || MaxIterations < 1)
        {
            throw new ArgumentException($"NeighborOptions.Trees = {Trees} must be ≥ 0 and MaxIterations = {MaxIterations} ≥ 1.");
        }
        if (!(Delta >= 0 && Delta < 1))
        {
            throw new ArgumentException($"NeighborOptions.Delta = {Delta} must be in [0, 1).");
        }
    }
}
