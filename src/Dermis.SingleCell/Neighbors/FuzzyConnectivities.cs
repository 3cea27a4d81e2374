namespace Dermis.SingleCell.Neighbors;

/// <summary>
/// UMAP's fuzzy simplicial set on a kNN graph (McInnes, Healy &amp; Melville 2018, arXiv:1802.03426, §3.1 and
/// Algorithm 3; umap-learn <c>fuzzy_simplicial_set</c>): per cell a distance offset ρ (distance to the nearest other
/// neighbour) and a bandwidth σ found by binary search so that Σ exp(−max(0, d − ρ)/σ) = log2(k), then the fuzzy union
/// w = a + aᵀ − a∘aᵀ. This is Scanpy's <c>obsp["connectivities"]</c> (method = "umap") and UMAP's input graph.
/// </summary>
public static class FuzzyConnectivities
{
    private const int SearchIterations = 64;
    private const double SearchTolerance = 1e-5;
    private const double MinKDistScale = 1e-3;
    private const int ChunkRows = 256;

    /// <summary>
    /// Computes the symmetric fuzzy connectivities. k in the target log2(k) counts the cell itself, as umap-learn and
    /// Scanpy do (for a graph without self, k = K + 1). Local connectivity is 1 and the set operation a pure fuzzy
    /// union (umap-learn defaults).
    /// </summary>
    /// <param name="neighbors">kNN graph (Scanpy: k = 15 including self, euclidean; Seurat's UMAP: k = 30, cosine).</param>
    /// <param name="useNeighbors">Use only the first this many stored neighbours per cell (self counted when stored);
    /// 0 for all K. Lets one k = 30 search serve both k = 15 and k = 30 graphs.</param>
    /// <returns>The connectivities graph, weights in (0, 1], no self-loops.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="useNeighbors"/> is negative, 1, or above K.</exception>
    public static CellGraph Compute(NeighborGraph neighbors, int useNeighbors = 0)
    {
        ArgumentNullException.ThrowIfNull(neighbors);
        if (useNeighbors < 0 || useNeighbors == 1 || useNeighbors > neighbors.K)
        {
            throw new ArgumentOutOfRangeException(nameof(useNeighbors), useNeighbors, $"useNeighbors must be 0 (all) or in [2, K = {neighbors.K}].");
        }

        var n = neighbors.CellCount;
        var stride = neighbors.K;
        var k = useNeighbors == 0 ? stride : useNeighbors;
        var kWithSelf = neighbors.IncludesSelf ? k : k + 1;
        var indices = neighbors.Indices.ToArray();
        var distances = neighbors.Distances.ToArray();
        var meanAll = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < k; t++)
            {
                meanAll += distances[(i * stride) + t];
            }
        }

        meanAll /= (double)n * k;
        var strengths = new float[n * k];
        var target = Math.Log2(kWithSelf);
        var chunks = (n + ChunkRows - 1) / ChunkRows;
        Parallel.For(0, chunks, chunk =>
        {
            var end = Math.Min(n, (chunk + 1) * ChunkRows);
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                Memberships(i, indices.AsSpan(i * stride, k), distances.AsSpan(i * stride, k), target, meanAll, strengths.AsSpan(i * k, k));
            }
        });

        return Union(n, k, stride, indices, strengths);
    }

    /// <summary>umap-learn <c>smooth_knn_dist</c> + <c>compute_membership_strengths</c> for one cell.</summary>
    internal static (double Rho, double Sigma) Memberships(int cell, ReadOnlySpan<int> index, ReadOnlySpan<float> distance, double target, double meanAll, Span<float> strength)
    {
        var rho = 0.0;
        var mean = 0.0;
        foreach (var d in distance)
        {
            mean += d;
            if (rho == 0.0 && d > 0f)
            {
                rho = d;
            }
        }

        mean /= distance.Length;
        double lo = 0, hi = double.PositiveInfinity, mid = 1;
        for (var iteration = 0; iteration < SearchIterations; iteration++)
        {
            var sum = 0.0;
            for (var t = 0; t < distance.Length; t++)
            {
                if (index[t] == cell)
                {
                    continue;
                }

                var d = distance[t] - rho;
                sum += d > 0 ? Math.Exp(-d / mid) : 1.0;
            }

            if (Math.Abs(sum - target) < SearchTolerance)
            {
                break;
            }

            if (sum > target)
            {
                hi = mid;
                mid = (lo + hi) / 2;
            }
            else
            {
                lo = mid;
                mid = double.IsPositiveInfinity(hi) ? mid * 2 : (lo + hi) / 2;
            }
        }

        var sigma = mid;
        var floor = MinKDistScale * (rho > 0 ? mean : meanAll);
        if (sigma < floor)
        {
            sigma = floor;
        }

        for (var t = 0; t < distance.Length; t++)
        {
            var excess = distance[t] - rho;
            strength[t] = index[t] == cell ? 0f : excess <= 0 || sigma == 0 ? 1f : (float)Math.Exp(-excess / sigma);
        }

        return (rho, sigma);
    }

    /// <summary>Fuzzy union a + aᵀ − a∘aᵀ of the directed membership strengths, zeros dropped.</summary>
    private static CellGraph Union(int n, int k, int stride, int[] indices, float[] strengths)
    {
        var count = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < k; t++)
            {
                if (strengths[(i * k) + t] > 0f)
                {
                    count[i + 1]++;
                    count[indices[(i * stride) + t] + 1]++;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            count[i + 1] += count[i];
        }

        var next = count.AsSpan(0, n).ToArray();
        var columns = new int[count[n]];
        var values = new float[count[n]];
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < k; t++)
            {
                var w = strengths[(i * k) + t];
                if (w > 0f)
                {
                    var j = indices[(i * stride) + t];
                    columns[next[i]] = j;
                    values[next[i]++] = w;
                    columns[next[j]] = i;
                    values[next[j]++] = w;
                }
            }
        }

        var pointers = new int[n + 1];
        var write = 0;
        for (var i = 0; i < n; i++)
        {
            var start = count[i];
            var length = count[i + 1] - start;
            Array.Sort(columns, values, start, length);
            for (var e = start; e < start + length; e++)
            {
                if (write > pointers[i] && columns[write - 1] == columns[e])
                {
                    // The same pair from both directions: fuzzy union of the two memberships.
                    var a = values[write - 1];
                    values[write - 1] = a + values[e] - (a * values[e]);
                }
                else
                {
                    columns[write] = columns[e];
                    values[write] = values[e];
                    write++;
                }
            }

            pointers[i + 1] = write;
        }

        return CellGraph.Trusted(n, pointers, columns.AsSpan(0, write).ToArray(), values.AsSpan(0, write).ToArray());
    }
}
