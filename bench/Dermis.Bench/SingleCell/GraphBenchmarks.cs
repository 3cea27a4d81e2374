using BenchmarkDotNet.Attributes;
using Dermis.SingleCell.Clustering;
using Dermis.SingleCell.Embedding;
using Dermis.SingleCell.Neighbors;

namespace Dermis.Bench.SingleCell;

/// <summary>
/// The graph half of the single-cell pipeline on a seeded Gaussian mixture shaped like PCA scores (50 clusters, sd 1
/// around centres drawn N(0, 3²)): neighbours (exact up to 20,000 cells, NN-descent above), Seurat's SNN, Louvain
/// (10 starts, Seurat's FindClusters), Leiden (1 start) and the UMAP layout (fuzzy k = 15 graph; 500 epochs up to
/// 10,000 cells, else 200). Targets: PBMC3k size (2,638 × 10) kNN + SNN + clustering well under 1 s and UMAP a few
/// seconds; 100,000 × 30 NN-descent + Leiden + UMAP within minutes.
/// Run: dotnet run -c Release --project bench/Dermis.Bench -- --filter '*GraphBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GraphBenchmarks
{
    private float[] _embedding = [];
    private NeighborGraph _neighbors = null!;
    private CellGraph _snn = null!;
    private CellGraph _fuzzy = null!;

    [Params(2_638, 100_000)]
    public int Cells { get; set; }

    [Params(10, 30)]
    public int Dims { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122);
        const int Clusters = 50;
        var centres = new double[Clusters * Dims];
        for (var i = 0; i < centres.Length; i++)
        {
            centres[i] = 3 * Normal(random);
        }

        _embedding = new float[Cells * Dims];
        for (var i = 0; i < Cells; i++)
        {
            var c = random.Next(Clusters);
            for (var d = 0; d < Dims; d++)
            {
                _embedding[(i * Dims) + d] = (float)(centres[(c * Dims) + d] + Normal(random));
            }
        }

        _neighbors = NearestNeighbors.Find(_embedding, Cells, Dims);
        _snn = SharedNearestNeighbors.Compute(_neighbors);
        _fuzzy = FuzzyConnectivities.Compute(_neighbors, useNeighbors: 15);
    }

    [Benchmark]
    public NeighborGraph Neighbors() => NearestNeighbors.Find(_embedding, Cells, Dims);

    [Benchmark]
    public CellGraph SharedNeighbors() => SharedNearestNeighbors.Compute(_neighbors);

    [Benchmark]
    public CellClusters LouvainTenStarts() => Louvain.Cluster(_snn, new CommunityOptions { Resolution = 0.5 });

    [Benchmark]
    public CellClusters LeidenOneStart() => Leiden.Cluster(_snn, new CommunityOptions { Resolution = 0.5, RandomStarts = 1 });

    [Benchmark]
    public float[] UmapLayout() => Umap.Layout(_fuzzy);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
