namespace Dermis.SingleCell.Neighbors;

/// <summary>
/// The distance between two cells' embedding rows used by the neighbour search.
/// </summary>
public enum DistanceMetric
{
    /// <summary>
    /// Euclidean distance, sqrt(Σ (x−y)²), as Seurat's <c>FindNeighbors</c> (annoy.metric = "euclidean") and
    /// Scanpy's <c>pp.neighbors</c> (metric = "euclidean") use by default.
    /// </summary>
    Euclidean = 0,

    /// <summary>
    /// Cosine distance, 1 − x·y / (‖x‖‖y‖), in [0, 2], as Seurat's <c>RunUMAP</c> (uwot, metric = "cosine") uses; a zero
    /// row is treated as orthogonal to every other row (distance 1).
    /// </summary>
    Cosine = 1,
}
