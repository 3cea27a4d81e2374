namespace Dermis.SingleCell.Clustering;

/// <summary>Seurat's post-processing of a partition: singleton merging and size-ordered numbering.</summary>
internal static class ClusterLabels
{
    /// <summary>Renumbers labels by cluster size descending, ties by smallest member index; returns the cluster count.</summary>
    public static int OrderBySize(int[] labels)
    {
        var count = ModularityNetwork.Compact(labels);
        var sizes = new int[count];
        foreach (var label in labels)
        {
            sizes[label]++;
        }

        // Compact numbers by first appearance, so equal sizes already order by smallest member index.
        var order = new int[count];
        for (var c = 0; c < count; c++)
        {
            order[c] = c;
        }

        var keys = new long[count];
        for (var c = 0; c < count; c++)
        {
            keys[c] = ((long)(int.MaxValue - sizes[c]) << 32) | (uint)c;
        }

        Array.Sort(keys, order);
        var rank = new int[count];
        for (var r = 0; r < count; r++)
        {
            rank[order[r]] = r;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = rank[labels[i]];
        }

        return count;
    }

    /// <summary>
    /// Seurat <c>GroupSingletons</c>: a cluster of one cell joins the non-singleton cluster with the highest mean edge
    /// weight to it (ties: the lower label); one with no edge to any such cluster stays alone.
    /// </summary>
    public static void MergeSingletons(ModularityNetwork network, int[] labels)
    {
        var count = ModularityNetwork.Compact(labels);
        var sizes = new int[count];
        foreach (var label in labels)
        {
            sizes[label]++;
        }

        var original = (int[])labels.Clone();
        var sum = new double[count];
        for (var i = 0; i < labels.Length; i++)
        {
            if (sizes[original[i]] != 1)
            {
                continue;
            }

            Array.Clear(sum);
            for (var e = network.Pointers[i]; e < network.Pointers[i + 1]; e++)
            {
                var l = original[network.Neighbors[e]];
                if (sizes[l] > 1)
                {
                    sum[l] += network.Weights[e];
                }
            }

            var best = -1;
            var bestMean = 0.0;
            for (var l = 0; l < count; l++)
            {
                var mean = sizes[l] > 1 ? sum[l] / sizes[l] : 0;
                if (mean > bestMean)
                {
                    best = l;
                    bestMean = mean;
                }
            }

            if (best >= 0)
            {
                labels[i] = best;
            }
        }
    }
}
