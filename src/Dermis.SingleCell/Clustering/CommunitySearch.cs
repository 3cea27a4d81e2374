using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Clustering;

/// <summary>The random-start loop shared by <see cref="Louvain"/> and <see cref="Leiden"/> (Seurat <c>ModularityOptimizer</c>).</summary>
internal static class CommunitySearch
{
    private const int UntilStableCap = 1000;

    public static CellClusters Run(CellGraph graph, CommunityOptions? options, bool leiden)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new CommunityOptions();
        options.Validate();
        var network = ModularityNetwork.FromGraph(graph);
        var n = network.NodeCount;
        var total = network.TotalWeight();
        var resolution = total > 0 ? options.Resolution / total : 0;
        var iterations = options.Iterations < 0 ? UntilStableCap : options.Iterations;
        // Random starts run in parallel, each on its own stream (start 0 on the seed's own stream, so one start gives
        // the same result as a sequential run); the best modularity wins, ties to the lowest start: the same labels on
        // any core count.
        var starts = new (int[] Cluster, double Quality)[options.RandomStarts];
        Parallel.For(0, options.RandomStarts, start =>
        {
            var rng = start == 0 ? new SplitMix64(options.Seed) : SplitMix64.For(options.Seed, 0x5EED, (ulong)start);
            var cluster = new int[n];
            for (var i = 0; i < n; i++)
            {
                cluster[i] = i;
            }

            for (var iteration = 0; iteration < iterations; iteration++)
            {
                var update = leiden ? LeidenLevel(network, cluster, resolution, options.Randomness, ref rng) : LouvainLevel(network, cluster, resolution, ref rng);
                if (!update)
                {
                    break;
                }
            }

            var count = ModularityNetwork.Compact(cluster);
            starts[start] = (cluster, network.Quality(cluster, count, resolution));
        });
        int[]? best = null;
        var bestQuality = double.NegativeInfinity;
        foreach (var (cluster, quality) in starts)
        {
            if (quality > bestQuality)
            {
                bestQuality = quality;
                best = cluster;
            }
        }

        var labels = best!;
        if (options.GroupSingletons)
        {
            ClusterLabels.MergeSingletons(network, labels);
        }

        var clusterCount = ClusterLabels.OrderBySize(labels);
        return new CellClusters(labels, clusterCount, network.Quality(labels, clusterCount, resolution));
    }

    /// <summary>CWTS <c>VOSClusteringTechnique.runLouvainAlgorithm</c>: local moving, then recurse on the aggregate network.</summary>
    private static bool LouvainLevel(ModularityNetwork network, int[] cluster, double resolution, ref SplitMix64 rng)
    {
        if (network.NodeCount == 1)
        {
            return false;
        }

        var update = LocalMoving.Standard(network, cluster, resolution, ref rng);
        var count = ModularityNetwork.Compact(cluster);
        if (count < network.NodeCount)
        {
            var reduced = network.Reduce(cluster, count);
            var reducedCluster = new int[count];
            for (var c = 0; c < count; c++)
            {
                reducedCluster[c] = c;
            }

            if (LouvainLevel(reduced, reducedCluster, resolution, ref rng))
            {
                update = true;
                for (var i = 0; i < cluster.Length; i++)
                {
                    cluster[i] = reducedCluster[cluster[i]];
                }
            }
        }

        return update;
    }

    /// <summary>
    /// CWTS <c>LeidenAlgorithm.improveClusteringOneIteration</c>: fast local moving, refinement, aggregation by the refined
    /// partition with the unrefined one as the aggregate's starting partition, recursion.
    /// </summary>
    private static bool LeidenLevel(ModularityNetwork network, int[] cluster, double resolution, double randomness, ref SplitMix64 rng)
    {
        var update = LocalMoving.Fast(network, cluster, resolution, ref rng);
        var count = ModularityNetwork.Compact(cluster);
        if (count < network.NodeCount)
        {
            var refined = Refinement.Refine(network, cluster, count, resolution, randomness, ref rng, out var refinedCount);
            if (refinedCount < network.NodeCount)
            {
                var reduced = network.Reduce(refined, refinedCount);
                var reducedCluster = new int[refinedCount];
                for (var i = 0; i < cluster.Length; i++)
                {
                    reducedCluster[refined[i]] = cluster[i];
                }

                update |= LeidenLevel(reduced, reducedCluster, resolution, randomness, ref rng);
                for (var i = 0; i < cluster.Length; i++)
                {
                    cluster[i] = reducedCluster[refined[i]];
                }
            }
        }

        return update;
    }
}
