namespace Dermis.SingleCell.Clustering;

/// <summary>
/// A cluster label per cell, numbered by cluster size descending (0 = largest, ties by the smallest member index), as
/// Seurat numbers its clusters; with the modularity of the partition on the clustered graph.
/// </summary>
public sealed class CellClusters
{
    private readonly int[] _labels;
    private readonly int[] _sizes;

    internal CellClusters(int[] labels, int clusterCount, double modularity)
    {
        _labels = labels;
        ClusterCount = clusterCount;
        Modularity = modularity;
        _sizes = new int[clusterCount];
        foreach (var label in labels)
        {
            _sizes[label]++;
        }
    }

    /// <summary>Cluster of each cell, 0 … <see cref="ClusterCount"/> − 1.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>Number of cells in each cluster, non-increasing.</summary>
    public ReadOnlySpan<int> Sizes => _sizes;

    /// <summary>Number of clusters.</summary>
    public int ClusterCount { get; }

    /// <summary>Modularity with the run's resolution (see <see cref="Clustering.Modularity.Compute"/>), self-loops ignored.</summary>
    public double Modularity { get; }
}
