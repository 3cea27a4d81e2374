using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Clustering;

/// <summary>
/// The weighted network the modularity optimisers work on (CWTS <c>Network</c>, Waltman &amp; van Eck 2013,
/// doi:10.1140/epjb/e2013-40829-0): CSR adjacency without self-loops, node weights (strength in the original graph,
/// summed on aggregation) and the weight of self-links absorbed by aggregation.
/// </summary>
internal sealed class ModularityNetwork
{
    public ModularityNetwork(int nodeCount, int[] pointers, int[] neighbors, double[] weights, double[] nodeWeights, double selfLinkWeight)
    {
        NodeCount = nodeCount;
        Pointers = pointers;
        Neighbors = neighbors;
        Weights = weights;
        NodeWeights = nodeWeights;
        SelfLinkWeight = selfLinkWeight;
    }

    public int NodeCount { get; }

    public int[] Pointers { get; }

    public int[] Neighbors { get; }

    public double[] Weights { get; }

    public double[] NodeWeights { get; }

    /// <summary>Twice the internal weight of aggregated nodes (each undirected internal edge counted from both ends).</summary>
    public double SelfLinkWeight { get; }

    /// <summary>Σ over directed entries plus self-links: 2m of the original graph.</summary>
    public double TotalWeight()
    {
        var total = SelfLinkWeight;
        foreach (var w in Weights)
        {
            total += w;
        }

        return total;
    }

    /// <summary>Copies a graph, dropping self-loops (Seurat's modularity optimiser reads only i ≠ j entries).</summary>
    public static ModularityNetwork FromGraph(CellGraph graph)
    {
        var n = graph.NodeCount;
        var rows = graph.RowPointers;
        var cols = graph.Columns;
        var vals = graph.Weights;
        var pointers = new int[n + 1];
        var neighbors = new int[cols.Length];
        var weights = new double[cols.Length];
        var nodeWeights = new double[n];
        var write = 0;
        for (var i = 0; i < n; i++)
        {
            for (var e = rows[i]; e < rows[i + 1]; e++)
            {
                if (cols[e] != i)
                {
                    neighbors[write] = cols[e];
                    weights[write++] = vals[e];
                    nodeWeights[i] += vals[e];
                }
            }

            pointers[i + 1] = write;
        }

        return new ModularityNetwork(n, pointers, neighbors.AsSpan(0, write).ToArray(), weights.AsSpan(0, write).ToArray(), nodeWeights, 0);
    }

    /// <summary>Aggregates nodes by cluster (CWTS <c>createReducedNetwork</c>): one node per cluster, weights summed.</summary>
    public ModularityNetwork Reduce(int[] cluster, int clusterCount)
    {
        var members = GroupByCluster(cluster, clusterCount, out var starts);
        var nodeWeights = new double[clusterCount];
        var selfLinks = SelfLinkWeight;
        var accumulated = new double[clusterCount];
        var touched = new List<int>();
        var pointers = new int[clusterCount + 1];
        var neighbors = new List<int>();
        var weights = new List<double>();
        for (var c = 0; c < clusterCount; c++)
        {
            for (var m = starts[c]; m < starts[c + 1]; m++)
            {
                var i = members[m];
                nodeWeights[c] += NodeWeights[i];
                for (var e = Pointers[i]; e < Pointers[i + 1]; e++)
                {
                    var d = cluster[Neighbors[e]];
                    if (d == c)
                    {
                        selfLinks += Weights[e];
                        continue;
                    }

                    if (accumulated[d] == 0)
                    {
                        touched.Add(d);
                    }

                    accumulated[d] += Weights[e];
                }
            }

            touched.Sort();
            foreach (var d in touched)
            {
                neighbors.Add(d);
                weights.Add(accumulated[d]);
                accumulated[d] = 0;
            }

            touched.Clear();
            pointers[c + 1] = neighbors.Count;
        }

        return new ModularityNetwork(clusterCount, pointers, [.. neighbors], [.. weights], nodeWeights, selfLinks);
    }

    /// <summary>Nodes listed cluster by cluster (ascending node index within a cluster); starts has clusterCount + 1 entries.</summary>
    public static int[] GroupByCluster(int[] cluster, int clusterCount, out int[] starts)
    {
        starts = new int[clusterCount + 1];
        foreach (var c in cluster)
        {
            starts[c + 1]++;
        }

        for (var c = 0; c < clusterCount; c++)
        {
            starts[c + 1] += starts[c];
        }

        var next = starts.AsSpan(0, clusterCount).ToArray();
        var members = new int[cluster.Length];
        for (var i = 0; i < cluster.Length; i++)
        {
            members[next[cluster[i]]++] = i;
        }

        return members;
    }

    /// <summary>
    /// CWTS quality: (Σ internal directed weight + self-links − resolution · Σ_c K_c²) / 2m, with resolution already
    /// divided by 2m, i.e. Newman–Girvan modularity with a resolution parameter.
    /// </summary>
    public double Quality(int[] cluster, int clusterCount, double resolution)
    {
        var internalWeight = SelfLinkWeight;
        var clusterWeight = new double[clusterCount];
        for (var i = 0; i < NodeCount; i++)
        {
            clusterWeight[cluster[i]] += NodeWeights[i];
            for (var e = Pointers[i]; e < Pointers[i + 1]; e++)
            {
                if (cluster[Neighbors[e]] == cluster[i])
                {
                    internalWeight += Weights[e];
                }
            }
        }

        var penalty = 0.0;
        foreach (var k in clusterWeight)
        {
            penalty += k * k;
        }

        var total = TotalWeight();
        return total > 0 ? (internalWeight - (resolution * penalty)) / total : 0;
    }

    /// <summary>Renumbers labels to 0 … count − 1 in order of their first appearance; returns the count.</summary>
    public static int Compact(int[] cluster)
    {
        var map = new int[cluster.Length];
        Array.Fill(map, -1);
        var count = 0;
        for (var i = 0; i < cluster.Length; i++)
        {
            var c = cluster[i];
            if (map[c] < 0)
            {
                map[c] = count++;
            }

            cluster[i] = map[c];
        }

        return count;
    }
}
