namespace Dermis.SingleCell.Neighbors;

/// <summary>
/// k-nearest-neighbour search on a dense embedding (usually the first PCs): the first step of Seurat's
/// <c>FindNeighbors</c> and Scanpy's <c>pp.neighbors</c>. Input is row-major cells × dims; output a
/// <see cref="NeighborGraph"/>.
/// </summary>
public static class NearestNeighbors
{
    /// <summary>
    /// Exact search up to <see cref="NeighborOptions.ExactMaxCells"/> cells, NN-descent above; see <see cref="Exact"/> and
    /// <see cref="Descent"/>.
    /// </summary>
    /// <param name="embedding">Row-major cells × dims, finite values (e.g. PCA scores).</param>
    /// <param name="cells">Number of rows, at least 2.</param>
    /// <param name="dims">Number of columns, at least 1.</param>
    /// <param name="options">Search settings; null for Seurat's defaults (k = 20, euclidean, self included).</param>
    /// <returns>The neighbour graph, rows sorted by (distance, index).</returns>
    /// <exception cref="ArgumentException">Shape mismatch, non-finite values or K out of range.</exception>
    public static NeighborGraph Find(ReadOnlySpan<float> embedding, int cells, int dims, NeighborOptions? options = null)
    {
        options ??= new NeighborOptions();
        return cells <= options.ExactMaxCells ? Exact(embedding, cells, dims, options) : Descent(embedding, cells, dims, options);
    }

    /// <summary>
    /// Exact k nearest neighbours by brute force (n² distance evaluations with <c>TensorPrimitives</c>, blocked for cache,
    /// parallel over query blocks). Ties are broken by the smaller index; the result is identical for any thread count.
    /// Seurat's default search (annoy) is approximate, so exact neighbour sets agree with Seurat's for most but not all cells.
    /// </summary>
    /// <param name="embedding">Row-major cells × dims, finite values.</param>
    /// <param name="cells">Number of rows, at least 2.</param>
    /// <param name="dims">Number of columns, at least 1.</param>
    /// <param name="options">Search settings; null for Seurat's defaults.</param>
    /// <returns>The exact neighbour graph.</returns>
    /// <exception cref="ArgumentException">Shape mismatch, non-finite values or K out of range.</exception>
    public static NeighborGraph Exact(ReadOnlySpan<float> embedding, int cells, int dims, NeighborOptions? options = null)
    {
        options ??= new NeighborOptions();
        var data = DistanceKernel.Prepare(embedding, cells, dims, options.Metric);
        options.Validate(cells, dims);
        var others = options.IncludeSelf ? options.K - 1 : options.K;
        var queries = new int[cells];
        for (var i = 0; i < cells; i++)
        {
            queries[i] = i;
        }

        var indices = new int[cells * others];
        var distances = new float[cells * others];
        ExactSearch.Run(data, cells, dims, others, options.Metric == DistanceMetric.Cosine, queries, indices, distances);
        return Assemble(cells, options, indices, distances, others);
    }

    /// <summary>
    /// Approximate k nearest neighbours by NN-descent (Dong, Moses &amp; Li 2011, doi:10.1145/1963405.1963487) initialised
    /// by <see cref="NeighborOptions.Trees"/> random projection trees, as pynndescent (Scanpy's backend) does. Seeded by
    /// <see cref="NeighborOptions.Seed"/> and deterministic for any thread count. Recall against the exact search
    /// measured 0.971 at k = 15 on a 20,000 × 30 Gaussian mixture (see the tests).
    /// </summary>
    /// <param name="embedding">Row-major cells × dims, finite values.</param>
    /// <param name="cells">Number of rows, at least 2.</param>
    /// <param name="dims">Number of columns, at least 1.</param>
    /// <param name="options">Search settings; null for Seurat's defaults.</param>
    /// <returns>The approximate neighbour graph, rows sorted by (distance, index).</returns>
    /// <exception cref="ArgumentException">Shape mismatch, non-finite values or K out of range.</exception>
    public static NeighborGraph Descent(ReadOnlySpan<float> embedding, int cells, int dims, NeighborOptions? options = null)
    {
        options ??= new NeighborOptions();
        var data = DistanceKernel.Prepare(embedding, cells, dims, options.Metric);
        options.Validate(cells, dims);
        var others = options.IncludeSelf ? options.K - 1 : options.K;
        var indices = new int[cells * others];
        var distances = new float[cells * others];
        NnDescent.Run(data, cells, dims, others, options.Metric == DistanceMetric.Cosine, options, indices, distances);
        return Assemble(cells, options, indices, distances, others);
    }

    private static NeighborGraph Assemble(int cells, NeighborOptions options, int[] indices, float[] distances, int others)
    {
        if (!options.IncludeSelf)
        {
            return new NeighborGraph(cells, options.K, indices, distances, includesSelf: false, options.Metric);
        }

        var k = options.K;
        var withSelfIndices = new int[cells * k];
        var withSelfDistances = new float[cells * k];
        for (var i = 0; i < cells; i++)
        {
            withSelfIndices[i * k] = i;
            indices.AsSpan(i * others, others).CopyTo(withSelfIndices.AsSpan((i * k) + 1, others));
            distances.AsSpan(i * others, others).CopyTo(withSelfDistances.AsSpan((i * k) + 1, others));
        }

        return new NeighborGraph(cells, k, withSelfIndices, withSelfDistances, includesSelf: true, options.Metric);
    }
}
