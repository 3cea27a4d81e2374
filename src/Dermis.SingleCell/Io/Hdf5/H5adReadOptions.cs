namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>What <see cref="H5adReader"/> loads from an AnnData file.</summary>
public sealed record H5adReadOptions
{
    /// <summary>
    /// The matrix that becomes <see cref="CellMatrix.X"/> (the pipeline expects raw counts there): <c>"X"</c> (default),
    /// <c>"raw/X"</c> (genes from <c>raw/var</c>), or <c>"layers/&lt;name&gt;"</c> such as <c>"layers/counts"</c>.
    /// </summary>
    public string Matrix { get; init; } = "X";

    /// <summary>
    /// Also load the other <c>layers/*</c> (and <c>X</c>, as layer <c>"X"</c>, when a layer was chosen) as
    /// <see cref="CellMatrix"/> layers; ignored when <see cref="Matrix"/> is <c>raw/X</c> (its genes differ).
    /// </summary>
    public bool ReadLayers { get; init; } = true;

    /// <summary>The default: X as the matrix, layers loaded.</summary>
    public static H5adReadOptions Default { get; } = new();

    /// <summary>Checks <see cref="Matrix"/>.</summary>
    /// <exception cref="ArgumentException">The matrix name is not X, raw/X or layers/&lt;name&gt;.</exception>
    internal void Validate()
    {
        if (Matrix is not ("X" or "raw/X") && !(Matrix.StartsWith("layers/", StringComparison.Ordinal) && Matrix.Length > "layers/".Length && Matrix.IndexOf('/', "layers/".Length) < 0))
        {
            throw new ArgumentException($"Matrix: '{Matrix}' is not allowed; expected \"X\", \"raw/X\" or \"layers/<name>\" (e.g. \"layers/counts\").", nameof(Matrix));
        }
    }
}
