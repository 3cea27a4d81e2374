using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Clustering;

/// <summary>
/// Leiden modularity clustering (Traag, Waltman &amp; van Eck 2019, "From Louvain to Leiden: guaranteeing well-connected
/// communities", Sci Rep 9:5233, doi:10.1038/s41598-019-41695-z), the method of Scanpy's <c>tl.leiden</c> and Seurat's
/// <c>FindClusters(algorithm = 4)</c>, with the RB-configuration (modularity with resolution) quality function.
/// </summary>
public static class Leiden
{
    /// <summary>
    /// Clusters a graph: fast local moving, refinement (randomness θ = <see cref="CommunityOptions.Randomness"/>) and
    /// aggregation of the refined partition, repeated for <see cref="CommunityOptions.Iterations"/> iterations (−1: until
    /// stable) from singletons, for each random start, keeping the highest modularity. Self-loops are ignored.
    /// Single-threaded and deterministic for a seed. Seurat's Leiden call uses one start; pass RandomStarts = 1 for that.
    /// </summary>
    /// <param name="graph">Weighted undirected graph (SNN or UMAP connectivities).</param>
    /// <param name="options">Settings; null for Seurat's defaults (γ = 0.8, 10 starts, 10 iterations, seed 0).</param>
    /// <returns>Labels numbered by cluster size descending, and the modularity.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static CellClusters Cluster(CellGraph graph, CommunityOptions? options = null) => CommunitySearch.Run(graph, options, leiden: true);
}
