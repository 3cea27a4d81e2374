namespace Dermis.SingleCell.Neighbors;

/// <summary>
/// Approximate k nearest neighbours by NN-descent (Dong, Moses &amp; Li 2011, "Efficient k-nearest neighbor graph
/// construction for generic similarity measures", WWW '11, doi:10.1145/1963405.1963487) with the refinements of
/// pynndescent (McInnes): random-projection-tree initialisation, new/old candidate flags, sampled candidate lists of
/// at most 60 by random priority, and local joins filtered by each list's current worst distance.
/// </summary>
/// <remarks>
/// Determinism: random numbers come from hashes of (seed, phase, row), never from shared state; distance work runs in
/// parallel over fixed chunks of 256 rows that write proposals into their own buffers, and proposals are applied to the
/// neighbour heaps sequentially in chunk order, batch by batch. The result is therefore the same for any thread count.
/// </remarks>
internal sealed partial class NnDescent
{
    private const int ChunkRows = 256;
    private const int BatchChunks = 64;
    private const int MaxCandidatesCap = 60;

    private readonly float[] _data;
    private readonly int _cells;
    private readonly int _dims;
    private readonly int _k;
    private readonly bool _cosine;
    private readonly ulong _seed;
    private readonly int[] _index;
    private readonly float[] _distance;
    private readonly bool[] _isNew;

    private NnDescent(float[] data, int cells, int dims, int k, bool cosine, ulong seed)
    {
        _data = data;
        _cells = cells;
        _dims = dims;
        _k = k;
        _cosine = cosine;
        _seed = seed;
        _index = new int[cells * k];
        _distance = new float[cells * k];
        _isNew = new bool[cells * k];
        Array.Fill(_index, -1);
        Array.Fill(_distance, float.PositiveInfinity);
    }

    /// <summary>Runs the search; <paramref name="k"/> excludes the query itself. Outputs are cells × k, sorted by (distance, index).</summary>
    public static void Run(float[] data, int cells, int dims, int k, bool cosine, NeighborOptions options, int[] indices, float[] distances)
    {
        var search = new NnDescent(data, cells, dims, k, cosine, options.Seed);
        search.RandomInit();
        for (var t = 0; t < options.Trees; t++)
        {
            search.TreeInit(t);
        }

        var maxCandidates = Math.Min(MaxCandidatesCap, k);
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            var changed = search.Iterate(iteration, maxCandidates);
            if (changed <= options.Delta * cells * k)
            {
                break;
            }
        }

        search.SortInto(indices, distances);
    }

    private float Distance(int p, int q) => DistanceKernel.Measure(_data.AsSpan(p * _dims, _dims), _data.AsSpan(q * _dims, _dims), _cosine);

    /// <summary>Fills every list with k distinct random other rows (each row from its own random stream).</summary>
    private void RandomInit()
    {
        var chunks = (_cells + ChunkRows - 1) / ChunkRows;
        Parallel.For(0, chunks, chunk =>
        {
            var end = Math.Min(_cells, (chunk + 1) * ChunkRows);
            for (var row = chunk * ChunkRows; row < end; row++)
            {
                var rng = SplitMix64.For(_seed, 1, (ulong)row);
                var filled = 0;
                for (var attempt = 0; filled < _k && attempt < 64 * _k; attempt++)
                {
                    var q = rng.NextInt(_cells);
                    if (q != row && Push(row, Distance(row, q), q))
                    {
                        filled++;
                    }
                }

                // Tiny data sets can exhaust random draws; fill deterministically from the following rows.
                for (var q = (row + 1) % _cells; filled < _k; q = (q + 1) % _cells)
                {
                    if (q != row && Push(row, Distance(row, q), q))
                    {
                        filled++;
                    }
                }
            }
        });
    }

    /// <summary>
    /// Max-heap push on row's list: keeps the k smallest distances, refuses duplicates; returns whether the list changed.
    /// </summary>
    private bool Push(int row, float d, int q)
    {
        var b = row * _k;
        if (!(d < _distance[b]))
        {
            return false;
        }

        for (var t = 0; t < _k; t++)
        {
            if (_index[b + t] == q)
            {
                return false;
            }
        }

        var i = 0;
        while (true)
        {
            var l = (2 * i) + 1;
            if (l >= _k)
            {
                break;
            }

            var r = l + 1;
            var c = r < _k && _distance[b + r] > _distance[b + l] ? r : l;
            if (_distance[b + c] <= d)
            {
                break;
            }

            _distance[b + i] = _distance[b + c];
            _index[b + i] = _index[b + c];
            _isNew[b + i] = _isNew[b + c];
            i = c;
        }

        _distance[b + i] = d;
        _index[b + i] = q;
        _isNew[b + i] = true;
        return true;
    }

    /// <summary>Applies proposals in order; returns how many list insertions happened.</summary>
    private int Apply(List<Proposal>[] buffers, int count)
    {
        var changed = 0;
        for (var c = 0; c < count; c++)
        {
            foreach (var p in buffers[c])
            {
                changed += Push(p.P, p.Distance, p.Q) ? 1 : 0;
                changed += Push(p.Q, p.Distance, p.P) ? 1 : 0;
            }

            buffers[c].Clear();
        }

        return changed;
    }

    private void SortInto(int[] indices, float[] distances)
    {
        Array.Copy(_index, indices, indices.Length);
        Array.Copy(_distance, distances, distances.Length);
        var chunks = (_cells + ChunkRows - 1) / ChunkRows;
        Parallel.For(0, chunks, chunk =>
        {
            var end = Math.Min(_cells, (chunk + 1) * ChunkRows);
            for (var row = chunk * ChunkRows; row < end; row++)
            {
                var d = distances.AsSpan(row * _k, _k);
                var ix = indices.AsSpan(row * _k, _k);
                // Insertion sort by (distance, index): k is small and ties must order by index.
                for (var i = 1; i < _k; i++)
                {
                    var (dv, iv) = (d[i], ix[i]);
                    var j = i;
                    while (j > 0 && (d[j - 1] > dv || (d[j - 1] == dv && ix[j - 1] > iv)))
                    {
                        d[j] = d[j - 1];
                        ix[j] = ix[j - 1];
                        j--;
                    }

                    d[j] = dv;
                    ix[j] = iv;
                }
            }
        });
    }

    private readonly record struct Proposal(int P, int Q, float Distance);
}
