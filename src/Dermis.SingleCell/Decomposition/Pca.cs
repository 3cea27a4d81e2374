namespace Dermis.SingleCell.Decomposition;

/// <summary>
/// Principal component analysis of the scaled variable genes (Seurat <c>RunPCA</c>, Scanpy <c>tl.pca</c>),
/// by seeded randomised subspace iteration (Halko, Martinsson, Tropp, SIAM Rev 53:217, 2011,
/// doi:10.1137/090771806) instead of Seurat's irlba (Baglama &amp; Reichel 2005); both converge to the same
/// leading singular triplets.
/// </summary>
public static class Pca
{
    /// <summary>Name of the embedding and loadings written by <see cref="Run"/>.</summary>
    public const string EmbeddingName = "pca";

    /// <summary>
    /// Computes <paramref name="componentCount"/> components of the scaled data restricted to the variable genes
    /// (as Seurat, the scaled data are used as they are, already centred): cell embeddings U·Σ are stored as the
    /// embedding <see cref="EmbeddingName"/> (cells × k, row-major float, the input of neighbours/UMAP), gene
    /// loadings V as loadings <see cref="EmbeddingName"/> (genes × k, zero rows for genes not used). Standard
    /// deviations are σ / sqrt(cells − 1) as Seurat's <c>Stdev</c>. Each component's sign is fixed so that its
    /// largest-magnitude loading is positive (SVD signs are arbitrary; Seurat's follow irlba's start vector).
    /// </summary>
    /// <param name="matrix">A matrix with <see cref="CellMatrix.Scaled"/> (run <c>Scaling.Scale</c> first) and variable genes.</param>
    /// <param name="componentCount">Components, in [1, min(cells, genes)] (Seurat <c>npcs</c> 50).</param>
    /// <param name="seed">Seed of the random start (Seurat <c>seed.use</c> 42); same seed, same result on any thread count.</param>
    /// <param name="iterations">Power iterations, ≥ 0 (default 8: the first 10 PCs of PBMC3k agree with irlba to ~1e-6).</param>
    /// <param name="useAllScaledGenes">True to use every scaled gene instead of only the variable genes.</param>
    /// <returns>The decomposition; also written into <paramref name="matrix"/>.</returns>
    /// <exception cref="InvalidOperationException">Scaled data or variable genes are missing ("run … first").</exception>
    public static PcaResult Run(CellMatrix matrix, int componentCount = 50, int seed = 42, int iterations = 8, bool useAllScaledGenes = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        var scaled = matrix.Scaled ?? throw new InvalidOperationException("there is no scaled data: run Scaling.Scale first.");
        int[] columns;
        if (useAllScaledGenes)
        {
            columns = new int[scaled.GeneIndices.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = c;
            }
        }
        else
        {
            if (matrix.Genes.Columns.FindNumeric(Preprocessing.VariableGenes.RankColumn) is null)
            {
                throw new InvalidOperationException("no variable genes are selected: run VariableGenes.Vst first, or pass useAllScaledGenes: true.");
            }

            columns = ScaledColumnsOf(scaled, Preprocessing.VariableGenes.Selected(matrix));
        }

        var n = matrix.CellCount;
        var p = columns.Length;
        if (componentCount < 1 || componentCount > Math.Min(n, p))
        {
            throw new ArgumentOutOfRangeException(nameof(componentCount), componentCount, $"componentCount must be in [1, min(cells, genes)] = [1, {Math.Min(n, p)}].");
        }

        var data = Gather(scaled.Values, columns);
        var svd = RandomizedSvd.Compute(data, n, p, componentCount, Math.Max(10, componentCount / 2), iterations, seed);

        var k = componentCount;
        var embedding = new float[n * k];
        var loadings = new float[matrix.GeneCount * k];
        var geneIndices = new int[p];
        for (var c = 0; c < p; c++)
        {
            geneIndices[c] = scaled.GeneIndices[columns[c]];
        }

        var stdev = new double[k];
        for (var c = 0; c < k; c++)
        {
            var v = svd.Right.AsSpan(c * p, p);
            var u = svd.Left.AsSpan(c * n, n);
            var largest = 0;
            for (var g = 1; g < p; g++)
            {
                if (Math.Abs(v[g]) > Math.Abs(v[largest]))
                {
                    largest = g;
                }
            }

            var sign = v[largest] < 0 ? -1.0 : 1.0;
            var sigma = svd.SingularValues[c];
            stdev[c] = sigma / Math.Sqrt(Math.Max(1, n - 1));
            for (var i = 0; i < n; i++)
            {
                embedding[(i * k) + c] = (float)(sign * u[i] * sigma);
            }

            for (var g = 0; g < p; g++)
            {
                loadings[(geneIndices[g] * k) + c] = (float)(sign * v[g]);
            }
        }

        double total = 0;
        for (var c = 0; c < p; c++)
        {
            double s = 0, s2 = 0;
            for (var i = 0; i < n; i++)
            {
                double value = data[(i * p) + c];
                s += value;
                s2 += value * value;
            }

            total += (s2 - (s * s / n)) / Math.Max(1, n - 1);
        }

        var ratio = new double[k];
        for (var c = 0; c < k; c++)
        {
            ratio[c] = stdev[c] * stdev[c] / total;
        }

        var embeddingMatrix = new DenseMatrix(n, k, embedding);
        matrix.SetEmbedding(EmbeddingName, embeddingMatrix);
        matrix.SetLoadings(EmbeddingName, new DenseMatrix(matrix.GeneCount, k, loadings));
        return new PcaResult(stdev, ratio, geneIndices, embeddingMatrix);
    }

    private static int[] ScaledColumnsOf(ScaledData scaled, int[] genes)
    {
        var position = new Dictionary<int, int>(scaled.GeneIndices.Length);
        for (var c = 0; c < scaled.GeneIndices.Length; c++)
        {
            position[scaled.GeneIndices[c]] = c;
        }

        var columns = new int[genes.Length];
        for (var i = 0; i < genes.Length; i++)
        {
            if (!position.TryGetValue(genes[i], out columns[i]))
            {
                throw new InvalidOperationException($"variable gene {genes[i]} is not in the scaled data: run Scaling.Scale again after VariableGenes.Vst.");
            }
        }

        Array.Sort(columns);
        return columns;
    }

    private static float[] Gather(DenseMatrix values, int[] columns)
    {
        var n = values.Rows;
        var p = columns.Length;
        if (p == values.Columns)
        {
            return values.Values;
        }

        var result = new float[n * p];
        for (var i = 0; i < n; i++)
        {
            var row = values.Row(i);
            for (var c = 0; c < p; c++)
            {
                result[(i * p) + c] = row[columns[c]];
            }
        }

        return result;
    }
}
