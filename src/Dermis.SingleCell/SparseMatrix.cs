namespace Dermis.SingleCell;

/// <summary>
/// A sparse matrix in compressed sparse row (CSR) form with 32-bit row pointers and column indices and
/// single-precision values: the layout of SciPy's <c>csr_matrix</c> and AnnData's <c>X</c>.
/// </summary>
/// <remarks>
/// Row <c>i</c> holds the entries <c>RowPointers[i] .. RowPointers[i + 1] - 1</c> of <see cref="ColumnIndices"/>
/// and <see cref="Values"/>, column indices strictly increasing within a row. Explicit zeros are allowed but
/// the readers and steps never create them. The arrays are shared, not copied: treat them as read-only once
/// the matrix is built. The CSR form of the transpose (<see cref="Transpose"/>) is the CSC form of this matrix.
/// At most <see cref="int.MaxValue"/> non-zeros (about 2.1e9; a 1-million-cell 10x run has about 2e9).
/// </remarks>
public sealed class SparseMatrix
{
    /// <summary>Wraps CSR arrays after checking their lengths, the pointer monotonicity and the index range.</summary>
    /// <param name="rows">Number of rows, ≥ 0.</param>
    /// <param name="columns">Number of columns, ≥ 0.</param>
    /// <param name="rowPointers">Length <paramref name="rows"/> + 1, starting at 0, non-decreasing.</param>
    /// <param name="columnIndices">Column of each stored entry, in [0, <paramref name="columns"/>).</param>
    /// <param name="values">Value of each stored entry, same length as <paramref name="columnIndices"/>.</param>
    /// <exception cref="ArgumentException">The arrays are inconsistent (the message names which and how).</exception>
    public SparseMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowPointers.Length != rows + 1)
        {
            throw new ArgumentException($"rowPointers has length {rowPointers.Length}; expected rows + 1 = {rows + 1}.", nameof(rowPointers));
        }

        if (rowPointers[0] != 0 || rowPointers[rows] != columnIndices.Length || columnIndices.Length != values.Length)
        {
            throw new ArgumentException(
                $"rowPointers must start at 0 and end at the entry count; got {rowPointers[0]}..{rowPointers[rows]} for {columnIndices.Length} column indices and {values.Length} values.",
                nameof(rowPointers));
        }

        for (var i = 0; i < rows; i++)
        {
            if (rowPointers[i + 1] < rowPointers[i])
            {
                throw new ArgumentException($"rowPointers decreases at row {i} ({rowPointers[i]} → {rowPointers[i + 1]}).", nameof(rowPointers));
            }
        }

        for (var k = 0; k < columnIndices.Length; k++)
        {
            if ((uint)columnIndices[k] >= (uint)columns)
            {
                throw new ArgumentException($"columnIndices[{k}] = {columnIndices[k]} is outside [0, {columns}).", nameof(columnIndices));
            }
        }

        Rows = rows;
        Columns = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }

    /// <summary>Number of rows (cells, for a <see cref="CellMatrix"/>).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (genes, for a <see cref="CellMatrix"/>).</summary>
    public int Columns { get; }

    /// <summary>Row start offsets, length <see cref="Rows"/> + 1.</summary>
    public int[] RowPointers { get; }

    /// <summary>Column index of each stored entry, increasing within each row.</summary>
    public int[] ColumnIndices { get; }

    /// <summary>Value of each stored entry.</summary>
    public float[] Values { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeroCount => RowPointers[Rows];

    /// <summary>The column indices of row <paramref name="row"/>.</summary>
    /// <param name="row">Row index in [0, <see cref="Rows"/>).</param>
    /// <returns>A view into <see cref="ColumnIndices"/>.</returns>
    public ReadOnlySpan<int> RowIndices(int row) => ColumnIndices.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    /// <summary>The values of row <paramref name="row"/>.</summary>
    /// <param name="row">Row index in [0, <see cref="Rows"/>).</param>
    /// <returns>A view into <see cref="Values"/>.</returns>
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    /// <summary>A matrix with this one's sparsity pattern and new values (the index arrays are shared).</summary>
    /// <param name="values">One value per stored entry, length <see cref="NonZeroCount"/>.</param>
    /// <returns>The new matrix.</returns>
    public SparseMatrix WithValues(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != NonZeroCount)
        {
            throw new ArgumentException($"values has length {values.Length}; expected the entry count {NonZeroCount}.", nameof(values));
        }

        return new SparseMatrix(Rows, Columns, RowPointers, ColumnIndices, values, trusted: true);
    }

    /// <summary>
    /// The transpose in CSR form, i.e. this matrix in compressed sparse column (CSC) form: row <c>j</c> of the
    /// result lists the rows of this matrix with an entry in column <c>j</c>, in increasing order.
    /// </summary>
    /// <returns>A new <see cref="Columns"/> × <see cref="Rows"/> matrix (counting sort, O(nnz + rows + columns)).</returns>
    public SparseMatrix Transpose()
    {
        var pointers = new int[Columns + 1];
        var indices = ColumnIndices;
        for (var k = 0; k < indices.Length; k++)
        {
            pointers[indices[k] + 1]++;
        }

        for (var j = 0; j < Columns; j++)
        {
            pointers[j + 1] += pointers[j];
        }

        var next = new int[Columns];
        Array.Copy(pointers, next, Columns);
        var outIndices = new int[indices.Length];
        var outValues = new float[indices.Length];
        var values = Values;
        for (var i = 0; i < Rows; i++)
        {
            var end = RowPointers[i + 1];
            for (var k = RowPointers[i]; k < end; k++)
            {
                var slot = next[indices[k]]++;
                outIndices[slot] = i;
                outValues[slot] = values[k];
            }
        }

        return new SparseMatrix(Columns, Rows, pointers, outIndices, outValues, trusted: true);
    }

    /// <summary>The rows listed in <paramref name="rows"/>, in that order (repeats allowed).</summary>
    /// <param name="rows">Row indices in [0, <see cref="Rows"/>).</param>
    /// <returns>A new matrix of <c>rows.Length</c> × <see cref="Columns"/>.</returns>
    public SparseMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var pointers = new int[rows.Length + 1];
        long total = 0;
        for (var r = 0; r < rows.Length; r++)
        {
            var i = rows[r];
            if ((uint)i >= (uint)Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"row index {i} at position {r} is outside [0, {Rows}).");
            }

            total += RowPointers[i + 1] - RowPointers[i];
            pointers[r + 1] = checked((int)total);
        }

        var outIndices = new int[total];
        var outValues = new float[total];
        for (var r = 0; r < rows.Length; r++)
        {
            var i = rows[r];
            var start = RowPointers[i];
            var length = RowPointers[i + 1] - start;
            Array.Copy(ColumnIndices, start, outIndices, pointers[r], length);
            Array.Copy(Values, start, outValues, pointers[r], length);
        }

        return new SparseMatrix(rows.Length, Columns, pointers, outIndices, outValues, trusted: true);
    }

    /// <summary>The columns listed in <paramref name="columns"/>, which must be strictly increasing (order kept).</summary>
    /// <param name="columns">Strictly increasing column indices in [0, <see cref="Columns"/>).</param>
    /// <returns>A new matrix of <see cref="Rows"/> × <c>columns.Length</c>, column <c>c</c> being old column <c>columns[c]</c>.</returns>
    public SparseMatrix SelectColumns(ReadOnlySpan<int> columns)
    {
        var map = new int[Columns];
        Array.Fill(map, -1);
        for (var c = 0; c < columns.Length; c++)
        {
            var j = columns[c];
            if ((uint)j >= (uint)Columns || (c > 0 && j <= columns[c - 1]))
            {
                throw new ArgumentException($"column index {j} at position {c} is outside [0, {Columns}) or not increasing.", nameof(columns));
            }

            map[j] = c;
        }

        var pointers = new int[Rows + 1];
        var count = 0;
        for (var k = 0; k < ColumnIndices.Length; k++)
        {
            if (map[ColumnIndices[k]] >= 0)
            {
                count++;
            }
        }

        var outIndices = new int[count];
        var outValues = new float[count];
        var p = 0;
        for (var i = 0; i < Rows; i++)
        {
            var end = RowPointers[i + 1];
            for (var k = RowPointers[i]; k < end; k++)
            {
                var c = map[ColumnIndices[k]];
                if (c >= 0)
                {
                    outIndices[p] = c;
                    outValues[p] = Values[k];
                    p++;
                }
            }

            pointers[i + 1] = p;
        }

        return new SparseMatrix(Rows, columns.Length, pointers, outIndices, outValues, trusted: true);
    }

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>), zero when not stored (binary search).</summary>
    /// <param name="row">Row index in [0, <see cref="Rows"/>).</param>
    /// <param name="column">Column index in [0, <see cref="Columns"/>).</param>
    /// <returns>The stored value or 0.</returns>
    public float this[int row, int column]
    {
        get
        {
            var k = RowIndices(row).BinarySearch(column);
            return k >= 0 ? Values[RowPointers[row] + k] : 0f;
        }
    }

    // Internal constructor for arrays built by this assembly's own kernels, which establish the invariants.
    internal SparseMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values, bool trusted)
    {
        _ = trusted;
        Rows = rows;
        Columns = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }
}
