namespace Dermis.SingleCell.Clustering;

/// <summary>
/// Settings of modularity clustering. Defaults are Seurat's <c>FindClusters</c>: resolution 0.8, n.start = 10,
/// n.iter = 10, random.seed = 0, group.singletons = TRUE. Scanpy's <c>tl.leiden</c> is resolution 1, one start,
/// <see cref="Iterations"/> = −1 (until stable; the tutorials use 2).
/// </summary>
public sealed record CommunityOptions
{
    /// <summary>Resolution γ of the modularity null model (RB configuration / Newman–Girvan, γ = 1 classic); &gt; 0. Higher gives more clusters.</summary>
    public double Resolution { get; init; } = 0.8;

    /// <summary>Independent random starts; the partition with the highest modularity is kept. At least 1.</summary>
    public int RandomStarts { get; init; } = 10;

    /// <summary>Iterations per start (each stops early when nothing changes); −1 iterates until stable (at most 1,000).</summary>
    public int Iterations { get; init; } = 10;

    /// <summary>Seed of node orders and Leiden's randomised refinement.</summary>
    public ulong Seed { get; init; }

    /// <summary>Leiden's refinement randomness θ (CWTS and leidenalg default 0.01); &gt; 0. Louvain ignores it.</summary>
    public double Randomness { get; init; } = 0.01;

    /// <summary>Whether single-cell clusters are merged into the cluster with the highest mean edge weight to them (Seurat <c>GroupSingletons</c>).</summary>
    public bool GroupSingletons { get; init; } = true;

    internal void Validate()
    {
        if (!(Resolution > 0) || double.IsInfinity(Resolution))
        {
            throw new ArgumentException($"CommunityOptions.Resolution = {Resolution} must be finite and > 0 (Seurat's default 0.8, Scanpy's 1).");
        }

        if (RandomStarts < 1 || Iterations == 0 || Iterations < -1)
        {
            throw new ArgumentException($"CommunityOptions.RandomStarts = {RandomStarts} must be ≥ 1 and Iterations = {Iterations} ≥ 1 or −1 (until stable).");
        }

        if (!(Randomness > 0) || double.IsInfinity(Randomness))
        {
            throw new ArgumentException($"CommunityOptions.Randomness = {Randomness} must be finite and > 0 (default 0.01).");
        }
    }
}
