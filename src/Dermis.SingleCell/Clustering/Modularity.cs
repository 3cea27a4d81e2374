using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Clustering;

/// <summary>Modularity of a partition of a weighted graph.</summary>
public static class Modularity
{
    /// <summary>
    /// Newman–Girvan modularity with a resolution parameter (Newman &amp; Girvan 2004, doi:10.1103/PhysRevE.69.026113;
    /// Reichardt &amp; Bornholdt 2006, doi:10.1103/PhysRevE.74.016110):
    /// Q = (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j), with A the weighted adjacency without its diagonal
    /// (self-loops ignored, as Seurat's modularity optimiser reads the SNN graph), k_i = Σ_j A_ij and 2m = Σ_i k_i.
    /// Range [−1/2, 1) for γ = 1; 0 for a graph without edges.
    /// </summary>
    /// <param name="graph">The weighted graph.</param>
    /// <param name="labels">Cluster label per node, any non-negative integers below the node count.</param>
    /// <param name="resolution">γ &gt; 0; 1 for classic modularity.</param>
    /// <returns>The modularity.</returns>
    /// <exception cref="ArgumentException">Label count or range is wrong, or resolution is not positive.</exception>
    public static double Compute(CellGraph graph, ReadOnlySpan<int> labels, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (labels.Length != graph.NodeCount)
        {
            throw new ArgumentException($"labels must hold one label per node ({graph.NodeCount}); got {labels.Length}.", nameof(labels));
        }

        if (!(resolution > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "resolution must be > 0.");
        }

        var cluster = new int[labels.Length];
        foreach (var label in labels)
        {
            if ((uint)label >= (uint)labels.Length)
            {
                throw new ArgumentException($"Label {label} is outside [0, {labels.Length}).", nameof(labels));
            }
        }

        labels.CopyTo(cluster);
        var count = ModularityNetwork.Compact(cluster);
        var network = ModularityNetwork.FromGraph(graph);
        var total = network.TotalWeight();
        return total > 0 ? network.Quality(cluster, count, resolution / total) : 0;
    }
}
