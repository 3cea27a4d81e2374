namespace Dermis.SingleCell;

/// <summary>
/// Named per-row columns of an annotation table (AnnData's <c>obs</c>/<c>var</c> data frame): numbers,
/// flags and text, each exactly one value per cell or gene.
/// </summary>
public sealed class AnnotationColumns
{
    private readonly Dictionary<string, double[]> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool[]> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _texts = new(StringComparer.Ordinal);
    private readonly string _table;

    /// <summary>Creates an empty set of columns for a table of <paramref name="count"/> rows.</summary>
    /// <param name="count">Rows in the table (cells or genes), ≥ 0.</param>
    /// <param name="table">Table name used in messages ("cell" or "gene").</param>
    public AnnotationColumns(int count, string table)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        _table = table;
    }

    /// <summary>Rows in the table.</summary>
    public int Count { get; }

    /// <summary>Names of the numeric columns.</summary>
    public IReadOnlyCollection<string> NumericNames => _numbers.Keys;

    /// <summary>Names of the flag columns.</summary>
    public IReadOnlyCollection<string> FlagNames => _flags.Keys;

    /// <summary>Names of the text columns.</summary>
    public IReadOnlyCollection<string> TextNames => _texts.Keys;

    /// <summary>Adds or replaces a numeric column (the array is stored, not copied).</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">One value per row.</param>
    public void SetNumeric(string name, double[] values) => _numbers[name] = Checked(name, values);

    /// <summary>Adds or replaces a flag column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">One flag per row.</param>
    public void SetFlag(string name, bool[] values) => _flags[name] = Checked(name, values);

    /// <summary>Adds or replaces a text column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">One string per row.</param>
    public void SetText(string name, string[] values) => _texts[name] = Checked(name, values);

    /// <summary>The numeric column <paramref name="name"/>, or null when absent.</summary>
    /// <param name="name">Column name.</param>
    public double[]? FindNumeric(string name) => _numbers.GetValueOrDefault(name);

    /// <summary>The flag column <paramref name="name"/>, or null when absent.</summary>
    /// <param name="name">Column name.</param>
    public bool[]? FindFlag(string name) => _flags.GetValueOrDefault(name);

    /// <summary>The text column <paramref name="name"/>, or null when absent.</summary>
    /// <param name="name">Column name.</param>
    public string[]? FindText(string name) => _texts.GetValueOrDefault(name);

    /// <summary>The numeric column <paramref name="name"/>; when absent, names the step that writes it.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="producedBy">The call that creates the column, e.g. <c>QualityControl.Compute</c>.</param>
    /// <exception cref="InvalidOperationException">The column is missing ("run … first").</exception>
    public double[] RequireNumeric(string name, string producedBy) =>
        FindNumeric(name) ?? throw Missing(name, producedBy);

    /// <summary>The flag column <paramref name="name"/>; when absent, names the step that writes it.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="producedBy">The call that creates the column.</param>
    /// <exception cref="InvalidOperationException">The column is missing ("run … first").</exception>
    public bool[] RequireFlag(string name, string producedBy) =>
        FindFlag(name) ?? throw Missing(name, producedBy);

    /// <summary>The text column <paramref name="name"/>; when absent, names the step that writes it.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="producedBy">The call that creates the column.</param>
    /// <exception cref="InvalidOperationException">The column is missing ("run … first").</exception>
    public string[] RequireText(string name, string producedBy) =>
        FindText(name) ?? throw Missing(name, producedBy);

    /// <summary>A copy holding only the rows in <paramref name="rows"/>, in that order.</summary>
    /// <param name="rows">Row indices in [0, <see cref="Count"/>).</param>
    /// <returns>The subset columns.</returns>
    public AnnotationColumns Subset(ReadOnlySpan<int> rows)
    {
        var result = new AnnotationColumns(rows.Length, _table);
        foreach (var (name, values) in _numbers)
        {
            result._numbers[name] = Pick(values, rows);
        }

        foreach (var (name, values) in _flags)
        {
            result._flags[name] = Pick(values, rows);
        }

        foreach (var (name, values) in _texts)
        {
            result._texts[name] = Pick(values, rows);
        }

        return result;
    }

    internal static T[] Pick<T>(T[] values, ReadOnlySpan<int> rows)
    {
        var result = new T[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            result[r] = values[rows[r]];
        }

        return result;
    }

    private T[] Checked<T>(string name, T[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Count)
        {
            throw new ArgumentException($"{_table} column '{name}' has {values.Length} values; the table has {Count} rows.", nameof(values));
        }

        return values;
    }

    private InvalidOperationException Missing(string name, string producedBy) =>
        new($"the {_table} column '{name}' is missing: run {producedBy} first.");
}
