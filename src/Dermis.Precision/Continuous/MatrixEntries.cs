namespace Dermis.Precision.Continuous;

/// <summary>
/// The non-zero entries of a symmetric visits × visits matrix (both triangles listed), used for the derivatives
/// ∂Σ/∂θ_k of the residual covariance: unstructured derivatives have one or two entries, so the REML information is
/// assembled from entry lists rather than dense products.
/// </summary>
internal sealed class MatrixEntries
{
    private readonly List<int> _rows = [];
    private readonly List<int> _columns = [];
    private readonly List<double> _values = [];

    /// <summary>Number of entries.</summary>
    public int Count => _rows.Count;

    /// <summary>Row of entry <paramref name="index"/>.</summary>
    public int Row(int index) => _rows[index];

    /// <summary>Column of entry <paramref name="index"/>.</summary>
    public int Column(int index) => _columns[index];

    /// <summary>Value of entry <paramref name="index"/>.</summary>
    public double Value(int index) => _values[index];

    /// <summary>Adds one entry (the caller lists both (i, j) and (j, i) for off-diagonal cells).</summary>
    public void Add(int row, int column, double value)
    {
        if (value == 0)
        {
            return;
        }

        _rows.Add(row);
        _columns.Add(column);
        _values.Add(value);
    }

    /// <summary>Adds value at (i, j) and (j, i), once on the diagonal.</summary>
    public void AddSymmetric(int i, int j, double value)
    {
        Add(i, j, value);
        if (i != j)
        {
            Add(j, i, value);
        }
    }

    /// <summary>Σ_entries value · m[row, column] for a row-major square matrix of side <paramref name="size"/> (= tr(D·mᵀ)).</summary>
    public double Contract(ReadOnlySpan<double> m, int size)
    {
        var sum = 0.0;
        for (var e = 0; e < _rows.Count; e++)
        {
            sum += _values[e] * m[(_rows[e] * size) + _columns[e]];
        }

        return sum;
    }
}
