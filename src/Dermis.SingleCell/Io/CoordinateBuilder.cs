namespace Dermis.SingleCell.Io;

/// <summary>Builds CSR from coordinate (COO) triplets by counting sort, summing repeated coordinates.</summary>
internal static class CoordinateBuilder
{
    public static SparseMatrix Build(int rows, int columns, int[] rowOf, int[] columnOf, float[] values)
    {
        var pointers = new int[rows + 1];
        for (var k = 0; k < rowOf.Length; k++)
        {
            pointers[rowOf[k] + 1]++;
        }

        for (var i = 0; i < rows; i++)
        {
            pointers[i + 1] += pointers[i];
        }

        var next = new int[rows];
        Array.Copy(pointers, next, rows);
        var indices = new int[rowOf.Length];
        var data = new float[rowOf.Length];
        for (var k = 0; k < rowOf.Length; k++)
        {
            var slot = next[rowOf[k]]++;
            indices[slot] = columnOf[k];
            data[slot] = values[k];
        }

        var needsCompaction = false;
        for (var i = 0; i < rows; i++)
        {
            var start = pointers[i];
            var end = pointers[i + 1];
            var sorted = true;
            for (var k = start + 1; k < end; k++)
            {
                if (indices[k] <= indices[k - 1])
                {
                    sorted = false;
                    break;
                }
            }

            if (!sorted)
            {
                Array.Sort(indices, data, start, end - start);
                for (var k = start + 1; k < end; k++)
                {
                    needsCompaction |= indices[k] == indices[k - 1];
                }
            }
        }

        return needsCompaction ? SumRepeats(rows, columns, pointers, indices, data) : new SparseMatrix(rows, columns, pointers, indices, data, trusted: true);
    }

    private static SparseMatrix SumRepeats(int rows, int columns, int[] pointers, int[] indices, float[] data)
    {
        var outPointers = new int[rows + 1];
        var p = 0;
        for (var i = 0; i < rows; i++)
        {
            var end = pointers[i + 1];
            for (var k = pointers[i]; k < end; k++)
            {
                if (p > outPointers[i] && indices[p - 1] == indices[k])
                {
                    data[p - 1] += data[k];
                }
                else
                {
                    indices[p] = indices[k];
                    data[p] = data[k];
                    p++;
                }
            }

            outPointers[i + 1] = p;
        }

        return new SparseMatrix(rows, columns, outPointers, indices[..p], data[..p], trusted: true);
    }
}
