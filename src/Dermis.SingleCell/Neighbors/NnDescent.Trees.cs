using System.Numerics.Tensors;

namespace Dermis.SingleCell.Neighbors;

internal sealed partial class NnDescent
{
    /// <summary>
    /// Random projection tree initialisation (Dasgupta &amp; Freund 2008, doi:10.1145/1374376.1374452; as pynndescent's
    /// <c>make_forest</c>): split by the hyperplane equidistant from two random points until leaves hold at most
    /// max(10, k) rows, then offer every pair within a leaf to both rows' lists.
    /// </summary>
    private void TreeInit(int tree)
    {
        var leafSize = Math.Max(10, _k);
        var order = new int[_cells];
        for (var i = 0; i < _cells; i++)
        {
            order[i] = i;
        }

        var rng = SplitMix64.For(_seed, 2, (ulong)tree);
        var leaves = new List<(int Start, int Length)>();
        var stack = new Stack<(int Start, int Length)>();
        stack.Push((0, _cells));
        var normal = new float[_dims];
        var scratch = new int[_cells];
        while (stack.Count > 0)
        {
            var (start, length) = stack.Pop();
            if (length <= leafSize)
            {
                leaves.Add((start, length));
                continue;
            }

            var left = Split(order, start, length, ref rng, normal, scratch);
            stack.Push((start + left, length - left));
            stack.Push((start, left));
        }

        var leafArray = leaves.ToArray();
        var buffers = new List<Proposal>[BatchChunks];
        for (var c = 0; c < BatchChunks; c++)
        {
            buffers[c] = [];
        }

        const int LeavesPerChunk = 64;
        var chunks = (leafArray.Length + LeavesPerChunk - 1) / LeavesPerChunk;
        for (var batchStart = 0; batchStart < chunks; batchStart += BatchChunks)
        {
            var inBatch = Math.Min(BatchChunks, chunks - batchStart);
            Parallel.For(0, inBatch, c =>
            {
                var from = (batchStart + c) * LeavesPerChunk;
                var to = Math.Min(leafArray.Length, from + LeavesPerChunk);
                for (var leaf = from; leaf < to; leaf++)
                {
                    var members = order.AsSpan(leafArray[leaf].Start, leafArray[leaf].Length);
                    for (var a = 0; a < members.Length; a++)
                    {
                        for (var b = a + 1; b < members.Length; b++)
                        {
                            Consider(members[a], members[b], buffers[c]);
                        }
                    }
                }
            });
            Apply(buffers, inBatch);
        }
    }

    /// <summary>Partitions order[start..start+length) in place; returns the size of the left part (1 … length − 1).</summary>
    private int Split(int[] order, int start, int length, ref SplitMix64 rng, float[] normal, int[] scratch)
    {
        var a = order[start + rng.NextInt(length)];
        var b = order[start + rng.NextInt(length)];
        for (var tries = 0; a == b && tries < 8; tries++)
        {
            b = order[start + rng.NextInt(length)];
        }

        var xa = _data.AsSpan(a * _dims, _dims);
        var xb = _data.AsSpan(b * _dims, _dims);
        TensorPrimitives.Subtract(xa, xb, normal);
        var offset = 0f;
        for (var d = 0; d < _dims; d++)
        {
            offset += normal[d] * 0.5f * (xa[d] + xb[d]);
        }

        var left = 0;
        var right = length;
        var members = order.AsSpan(start, length);
        for (var i = 0; i < length; i++)
        {
            var m = members[i];
            var margin = TensorPrimitives.Dot(normal, _data.AsSpan(m * _dims, _dims)) - offset;
            var goLeft = margin < 0f || (margin == 0f && (rng.NextUInt64() & 1) == 0);
            if (goLeft)
            {
                scratch[left++] = m;
            }
            else
            {
                scratch[--right] = m;
            }
        }

        if (left == 0 || left == length)
        {
            // Degenerate split (duplicate points): halve in the current order instead.
            left = length / 2;
            return left;
        }

        scratch.AsSpan(0, length).CopyTo(members);
        return left;
    }
}
