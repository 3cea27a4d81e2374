using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Clustering;

/// <summary>
/// Leiden's refinement phase (Traag, Waltman &amp; van Eck 2019, doi:10.1038/s41598-019-41695-z, Algorithm A.2
/// <c>RefinePartition</c> / <c>MergeNodesSubset</c>; CWTS <c>LocalMergingAlgorithm</c>): inside each cluster every node
/// starts alone; in random order, a node still alone and well connected to the rest of its cluster
/// (E(v, S − v) ≥ γ‖v‖(‖S‖ − ‖v‖)) joins a well-connected refined cluster chosen at random with probability
/// ∝ exp(ΔH / θ) over moves with ΔH ≥ 0. This guarantees γ-connected communities.
/// </summary>
internal static class Refinement
{
    /// <summary>Returns refined labels, compact, numbered cluster by cluster; <paramref name="refinedCount"/> receives their count.</summary>
    public static int[] Refine(ModularityNetwork network, int[] cluster, int clusterCount, double resolution, double randomness, ref SplitMix64 rng, out int refinedCount)
    {
        var n = network.NodeCount;
        var members = ModularityNetwork.GroupByCluster(cluster, clusterCount, out var starts);
        var refined = new int[n];
        var weight = new double[n];
        var external = new double[n];
        var nonSingleton = new bool[n];
        var edgeWeightTo = new double[n];
        var neighboring = new int[n + 1];
        var cumulative = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            refined[i] = i;
            weight[i] = network.NodeWeights[i];
            for (var e = network.Pointers[i]; e < network.Pointers[i + 1]; e++)
            {
                if (cluster[network.Neighbors[e]] == cluster[i])
                {
                    external[i] += network.Weights[e];
                }
            }
        }

        for (var c = 0; c < clusterCount; c++)
        {
            var nodes = members.AsSpan(starts[c], starts[c + 1] - starts[c]);
            if (nodes.Length == 1)
            {
                continue;
            }

            var total = 0.0;
            foreach (var v in nodes)
            {
                total += network.NodeWeights[v];
            }

            var order = nodes.ToArray();
            rng.Shuffle(order);
            foreach (var v in order)
            {
                if (nonSingleton[v] || refined[v] != v || external[v] < weight[v] * (total - weight[v]) * resolution)
                {
                    continue;
                }

                weight[v] = 0;
                external[v] = 0;
                var count = 0;
                neighboring[count++] = v;
                for (var e = network.Pointers[v]; e < network.Pointers[v + 1]; e++)
                {
                    var u = network.Neighbors[e];
                    if (cluster[u] != c)
                    {
                        continue;
                    }

                    var l = refined[u];
                    if (edgeWeightTo[l] == 0 && l != v)
                    {
                        neighboring[count++] = l;
                    }

                    edgeWeightTo[l] += network.Weights[e];
                }

                var best = v;
                var bestGain = 0.0;
                var sum = 0.0;
                var nodeWeight = network.NodeWeights[v];
                for (var t = 0; t < count; t++)
                {
                    var l = neighboring[t];
                    if (external[l] >= weight[l] * (total - weight[l]) * resolution)
                    {
                        var gain = edgeWeightTo[l] - (nodeWeight * weight[l] * resolution);
                        if (gain > bestGain)
                        {
                            best = l;
                            bestGain = gain;
                        }

                        if (gain >= 0)
                        {
                            sum += Math.Exp(gain / randomness);
                        }
                    }

                    cumulative[t] = sum;
                    edgeWeightTo[l] = 0;
                }

                var chosen = best;
                if (!double.IsInfinity(sum))
                {
                    var r = sum * rng.NextDouble();
                    for (var t = 0; t < count; t++)
                    {
                        if (cumulative[t] > r)
                        {
                            chosen = neighboring[t];
                            break;
                        }
                    }
                }

                weight[chosen] += nodeWeight;
                for (var e = network.Pointers[v]; e < network.Pointers[v + 1]; e++)
                {
                    var u = network.Neighbors[e];
                    if (cluster[u] == c)
                    {
                        external[chosen] += refined[u] == chosen ? -network.Weights[e] : network.Weights[e];
                    }
                }

                if (chosen != v)
                {
                    refined[v] = chosen;
                    nonSingleton[chosen] = true;
                }
            }
        }

        // Number refined clusters cluster by cluster so aggregate nodes follow their parent clusters.
        var map = new int[n];
        Array.Fill(map, -1);
        refinedCount = 0;
        foreach (var v in members)
        {
            if (map[refined[v]] < 0)
            {
                map[refined[v]] = refinedCount++;
            }
        }

        for (var i = 0; i < n; i++)
        {
            refined[i] = map[refined[i]];
        }

        return refined;
    }
}
