namespace Dermis.SingleCell.Embedding;

/// <summary>How UMAP's layout starts.</summary>
public enum UmapInitialization
{
    /// <summary>Eigenvectors of the graph's normalised Laplacian (umap-learn, uwot and Scanpy default); random when the graph is disconnected.</summary>
    Spectral = 0,

    /// <summary>Uniform random coordinates in [−10, 10].</summary>
    Random = 1,
}

/// <summary>
/// Settings of the UMAP layout. Defaults are Seurat's <c>RunUMAP</c> (uwot): min.dist 0.3, spread 1, seed 42,
/// 2 components, 5 negative samples per positive, learning rate 1, epochs 500 up to 10,000 cells else 200. Scanpy's
/// <c>tl.umap</c> uses min_dist 0.5.
/// </summary>
public sealed record UmapOptions
{
    /// <summary>Output dimensions, 1 … 16; default 2.</summary>
    public int Components { get; init; } = 2;

    /// <summary>Effective minimum distance between embedded points, in [0, Spread); default 0.3 (Seurat).</summary>
    public double MinDist { get; init; } = 0.3;

    /// <summary>Effective scale of embedded points, &gt; 0; default 1.</summary>
    public double Spread { get; init; } = 1.0;

    /// <summary>Training epochs; 0 chooses 500 for up to 10,000 cells, else 200 (umap-learn, uwot).</summary>
    public int Epochs { get; init; }

    /// <summary>Initial SGD learning rate α, decayed linearly to 0; &gt; 0, default 1.</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Negative samples per positive sample, ≥ 0; default 5.</summary>
    public int NegativeSampleRate { get; init; } = 5;

    /// <summary>Weight γ of the repulsive term, ≥ 0; default 1.</summary>
    public double RepulsionStrength { get; init; } = 1.0;

    /// <summary>Initialisation; default spectral.</summary>
    public UmapInitialization Initialization { get; init; } = UmapInitialization.Spectral;

    /// <summary>Seed of the initial noise and negative sampling; default 42 (Seurat's seed.use).</summary>
    public ulong Seed { get; init; } = 42;

    internal void Validate()
    {
        if (Components < 1 || Components > 16 || Epochs < 0 || NegativeSampleRate < 0)
        {
            throw new ArgumentException($"UmapOptions: Components = {Components} must be in [1, 16], Epochs = {Epochs} ≥ 0 (0 = auto), NegativeSampleRate = {NegativeSampleRate} ≥ 0.");
        }

        if (!(LearningRate > 0) || !(RepulsionStrength >= 0) || double.IsInfinity(LearningRate) || double.IsInfinity(RepulsionStrength))
        {
            throw new ArgumentException($"UmapOptions: LearningRate = {LearningRate} must be > 0 and RepulsionStrength = {RepulsionStrength} ≥ 0, both finite.");
        }
    }
}
