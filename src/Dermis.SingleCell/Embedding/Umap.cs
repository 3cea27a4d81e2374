using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Embedding;

/// <summary>
/// UMAP layout of a fuzzy neighbour graph (McInnes, Healy &amp; Melville 2018, arXiv:1802.03426, §3.2 and Algorithm 5;
/// umap-learn <c>simplicial_set_embedding</c> / <c>optimize_layout_euclidean</c>), as Seurat's <c>RunUMAP</c> (uwot)
/// and Scanpy's <c>tl.umap</c> compute it from <see cref="FuzzyConnectivities"/>.
/// </summary>
public static class Umap
{
    private const double GradientClip = 4.0;

    /// <summary>
    /// Computes the layout and returns it as a new row-major cells × <see cref="UmapOptions.Components"/> array.
    /// See <see cref="Layout(CellGraph, Span{float}, UmapOptions?)"/>.
    /// </summary>
    /// <param name="graph">Fuzzy connectivities (weights in (0, 1]), e.g. from <see cref="FuzzyConnectivities.Compute"/>.</param>
    /// <param name="options">Settings; null for Seurat's defaults.</param>
    /// <returns>The coordinates.</returns>
    public static float[] Layout(CellGraph graph, UmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new UmapOptions();
        var coordinates = new float[graph.NodeCount * options.Components];
        Layout(graph, coordinates, options);
        return coordinates;
    }

    /// <summary>
    /// Computes the layout: edges with weight below max/epochs are dropped; the start is the spectral embedding scaled to
    /// [0, 10] per axis with N(0, 10⁻⁴) noise (random uniform [−10, 10] when the graph is disconnected or
    /// <see cref="UmapInitialization.Random"/> is asked); then SGD over epochs, each edge sampled every max/w epochs, with
    /// attractive gradient −2ab·d^(2(b−1)) / (1 + a·d^(2b)) and <see cref="UmapOptions.NegativeSampleRate"/> repulsive
    /// samples of 2γb / ((0.001 + d²)(1 + a·d^(2b))), gradients clipped to ±4, learning rate decaying linearly.
    /// a and b come from <see cref="UmapCurve.Fit"/>. The SGD is single-threaded (umap-learn's parallel SGD is
    /// Hogwild-style and not reproducible), so the result is deterministic for a seed.
    /// </summary>
    /// <param name="graph">Fuzzy connectivities (symmetric, weights &gt; 0).</param>
    /// <param name="coordinates">Output, row-major cells × <see cref="UmapOptions.Components"/>.</param>
    /// <param name="options">Settings; null for Seurat's defaults.</param>
    /// <exception cref="ArgumentException">The output length or an option is wrong.</exception>
    public static void Layout(CellGraph graph, Span<float> coordinates, UmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new UmapOptions();
        options.Validate();
        var n = graph.NodeCount;
        var dims = options.Components;
        if (coordinates.Length != n * dims)
        {
            throw new ArgumentException($"coordinates must hold cells × components = {n} × {dims} values; got {coordinates.Length}.", nameof(coordinates));
        }

        var epochs = options.Epochs > 0 ? options.Epochs : n <= 10_000 ? 500 : 200;
        var (a, b) = UmapCurve.Fit(options.MinDist, options.Spread);
        var rng = new SplitMix64(options.Seed);
        var embedding = new float[n * dims];
        Initialise(graph, options, dims, ref rng, embedding);

        var (head, tail, epochsPerSample) = Edges(graph, epochs);
        Optimise(embedding, dims, head, tail, epochsPerSample, epochs, (float)a, (float)b, options, ref rng);
        embedding.CopyTo(coordinates);
    }

    private static void Initialise(CellGraph graph, UmapOptions options, int dims, ref SplitMix64 rng, float[] embedding)
    {
        var n = graph.NodeCount;
        var spectral = options.Initialization == UmapInitialization.Spectral && n > dims + 1 && SpectralLayout.Components(graph) == 1;
        if (!spectral)
        {
            for (var e = 0; e < embedding.Length; e++)
            {
                embedding[e] = (float)((rng.NextDouble() * 20) - 10);
            }

            return;
        }

        var init = new double[n * dims];
        SpectralLayout.Compute(graph, dims, ref rng, init);
        var max = 0.0;
        foreach (var v in init)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        var expansion = max > 0 ? 10 / max : 1;
        for (var e = 0; e < init.Length; e++)
        {
            init[e] = (init[e] * expansion) + (rng.NextGaussian() * 1e-4);
        }

        // umap-learn ≥ 0.5 rescales every axis to [0, 10] before optimising.
        for (var d = 0; d < dims; d++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                lo = Math.Min(lo, init[(i * dims) + d]);
                hi = Math.Max(hi, init[(i * dims) + d]);
            }

            var range = hi > lo ? hi - lo : 1;
            for (var i = 0; i < n; i++)
            {
                embedding[(i * dims) + d] = (float)(10 * (init[(i * dims) + d] - lo) / range);
            }
        }
    }

    /// <summary>Directed edge list (both directions, no self-loops) with umap-learn's <c>make_epochs_per_sample</c>.</summary>
    private static (int[] Head, int[] Tail, double[] EpochsPerSample) Edges(CellGraph graph, int epochs)
    {
        var rows = graph.RowPointers;
        var cols = graph.Columns;
        var weights = graph.Weights;
        var max = 0f;
        foreach (var w in weights)
        {
            max = MathF.Max(max, w);
        }

        var floor = max / epochs;
        var head = new List<int>(weights.Length);
        var tail = new List<int>(weights.Length);
        var perSample = new List<double>(weights.Length);
        for (var i = 0; i < graph.NodeCount; i++)
        {
            for (var e = rows[i]; e < rows[i + 1]; e++)
            {
                if (cols[e] != i && weights[e] >= floor && weights[e] > 0)
                {
                    head.Add(i);
                    tail.Add(cols[e]);
                    perSample.Add(max / (double)weights[e]);
                }
            }
        }

        return ([.. head], [.. tail], [.. perSample]);
    }

    private static void Optimise(float[] embedding, int dims, int[] head, int[] tail, double[] epochsPerSample, int epochs, float a, float b, UmapOptions options, ref SplitMix64 rng)
    {
        var n = embedding.Length / dims;
        var edges = head.Length;
        var negativeRate = options.NegativeSampleRate;
        var gamma = (float)options.RepulsionStrength;
        var nextSample = (double[])epochsPerSample.Clone();
        var epochsPerNegative = new double[edges];
        var nextNegative = new double[edges];
        for (var e = 0; e < edges; e++)
        {
            epochsPerNegative[e] = negativeRate > 0 ? epochsPerSample[e] / negativeRate : double.PositiveInfinity;
            nextNegative[e] = epochsPerNegative[e];
        }

        var alpha = (float)options.LearningRate;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var e = 0; e < edges; e++)
            {
                if (nextSample[e] > epoch)
                {
                    continue;
                }

                var j = head[e];
                var k = tail[e];
                var current = embedding.AsSpan(j * dims, dims);
                var other = embedding.AsSpan(k * dims, dims);
                var distSquared = SquaredDistance(current, other);
                var coefficient = 0f;
                if (distSquared > 0f)
                {
                    // One power per sample: d^(2(b−1)) · d² = d^(2b).
                    var powerBelow = MathF.Pow(distSquared, b - 1f);
                    coefficient = -2f * a * b * powerBelow / ((a * powerBelow * distSquared) + 1f);
                }

                for (var d = 0; d < dims; d++)
                {
                    var gradient = Clip(coefficient * (current[d] - other[d]));
                    current[d] += gradient * alpha;
                    other[d] -= gradient * alpha;
                }

                nextSample[e] += epochsPerSample[e];
                var negatives = negativeRate > 0 ? (int)((epoch - nextNegative[e]) / epochsPerNegative[e]) : 0;
                for (var s = 0; s < negatives; s++)
                {
                    var sample = rng.NextInt(n);
                    if (sample == j)
                    {
                        continue;
                    }

                    var far = embedding.AsSpan(sample * dims, dims);
                    distSquared = SquaredDistance(current, far);
                    if (!(distSquared > 0f))
                    {
                        continue;
                    }

                    coefficient = 2f * gamma * b / ((0.001f + distSquared) * ((a * MathF.Pow(distSquared, b)) + 1f));
                    for (var d = 0; d < dims; d++)
                    {
                        current[d] += Clip(coefficient * (current[d] - far[d])) * alpha;
                    }
                }

                nextNegative[e] += negatives * epochsPerNegative[e];
            }

            alpha = (float)(options.LearningRate * (1.0 - (epoch / (double)epochs)));  // umap-learn updates after each epoch with n, not n + 1
        }
    }

    private static float SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var sum = 0f;
        for (var d = 0; d < x.Length; d++)
        {
            var diff = x[d] - y[d];
            sum += diff * diff;
        }

        return sum;
    }

    private static float Clip(float value) => value > GradientClip ? (float)GradientClip : value < -GradientClip ? (float)-GradientClip : value;
}
