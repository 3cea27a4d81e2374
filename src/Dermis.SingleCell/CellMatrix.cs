namespace Dermis.SingleCell;

/// <summary>
/// The one object that flows through the single-cell pipeline, like Scanpy's AnnData: a cells × genes sparse
/// matrix <see cref="X"/> with cell and gene annotations, named layers (e.g. raw <c>"counts"</c>), named
/// cell embeddings (e.g. <c>"pca"</c>), gene loadings and the scaled data that PCA reads.
/// </summary>
/// <remarks>
/// Steps that add results (QC metrics, normalisation, variable genes, scaling, PCA) write into this object
/// and return it; steps that drop cells or genes return a new object (<c>SubsetCells</c>,
/// <c>SubsetGenes</c>) sharing nothing mutable with the old one. Each step checks the slots it
/// needs and names the step to run first when one is missing.
/// </remarks>
public sealed class CellMatrix
{
    private readonly Dictionary<string, SparseMatrix> _layers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DenseMatrix> _embeddings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DenseMatrix> _loadings = new(StringComparer.Ordinal);
    private SparseMatrix _x;
    private ScaledData? _scaled;

    /// <summary>Creates a cell matrix from counts or expression values.</summary>
    /// <param name="x">Cells × genes matrix.</param>
    /// <param name="cells">One annotation row per matrix row.</param>
    /// <param name="genes">One annotation row per matrix column.</param>
    /// <exception cref="ArgumentException">The annotation sizes do not match the matrix.</exception>
    public CellMatrix(SparseMatrix x, CellAnnotations cells, GeneAnnotations genes)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(genes);
        if (x.Rows != cells.Count || x.Columns != genes.Count)
        {
            throw new ArgumentException($"the matrix is {x.Rows} × {x.Columns} but there are {cells.Count} cells and {genes.Count} genes.", nameof(x));
        }

        _x = x;
        Cells = cells;
        Genes = genes;
    }

    /// <summary>Number of cells (rows).</summary>
    public int CellCount => _x.Rows;

    /// <summary>Number of genes (columns).</summary>
    public int GeneCount => _x.Columns;

    /// <summary>The current cells × genes values: counts after reading, log-normalised after <c>Normalization.LogNormalize</c>.</summary>
    /// <exception cref="ArgumentException">On set, the shape differs from <see cref="CellCount"/> × <see cref="GeneCount"/>.</exception>
    public SparseMatrix X
    {
        get => _x;
        set
        {
            CheckShape(value, "X");
            _x = value;
        }
    }

    /// <summary>Per-cell annotations.</summary>
    public CellAnnotations Cells { get; }

    /// <summary>Per-gene annotations.</summary>
    public GeneAnnotations Genes { get; }

    /// <summary>Names of the stored layers.</summary>
    public IReadOnlyCollection<string> LayerNames => _layers.Keys;

    /// <summary>Names of the stored embeddings.</summary>
    public IReadOnlyCollection<string> EmbeddingNames => _embeddings.Keys;

    /// <summary>The scaled data written by <c>Scaling.Scale</c>, or null before it runs.</summary>
    public ScaledData? Scaled
    {
        get => _scaled;
        set
        {
            if (value is not null && value.Values.Rows != CellCount)
            {
                throw new ArgumentException($"scaled data has {value.Values.Rows} rows; expected {CellCount} cells.", nameof(value));
            }

            _scaled = value;
        }
    }

    /// <summary>Stores a cells × genes layer under <paramref name="name"/> (e.g. <c>"counts"</c>).</summary>
    /// <param name="name">Layer name.</param>
    /// <param name="layer">A matrix of the same shape as <see cref="X"/>.</param>
    public void SetLayer(string name, SparseMatrix layer)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        CheckShape(layer, $"layer '{name}'");
        _layers[name] = layer;
    }

    /// <summary>The layer <paramref name="name"/>, or null when absent.</summary>
    /// <param name="name">Layer name.</param>
    public SparseMatrix? FindLayer(string name) => _layers.GetValueOrDefault(name);

    /// <summary>The layer <paramref name="name"/>; when absent, names the step that writes it.</summary>
    /// <param name="name">Layer name.</param>
    /// <param name="producedBy">The call that creates the layer.</param>
    /// <exception cref="InvalidOperationException">The layer is missing ("run … first").</exception>
    public SparseMatrix RequireLayer(string name, string producedBy) =>
        FindLayer(name) ?? throw new InvalidOperationException($"the layer '{name}' is missing: run {producedBy} first.");

    /// <summary>Stores a cells × k embedding (row-major, one row per cell) under <paramref name="name"/>.</summary>
    /// <param name="name">Embedding name, e.g. <c>"pca"</c> or <c>"umap"</c>.</param>
    /// <param name="embedding">A matrix with <see cref="CellCount"/> rows.</param>
    public void SetEmbedding(string name, DenseMatrix embedding)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(embedding);
        if (embedding.Rows != CellCount)
        {
            throw new ArgumentException($"embedding '{name}' has {embedding.Rows} rows; expected {CellCount} cells.", nameof(embedding));
        }

        _embeddings[name] = embedding;
    }

    /// <summary>The embedding <paramref name="name"/>, or null when absent.</summary>
    /// <param name="name">Embedding name.</param>
    public DenseMatrix? FindEmbedding(string name) => _embeddings.GetValueOrDefault(name);

    /// <summary>The embedding <paramref name="name"/>; when absent, names the step that writes it.</summary>
    /// <param name="name">Embedding name.</param>
    /// <param name="producedBy">The call that creates it, e.g. <c>Pca.Run</c>.</param>
    /// <exception cref="InvalidOperationException">The embedding is missing ("run … first").</exception>
    public DenseMatrix RequireEmbedding(string name, string producedBy) =>
        FindEmbedding(name) ?? throw new InvalidOperationException($"the embedding '{name}' is missing: run {producedBy} first.");

    /// <summary>Stores genes × k loadings (row-major, one row per gene of this matrix) under <paramref name="name"/>.</summary>
    /// <param name="name">Loadings name, e.g. <c>"pca"</c>.</param>
    /// <param name="loadings">A matrix with <see cref="GeneCount"/> rows; genes not used by the method have zero rows.</param>
    public void SetLoadings(string name, DenseMatrix loadings)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(loadings);
        if (loadings.Rows != GeneCount)
        {
            throw new ArgumentException($"loadings '{name}' have {loadings.Rows} rows; expected {GeneCount} genes.", nameof(loadings));
        }

        _loadings[name] = loadings;
    }

    /// <summary>The loadings <paramref name="name"/>, or null when absent.</summary>
    /// <param name="name">Loadings name.</param>
    public DenseMatrix? FindLoadings(string name) => _loadings.GetValueOrDefault(name);

    /// <summary>
    /// A new matrix with the cells in <paramref name="cells"/> (in that order): X, layers, cell annotations,
    /// embeddings and scaled rows are subset; gene annotations and loadings are copied by reference.
    /// </summary>
    /// <param name="cells">Cell indices in [0, <see cref="CellCount"/>).</param>
    /// <returns>The subset.</returns>
    public CellMatrix SubsetCells(ReadOnlySpan<int> cells)
    {
        var result = new CellMatrix(_x.SelectRows(cells), Cells.Subset(cells), Genes.Subset(Identity(GeneCount)));
        foreach (var (name, layer) in _layers)
        {
            result._layers[name] = layer.SelectRows(cells);
        }

        foreach (var (name, embedding) in _embeddings)
        {
            result._embeddings[name] = embedding.SelectRows(cells);
        }

        foreach (var (name, loadings) in _loadings)
        {
            result._loadings[name] = loadings;
        }

        if (_scaled is not null)
        {
            result._scaled = _scaled with { Values = _scaled.Values.SelectRows(cells) };
        }

        return result;
    }

    /// <summary>A new matrix with the cells whose flag in <paramref name="keep"/> is true, order kept.</summary>
    /// <param name="keep">One flag per cell.</param>
    /// <returns>The subset.</returns>
    public CellMatrix SubsetCells(ReadOnlySpan<bool> keep) => SubsetCells(IndicesOf(keep, CellCount, "cell"));

    /// <summary>
    /// A new matrix with the genes in <paramref name="genes"/> (strictly increasing): X, layers and gene
    /// annotations are subset; embeddings are kept; scaled data and loadings are dropped (re-run
    /// <c>Scaling.Scale</c> and <c>Pca.Run</c>).
    /// </summary>
    /// <param name="genes">Strictly increasing gene indices in [0, <see cref="GeneCount"/>).</param>
    /// <returns>The subset.</returns>
    public CellMatrix SubsetGenes(ReadOnlySpan<int> genes)
    {
        var result = new CellMatrix(_x.SelectColumns(genes), Cells.Subset(Identity(CellCount)), Genes.Subset(genes));
        foreach (var (name, layer) in _layers)
        {
            result._layers[name] = layer.SelectColumns(genes);
        }

        foreach (var (name, embedding) in _embeddings)
        {
            result._embeddings[name] = embedding;
        }

        return result;
    }

    /// <summary>A new matrix with the genes whose flag in <paramref name="keep"/> is true, order kept.</summary>
    /// <param name="keep">One flag per gene.</param>
    /// <returns>The subset.</returns>
    public CellMatrix SubsetGenes(ReadOnlySpan<bool> keep) => SubsetGenes(IndicesOf(keep, GeneCount, "gene"));

    private static int[] IndicesOf(ReadOnlySpan<bool> keep, int count, string what)
    {
        if (keep.Length != count)
        {
            throw new ArgumentException($"{keep.Length} {what} flags for {count} {what}s; expected one per {what}.", nameof(keep));
        }

        var kept = 0;
        foreach (var k in keep)
        {
            kept += k ? 1 : 0;
        }

        var result = new int[kept];
        var p = 0;
        for (var i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                result[p++] = i;
            }
        }

        return result;
    }

    private static int[] Identity(int count)
    {
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = i;
        }

        return result;
    }

    private void CheckShape(SparseMatrix value, string what)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Rows != CellCount || value.Columns != GeneCount)
        {
            throw new ArgumentException($"{what} is {value.Rows} × {value.Columns}; expected {CellCount} cells × {GeneCount} genes.", nameof(value));
        }
    }
}
