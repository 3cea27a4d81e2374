namespace Dermis.SingleCell.Neighbors;

/// <summary>
/// A weighted undirected cell–cell graph in compressed sparse row form (row pointers, column indices ascending within a
/// row, weights): Seurat's <c>graphs$RNA_snn</c> or Scanpy's <c>obsp["connectivities"]</c>. Both (i, j) and (j, i) are
/// stored; a diagonal entry is a self-loop.
/// </summary>
public sealed class CellGraph
{
    private readonly int[] _rowPointers;
    private readonly int[] _columns;
    private readonly float[] _weights;

    private CellGraph(int nodeCount, int[] rowPointers, int[] columns, float[] weights)
    {
        NodeCount = nodeCount;
        _rowPointers = rowPointers;
        _columns = columns;
        _weights = weights;
    }

    /// <summary>Number of nodes (cells).</summary>
    public int NodeCount { get; }

    /// <summary>Number of stored entries (both directions of every edge plus self-loops).</summary>
    public int EntryCount => _columns.Length;

    /// <summary>Row pointers, length <see cref="NodeCount"/> + 1; row i is [RowPointers[i], RowPointers[i + 1]).</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>Column index of every entry, ascending within a row.</summary>
    public ReadOnlySpan<int> Columns => _columns;

    /// <summary>Weight of every entry (&gt; 0).</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The neighbours of one node, ascending.</summary>
    /// <param name="node">Node index in [0, <see cref="NodeCount"/>).</param>
    public ReadOnlySpan<int> ColumnsOf(int node) => _columns.AsSpan(_rowPointers[node], _rowPointers[node + 1] - _rowPointers[node]);

    /// <summary>The edge weights of one node, aligned with <see cref="ColumnsOf"/>.</summary>
    /// <param name="node">Node index in [0, <see cref="NodeCount"/>).</param>
    public ReadOnlySpan<float> WeightsOf(int node) => _weights.AsSpan(_rowPointers[node], _rowPointers[node + 1] - _rowPointers[node]);

    /// <summary>The weight of edge (i, j), or 0 when absent; a binary search of row i.</summary>
    /// <param name="i">Row node.</param>
    /// <param name="j">Column node.</param>
    public float WeightOf(int i, int j)
    {
        var at = ColumnsOf(i).BinarySearch(j);
        return at >= 0 ? _weights[_rowPointers[i] + at] : 0f;
    }

    /// <summary>
    /// Builds a symmetric graph from undirected edges; each (a, b, w) is stored as (a, b) and (b, a) (a self-loop once),
    /// and repeated edges have their weights summed.
    /// </summary>
    /// <param name="nodeCount">Number of nodes, at least 1.</param>
    /// <param name="from">First endpoint of each edge, in [0, nodeCount).</param>
    /// <param name="to">Second endpoint of each edge, in [0, nodeCount).</param>
    /// <param name="weights">Edge weights, finite and &gt; 0.</param>
    /// <exception cref="ArgumentException">Lengths differ, an index is out of range or a weight is not positive.</exception>
    public static CellGraph FromEdges(int nodeCount, ReadOnlySpan<int> from, ReadOnlySpan<int> to, ReadOnlySpan<float> weights)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        if (from.Length != to.Length || from.Length != weights.Length)
        {
            throw new ArgumentException($"from, to and weights must have one length; got {from.Length}, {to.Length}, {weights.Length}.", nameof(weights));
        }

        var rows = new List<int>(from.Length * 2);
        var cols = new List<int>(from.Length * 2);
        var values = new List<float>(from.Length * 2);
        for (var e = 0; e < from.Length; e++)
        {
            var (a, b, w) = (from[e], to[e], weights[e]);
            if ((uint)a >= (uint)nodeCount || (uint)b >= (uint)nodeCount)
            {
                throw new ArgumentException($"Edge {e} ({a}, {b}) has an endpoint outside [0, {nodeCount}).", nameof(from));
            }

            if (!(w > 0f) || float.IsInfinity(w))
            {
                throw new ArgumentException($"Edge {e} weight {w} must be finite and > 0.", nameof(weights));
            }

            rows.Add(a);
            cols.Add(b);
            values.Add(w);
            if (a != b)
            {
                rows.Add(b);
                cols.Add(a);
                values.Add(w);
            }
        }

        return FromTriplets(nodeCount, rows.ToArray(), cols.ToArray(), values.ToArray());
    }

    /// <summary>Assembles CSR from unsorted (row, column, weight) triplets, summing duplicates.</summary>
    internal static CellGraph FromTriplets(int nodeCount, int[] rows, int[] cols, float[] values)
    {
        var pointers = new int[nodeCount + 1];
        foreach (var r in rows)
        {
            pointers[r + 1]++;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            pointers[i + 1] += pointers[i];
        }

        var next = pointers.AsSpan(0, nodeCount).ToArray();
        var c = new int[rows.Length];
        var w = new float[rows.Length];
        for (var e = 0; e < rows.Length; e++)
        {
            var at = next[rows[e]]++;
            c[at] = cols[e];
            w[at] = values[e];
        }

        var outPointers = new int[nodeCount + 1];
        var write = 0;
        for (var i = 0; i < nodeCount; i++)
        {
            var start = pointers[i];
            var length = pointers[i + 1] - start;
            Array.Sort(c, w, start, length);
            for (var e = start; e < start + length; e++)
            {
                if (write > outPointers[i] && c[write - 1] == c[e])
                {
                    w[write - 1] += w[e];
                }
                else
                {
                    c[write] = c[e];
                    w[write] = w[e];
                    write++;
                }
            }

            outPointers[i + 1] = write;
        }

        return new CellGraph(nodeCount, outPointers, c.AsSpan(0, write).ToArray(), w.AsSpan(0, write).ToArray());
    }

    /// <summary>Wraps CSR arrays already sorted and symmetric (internal builders guarantee it).</summary>
    internal static CellGraph Trusted(int nodeCount, int[] rowPointers, int[] columns, float[] weights) => new(nodeCount, rowPointers, columns, weights);
}
