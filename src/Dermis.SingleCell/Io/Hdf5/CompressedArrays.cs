namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// Checks and assembles the three arrays of a compressed sparse matrix read from HDF5 (10x CSC counts, AnnData
/// CSR/CSC groups) into a <see cref="SparseMatrix"/>, naming the offending dataset on any inconsistency.
/// </summary>
internal static class CompressedArrays
{
    /// <summary>
    /// Builds a <paramref name="rows"/> × <paramref name="columns"/> CSR matrix from <c>group/{indptr,indices,data}</c>.
    /// Rows whose indices are not increasing (SciPy allows that) are sorted; a repeated index is an error.
    /// </summary>
    /// <param name="file">The file (for messages and reading).</param>
    /// <param name="group">Group holding <c>data</c>, <c>indices</c> and <c>indptr</c>.</param>
    /// <param name="rows">Compressed dimension (rows of the result).</param>
    /// <param name="columns">Other dimension.</param>
    /// <param name="shapeSource">Where the shape came from, for messages ("/matrix/shape").</param>
    public static SparseMatrix Read(Hdf5File file, string group, int rows, int columns, string shapeSource)
    {
        var pointers = file.ReadInt32(group + "/indptr");
        var indices = file.ReadInt32(group + "/indices");
        var values = file.ReadFloat32(group + "/data");
        if (pointers.Length != rows + 1)
        {
            throw file.Fail(group + "/indptr", $"has {pointers.Length} entries but {shapeSource} gives {rows} compressed rows; expected {rows + 1}.");
        }

        if (indices.Length != values.Length)
        {
            throw file.Fail(group + "/indices", $"has {indices.Length} entries but {group}/data has {values.Length}; expected one index per value.");
        }

        if (pointers[0] != 0 || pointers[rows] != indices.Length)
        {
            throw file.Fail(group + "/indptr", $"runs from {pointers[0]} to {pointers[rows]}; expected 0 to the {indices.Length} stored values.");
        }

        for (var i = 0; i < rows; i++)
        {
            var start = pointers[i];
            var end = pointers[i + 1];
            if (end < start)
            {
                throw file.Fail(group + "/indptr", $"decreases at position {i} ({start} → {end}).");
            }

            var sorted = true;
            for (var k = start; k < end; k++)
            {
                if ((uint)indices[k] >= (uint)columns)
                {
                    throw file.Fail(group + "/indices", $"entry {k} is {indices[k]}, outside [0, {columns}) given by {shapeSource}.");
                }

                sorted &= k == start || indices[k] > indices[k - 1];
            }

            if (!sorted)
            {
                Array.Sort(indices, values, start, end - start);
                for (var k = start + 1; k < end; k++)
                {
                    if (indices[k] == indices[k - 1])
                    {
                        throw file.Fail(group + "/indices", $"index {indices[k]} appears twice in compressed row {i}.");
                    }
                }
            }
        }

        return new SparseMatrix(rows, columns, pointers, indices, values, trusted: true);
    }

    /// <summary>A dense row-major matrix as CSR, dropping exact zeros.</summary>
    public static SparseMatrix FromDense(float[] dense, int rows, int columns)
    {
        var count = 0;
        foreach (var v in dense)
        {
            count += v != 0f ? 1 : 0;
        }

        var pointers = new int[rows + 1];
        var indices = new int[count];
        var values = new float[count];
        var p = 0;
        for (var i = 0; i < rows; i++)
        {
            var row = dense.AsSpan(i * columns, columns);
            for (var j = 0; j < columns; j++)
            {
                if (row[j] != 0f)
                {
                    indices[p] = j;
                    values[p++] = row[j];
                }
            }

            pointers[i + 1] = p;
        }

        return new SparseMatrix(rows, columns, pointers, indices, values, trusted: true);
    }

    /// <summary>A two-element shape dataset or attribute checked to fit 32-bit dimensions.</summary>
    public static (int First, int Second) Shape(Hdf5File file, string path, long[]? shape)
    {
        if (shape is not { Length: 2 } || shape[0] < 0 || shape[1] < 0 || shape[0] > int.MaxValue || shape[1] > int.MaxValue)
        {
            throw file.Fail(path, shape is null ? "is missing; expected the matrix shape (2 integers)." : $"is ({string.Join(", ", shape)}); expected 2 non-negative integers below 2^31.");
        }

        return ((int)shape[0], (int)shape[1]);
    }
}
