namespace Dermis.SingleCell.Neighbors;

internal sealed partial class NnDescent
{
    /// <summary>
    /// One NN-descent round: sample new/old candidate lists (forward and reverse neighbours, by random priority), then
    /// local-join every pair within each row's candidates (new × new and new × old).
    /// </summary>
    private int Iterate(int iteration, int maxCandidates)
    {
        var newIndex = new int[_cells * maxCandidates];
        var newPriority = new float[_cells * maxCandidates];
        var newCount = new int[_cells];
        var oldIndex = new int[_cells * maxCandidates];
        var oldPriority = new float[_cells * maxCandidates];
        var oldCount = new int[_cells];
        for (var row = 0; row < _cells; row++)
        {
            var b = row * _k;
            for (var t = 0; t < _k; t++)
            {
                var q = _index[b + t];
                if (q < 0)
                {
                    continue;
                }

                var priority = (float)(SplitMix64.Mix(_seed ^ SplitMix64.Mix(((ulong)iteration << 40) ^ ((ulong)row * (ulong)_k) ^ (ulong)t)) >> 40);
                if (_isNew[b + t])
                {
                    PushCandidate(newIndex, newPriority, newCount, maxCandidates, row, q, priority);
                    PushCandidate(newIndex, newPriority, newCount, maxCandidates, q, row, priority);
                }
                else
                {
                    PushCandidate(oldIndex, oldPriority, oldCount, maxCandidates, row, q, priority);
                    PushCandidate(oldIndex, oldPriority, oldCount, maxCandidates, q, row, priority);
                }
            }
        }

        // Entries sampled as new candidates have now had their chance to join: they become old.
        for (var row = 0; row < _cells; row++)
        {
            var candidates = newIndex.AsSpan(row * maxCandidates, newCount[row]);
            for (var t = 0; t < _k; t++)
            {
                var at = (row * _k) + t;
                if (_isNew[at] && candidates.Contains(_index[at]))
                {
                    _isNew[at] = false;
                }
            }
        }

        var chunks = (_cells + ChunkRows - 1) / ChunkRows;
        var buffers = new List<Proposal>[BatchChunks];
        for (var c = 0; c < BatchChunks; c++)
        {
            buffers[c] = [];
        }

        var changed = 0;
        for (var batchStart = 0; batchStart < chunks; batchStart += BatchChunks)
        {
            var inBatch = Math.Min(BatchChunks, chunks - batchStart);
            Parallel.For(0, inBatch, c =>
                JoinChunk(batchStart + c, maxCandidates, newIndex, newCount, oldIndex, oldCount, buffers[c]));
            changed += Apply(buffers, inBatch);
        }

        return changed;
    }

    private void JoinChunk(int chunk, int maxCandidates, int[] newIndex, int[] newCount, int[] oldIndex, int[] oldCount, List<Proposal> output)
    {
        var end = Math.Min(_cells, (chunk + 1) * ChunkRows);
        for (var row = chunk * ChunkRows; row < end; row++)
        {
            var fresh = newIndex.AsSpan(row * maxCandidates, newCount[row]);
            var old = oldIndex.AsSpan(row * maxCandidates, oldCount[row]);
            for (var a = 0; a < fresh.Length; a++)
            {
                var p = fresh[a];
                for (var b = a + 1; b < fresh.Length; b++)
                {
                    Consider(p, fresh[b], output);
                }

                for (var b = 0; b < old.Length; b++)
                {
                    Consider(p, old[b], output);
                }
            }
        }
    }

    private void Consider(int p, int q, List<Proposal> output)
    {
        if (p == q)
        {
            return;
        }

        // Heap roots are read while other chunks only read too (writes happen in Apply, between batches).
        var d = Distance(p, q);
        if (d < _distance[p * _k] || d < _distance[q * _k])
        {
            output.Add(new Proposal(p, q, d));
        }
    }

    /// <summary>Bounded max-heap on priority: keeps the maxCandidates lowest priorities, no duplicates.</summary>
    private static void PushCandidate(int[] index, float[] priority, int[] count, int max, int row, int q, float p)
    {
        var b = row * max;
        var n = count[row];
        var ids = index.AsSpan(b, n);
        if (ids.Contains(q))
        {
            return;
        }

        if (n < max)
        {
            var i = n;
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (priority[b + parent] >= p)
                {
                    break;
                }

                priority[b + i] = priority[b + parent];
                index[b + i] = index[b + parent];
                i = parent;
            }

            priority[b + i] = p;
            index[b + i] = q;
            count[row] = n + 1;
            return;
        }

        if (p >= priority[b])
        {
            return;
        }

        var at = 0;
        while (true)
        {
            var l = (2 * at) + 1;
            if (l >= max)
            {
                break;
            }

            var r = l + 1;
            var c = r < max && priority[b + r] > priority[b + l] ? r : l;
            if (priority[b + c] <= p)
            {
                break;
            }

            priority[b + at] = priority[b + c];
            index[b + at] = index[b + c];
            at = c;
        }

        priority[b + at] = p;
        index[b + at] = q;
    }
}
