namespace Dermis.SingleCell;

/// <summary>A dense single-precision matrix stored row-major (<c>Values[i * Columns + j]</c>), e.g. an embedding or scaled data.</summary>
public sealed class DenseMatrix
{
    /// <summary>Wraps a row-major array (not copied).</summary>
    /// <param name="rows">Number of rows, ≥ 0.</param>
    /// <param name="columns">Number of columns, ≥ 0.</param>
    /// <param name="values">Row-major values, length <paramref name="rows"/> × <paramref name="columns"/>.</param>
    /// <exception cref="ArgumentException">The length does not match the shape.</exception>
    public DenseMatrix(int rows, int columns, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(values);
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException($"values has length {values.Length}; expected {rows} × {columns} = {(long)rows * columns}.", nameof(values));
        }

        Rows = rows;
        Columns = columns;
        Values = values;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Row-major values.</summary>
    public float[] Values { get; }

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    /// <param name="row">Row index.</param>
    /// <param name="column">Column index.</param>
    public float this[int row, int column] => Values[(row * Columns) + column];

    /// <summary>Row <paramref name="row"/> as a span into <see cref="Values"/>.</summary>
    /// <param name="row">Row index in [0, <see cref="Rows"/>).</param>
    /// <returns>A span of length <see cref="Columns"/>.</returns>
    public Span<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>The rows listed in <paramref name="rows"/>, in that order.</summary>
    /// <param name="rows">Row indices in [0, <see cref="Rows"/>).</param>
    /// <returns>A new matrix.</returns>
    public DenseMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var result = new float[(long)rows.Length * Columns];
        for (var r = 0; r < rows.Length; r++)
        {
            Row(rows[r]).CopyTo(result.AsSpan(r * Columns, Columns));
        }

        return new DenseMatrix(rows.Length, Columns, result);
    }
}
