using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Clustering;

/// <summary>
/// The node-moving phases shared by Louvain and Leiden, ported from the CWTS network-analysis code that Seurat's
/// <c>ModularityOptimizer</c> also derives from (Waltman &amp; van Eck 2013, doi:10.1140/epjb/e2013-40829-0; Traag,
/// Waltman &amp; van Eck 2019, doi:10.1038/s41598-019-41695-z). The gain of moving node v into cluster C is
/// w(v, C) − k_v · K_C · γ / 2m; resolution arguments here are already γ / 2m.
/// </summary>
internal static class LocalMoving
{
    /// <summary>
    /// Louvain's local moving (Blondel et al. 2008, doi:10.1088/1742-5468/2008/10/P10008): visit nodes in a random order,
    /// cyclically, moving each to its best neighbouring cluster (or an empty one when nothing gains), until a full pass
    /// moves nothing. Labels are compacted afterwards. Returns whether any node moved.
    /// </summary>
    public static bool Standard(ModularityNetwork network, int[] cluster, double resolution, ref SplitMix64 rng)
    {
        var n = network.NodeCount;
        if (n == 1)
        {
            return false;
        }

        var state = new MoveState(network, cluster);
        var order = Permutation(n, ref rng);
        var unstable = n;
        var update = false;
        var i = 0;
        do
        {
            var j = order[i];
            var current = cluster[j];
            var candidates = state.Gather(network, cluster, j);
            state.Remove(current, network.NodeWeights[j]);

            var best = -1;
            var bestGain = 0.0;
            for (var c = 0; c < candidates; c++)
            {
                var l = state.Neighboring[c];
                var gain = state.EdgeWeightTo[l] - (network.NodeWeights[j] * state.ClusterWeight[l] * resolution);
                if (gain > bestGain || (gain == bestGain && best >= 0 && l < best))
                {
                    best = l;
                    bestGain = gain;
                }

                state.EdgeWeightTo[l] = 0;
            }

            if (best < 0 || bestGain == 0.0)
            {
                best = state.TakeUnused();
            }

            state.Add(best, network.NodeWeights[j]);
            if (best == current)
            {
                unstable--;
            }
            else
            {
                cluster[j] = best;
                unstable = n;
                update = true;
            }

            i = i < n - 1 ? i + 1 : 0;
        }
        while (unstable > 0);

        ModularityNetwork.Compact(cluster);
        return update;
    }

    /// <summary>
    /// Leiden's fast local moving (Traag et al. 2019, Algorithm A.2 <c>MoveNodesFast</c>): a queue of nodes in random
    /// order; a node that moves re-queues its neighbours outside its new cluster. Returns whether any node moved.
    /// </summary>
    public static bool Fast(ModularityNetwork network, int[] cluster, double resolution, ref SplitMix64 rng)
    {
        var n = network.NodeCount;
        if (n == 1)
        {
            return false;
        }

        var state = new MoveState(network, cluster);
        var order = Permutation(n, ref rng);
        var stable = new bool[n];
        var unstable = n;
        var update = false;
        var i = 0;
        do
        {
            var j = order[i];
            var current = cluster[j];
            state.Remove(current, network.NodeWeights[j]);
            var empty = state.PeekUnused();
            var candidates = state.Gather(network, cluster, j, first: empty);

            var best = current;
            var bestGain = state.EdgeWeightTo[current] - (network.NodeWeights[j] * state.ClusterWeight[current] * resolution);
            for (var c = 0; c < candidates; c++)
            {
                var l = state.Neighboring[c];
                var gain = state.EdgeWeightTo[l] - (network.NodeWeights[j] * state.ClusterWeight[l] * resolution);
                if (gain > bestGain)
                {
                    best = l;
                    bestGain = gain;
                }

                state.EdgeWeightTo[l] = 0;
            }

            state.EdgeWeightTo[current] = 0;
            if (best == empty)
            {
                state.TakeUnused();
            }

            state.Add(best, network.NodeWeights[j]);
            stable[j] = true;
            unstable--;
            if (best != current)
            {
                cluster[j] = best;
                update = true;
                for (var e = network.Pointers[j]; e < network.Pointers[j + 1]; e++)
                {
                    var k = network.Neighbors[e];
                    if (stable[k] && cluster[k] != best)
                    {
                        stable[k] = false;
                        unstable++;
                        order[(i + unstable) % n] = k;
                    }
                }
            }

            i = i < n - 1 ? i + 1 : 0;
        }
        while (unstable > 0);

        ModularityNetwork.Compact(cluster);
        return update;
    }

    public static int[] Permutation(int n, ref SplitMix64 rng)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        rng.Shuffle(order);
        return order;
    }

    /// <summary>Per-cluster weights, member counts and the stack of empty clusters (labels 0 … n − 1).</summary>
    private sealed class MoveState
    {
        private readonly int[] _members;
        private readonly int[] _unused;
        private int _unusedCount;

        public MoveState(ModularityNetwork network, int[] cluster)
        {
            var n = network.NodeCount;
            ClusterWeight = new double[n];
            EdgeWeightTo = new double[n];
            Neighboring = new int[n + 1];
            _members = new int[n];
            _unused = new int[n];
            for (var i = 0; i < n; i++)
            {
                ClusterWeight[cluster[i]] += network.NodeWeights[i];
                _members[cluster[i]]++;
            }

            for (var c = n - 1; c >= 0; c--)
            {
                if (_members[c] == 0)
                {
                    _unused[_unusedCount++] = c;
                }
            }
        }

        public double[] ClusterWeight { get; }

        public double[] EdgeWeightTo { get; }

        public int[] Neighboring { get; }

        /// <summary>Lists the clusters adjacent to node j (after <paramref name="first"/>, when given) and accumulates
        /// the edge weight to each; weights are positive, so a zero accumulator marks a cluster not yet listed.</summary>
        public int Gather(ModularityNetwork network, int[] cluster, int j, int first = -1)
        {
            var count = 0;
            if (first >= 0)
            {
                Neighboring[count++] = first;
            }

            for (var e = network.Pointers[j]; e < network.Pointers[j + 1]; e++)
            {
                var l = cluster[network.Neighbors[e]];
                if (EdgeWeightTo[l] == 0)
                {
                    Neighboring[count++] = l;
                }

                EdgeWeightTo[l] += network.Weights[e];
            }

            return count;
        }

        public void Remove(int c, double weight)
        {
            ClusterWeight[c] -= weight;
            if (--_members[c] == 0)
            {
                _unused[_unusedCount++] = c;
            }
        }

        public void Add(int c, double weight)
        {
            ClusterWeight[c] += weight;
            _members[c]++;
        }

        public int PeekUnused() => _unused[_unusedCount - 1];

        public int TakeUnused() => _unused[--_unusedCount];
    }
}
