using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Clustering;

/// <summary>
/// Louvain modularity clustering as Seurat's <c>FindClusters(algorithm = 1)</c> runs it (Blondel et al. 2008,
/// doi:10.1088/1742-5468/2008/10/P10008; CWTS/Seurat <c>ModularityOptimizer</c>, Waltman &amp; van Eck 2013,
/// doi:10.1140/epjb/e2013-40829-0).
/// </summary>
public static class Louvain
{
    /// <summary>
    /// Clusters a graph by maximising modularity with resolution γ (configuration null model): each of
    /// <see cref="CommunityOptions.RandomStarts"/> starts runs up to <see cref="CommunityOptions.Iterations"/> Louvain
    /// passes (local moving in random node order, aggregation, recursion) from singletons; the start with the highest
    /// modularity wins. Self-loops are ignored. Single-threaded and deterministic for a seed; the random stream differs
    /// from Seurat's Java-style generator, so labels match Seurat's up to the usual run-to-run variation (ARI ≈ 0.95+).
    /// </summary>
    /// <param name="graph">Weighted undirected graph, e.g. <see cref="SharedNearestNeighbors.Compute"/>'s SNN.</param>
    /// <param name="options">Settings; null for Seurat's defaults (γ = 0.8, 10 starts, 10 iterations, seed 0).</param>
    /// <returns>Labels numbered by cluster size descending, and the modularity.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static CellClusters Cluster(CellGraph graph, CommunityOptions? options = null) => CommunitySearch.Run(graph, options, leiden: false);
}
