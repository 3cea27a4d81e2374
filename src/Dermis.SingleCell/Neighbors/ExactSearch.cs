namespace Dermis.SingleCell.Neighbors;

/// <summary>
/// Brute-force k nearest neighbours: query rows in blocks of 32 against reference rows in blocks of 1,024 (so a
/// reference block stays in cache while every query of the block scans it), query blocks in parallel. Each query's list
/// is kept sorted by (distance, index), so the result does not depend on the thread count.
/// </summary>
internal static class ExactSearch
{
    private const int QueryBlock = 32;
    private const int ReferenceBlock = 1024;

    /// <summary>Finds the <paramref name="k"/> nearest rows other than the query itself for each row in <paramref name="queries"/>.</summary>
    /// <param name="data">Prepared embedding (see <see cref="DistanceKernel.Prepare"/>).</param>
    /// <param name="cells">Rows in <paramref name="data"/>.</param>
    /// <param name="dims">Columns in <paramref name="data"/>.</param>
    /// <param name="k">Neighbours per query, excluding itself; at most cells − 1.</param>
    /// <param name="cosine">Whether rows are normalised and the metric is cosine.</param>
    /// <param name="queries">Query row indices.</param>
    /// <param name="indices">Output, queries.Length × k.</param>
    /// <param name="distances">Output, queries.Length × k.</param>
    public static void Run(float[] data, int cells, int dims, int k, bool cosine, int[] queries, int[] indices, float[] distances)
    {
        var blocks = (queries.Length + QueryBlock - 1) / QueryBlock;
        Parallel.For(0, blocks, block => SearchBlock(data, cells, dims, k, cosine, queries, block, indices, distances));
    }

    private static void SearchBlock(float[] data, int cells, int dims, int k, bool cosine, int[] queries, int block, int[] indices, float[] distances)
    {
        var first = block * QueryBlock;
        var count = Math.Min(QueryBlock, queries.Length - first);
        var found = new int[count];
        var bestD = distances.AsSpan(first * k, count * k);
        var bestI = indices.AsSpan(first * k, count * k);
        for (var r0 = 0; r0 < cells; r0 += ReferenceBlock)
        {
            var r1 = Math.Min(cells, r0 + ReferenceBlock);
            for (var q = 0; q < count; q++)
            {
                var self = queries[first + q];
                var x = data.AsSpan(self * dims, dims);
                var d = bestD.Slice(q * k, k);
                var ix = bestI.Slice(q * k, k);
                var n = found[q];
                for (var r = r0; r < r1; r++)
                {
                    if (r == self)
                    {
                        continue;
                    }

                    var dist = DistanceKernel.Measure(x, data.AsSpan(r * dims, dims), cosine);
                    if (n == k && !(dist < d[k - 1]))
                    {
                        continue;
                    }

                    // Insertion keeps (distance, index) order: references arrive in ascending index, ties stay behind.
                    var at = n < k ? n++ : k - 1;
                    while (at > 0 && d[at - 1] > dist)
                    {
                        d[at] = d[at - 1];
                        ix[at] = ix[at - 1];
                        at--;
                    }

                    d[at] = dist;
                    ix[at] = r;
                }

                found[q] = n;
            }
        }
    }
}
