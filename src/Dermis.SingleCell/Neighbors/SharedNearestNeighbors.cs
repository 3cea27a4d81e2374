namespace Dermis.SingleCell.Neighbors;

/// <summary>
/// Shared-nearest-neighbour graph as Seurat's <c>ComputeSNN</c> builds it (Seurat <c>src/snn.cpp</c>; Waltman &amp; van Eck
/// 2013 use it for Louvain on single-cell data via Xu &amp; Su 2015, doi:10.1093/bioinformatics/btv088): the weight of
/// (i, j) is the Jaccard index of their neighbourhoods, |N(i) ∩ N(j)| / |N(i) ∪ N(j)| = s / (2k − s), and weights
/// below the prune threshold are dropped.
/// </summary>
public static class SharedNearestNeighbors
{
    /// <summary>Seurat's default <c>prune.SNN</c>: Jaccard weights below 1/15 are set to zero.</summary>
    public const double SeuratPrune = 1.0 / 15.0;

    private const int ChunkRows = 256;

    /// <summary>
    /// Builds the symmetric Jaccard SNN graph. With Seurat's input (k = 20 neighbours including the cell itself) every
    /// cell has a self-loop of weight 1, as in Seurat's <c>RNA_snn</c>; the clustering methods ignore self-loops as
    /// Seurat's modularity optimiser does. Rows are computed in parallel chunks, each independently, so the graph does not
    /// depend on the thread count.
    /// </summary>
    /// <param name="neighbors">The k-nearest-neighbour graph; Seurat uses k = 20 with self included.</param>
    /// <param name="prune">Weights strictly below this are dropped; in [0, 1], default 1/15 (Seurat <c>prune.SNN</c>).</param>
    /// <returns>The SNN graph, column indices ascending per row, weights in (0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prune"/> is outside [0, 1].</exception>
    public static CellGraph Compute(NeighborGraph neighbors, double prune = SeuratPrune)
    {
        ArgumentNullException.ThrowIfNull(neighbors);
        if (!(prune >= 0 && prune <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(prune), prune, "prune must be in [0, 1] (Seurat's default is 1/15).");
        }

        var n = neighbors.CellCount;
        var k = neighbors.K;
        var knn = neighbors.Indices.ToArray();

        // Reverse index: reverse[m] = the cells whose neighbourhood contains m.
        var reversePointers = new int[n + 1];
        foreach (var m in knn)
        {
            reversePointers[m + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            reversePointers[i + 1] += reversePointers[i];
        }

        var reverse = new int[knn.Length];
        var next = reversePointers.AsSpan(0, n).ToArray();
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < k; t++)
            {
                reverse[next[knn[(i * k) + t]]++] = i;
            }
        }

        var chunks = (n + ChunkRows - 1) / ChunkRows;
        var chunkColumns = new int[chunks][];
        var chunkWeights = new float[chunks][];
        var rowLengths = new int[n];
        Parallel.For(0, chunks, chunk =>
        {
            var overlap = new int[n];
            var touched = new List<int>();
            var columns = new List<int>();
            var weights = new List<float>();
            var end = Math.Min(n, (chunk + 1) * ChunkRows);
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                for (var t = 0; t < k; t++)
                {
                    var m = knn[(i * k) + t];
                    for (var r = reversePointers[m]; r < reversePointers[m + 1]; r++)
                    {
                        var j = reverse[r];
                        if (overlap[j]++ == 0)
                        {
                            touched.Add(j);
                        }
                    }
                }

                touched.Sort();
                var before = columns.Count;
                foreach (var j in touched)
                {
                    var s = overlap[j];
                    overlap[j] = 0;
                    var jaccard = s / (double)((2 * k) - s);
                    if (jaccard >= prune)
                    {
                        columns.Add(j);
                        weights.Add((float)jaccard);
                    }
                }

                rowLengths[i] = columns.Count - before;
                touched.Clear();
            }

            chunkColumns[chunk] = [.. columns];
            chunkWeights[chunk] = [.. weights];
        });

        var pointers = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            pointers[i + 1] = pointers[i] + rowLengths[i];
        }

        var allColumns = new int[pointers[n]];
        var allWeights = new float[pointers[n]];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var at = pointers[chunk * ChunkRows];
            chunkColumns[chunk].CopyTo(allColumns, at);
            chunkWeights[chunk].CopyTo(allWeights, at);
        }

        return CellGraph.Trusted(n, pointers, allColumns, allWeights);
    }
}
