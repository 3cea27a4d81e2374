using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Tests.Clustering;

/// <summary>Two triangles {0,1,2} and {3,4,5} joined by the edge 2–3, unit weights.</summary>
internal static class TwoTriangles
{
    public static CellGraph Graph() => CellGraph.FromEdges(
        6,
        [0, 0, 1, 3, 3, 4, 2],
        [1, 2, 2, 4, 5, 5, 3],
        [1f, 1f, 1f, 1f, 1f, 1f, 1f]);
}
