namespace Dermis.SingleCell.Preprocessing;

/// <summary>Library-size normalisation of counts (Seurat <c>NormalizeData</c>, Scanpy <c>normalize_total</c> + <c>log1p</c>).</summary>
public static class Normalization
{
    /// <summary>Layer holding the raw counts, saved by <see cref="LogNormalize"/> before <see cref="CellMatrix.X"/> is replaced.</summary>
    public const string CountsLayer = "counts";

    /// <summary>Seurat's and the Scanpy tutorials' target count per cell.</summary>
    public const double DefaultScaleFactor = 1e4;

    /// <summary>
    /// Seurat "LogNormalize": <c>x' = ln(1 + x / total · scaleFactor)</c> per cell, natural log, computed in
    /// double and stored as float. The counts are kept as the layer <see cref="CountsLayer"/> (read from there
    /// when it already exists, so a second call gives the same result).
    /// </summary>
    /// <param name="matrix">Counts (modified in place: X becomes log-normalised).</param>
    /// <param name="scaleFactor">Target total per cell, &gt; 0 (default 1e4; 1e6 gives log1p(CPM)).</param>
    /// <returns>The same matrix, for chaining. Cells with no counts stay all-zero.</returns>
    public static CellMatrix LogNormalize(CellMatrix matrix, double scaleFactor = DefaultScaleFactor)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!(scaleFactor > 0) || double.IsInfinity(scaleFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(scaleFactor), scaleFactor, "scaleFactor must be a finite number > 0 (Seurat default 1e4).");
        }

        var counts = matrix.FindLayer(CountsLayer) ?? matrix.X;
        var result = new float[counts.NonZeroCount];
        Parallel.For(0, ChunkCount(matrix.CellCount), chunk =>
        {
            var (start, end) = ChunkRange(chunk, matrix.CellCount);
            for (var c = start; c < end; c++)
            {
                var values = counts.RowValues(c);
                double total = 0;
                foreach (var v in values)
                {
                    total += v;
                }

                var offset = counts.RowPointers[c];
                for (var k = 0; k < values.Length; k++)
                {
                    // Seurat's LogNorm evaluates log1p(x / total * scale) in this order.
                    result[offset + k] = total > 0 ? (float)double.LogP1(values[k] / total * scaleFactor) : 0f;
                }
            }
        });

        matrix.SetLayer(CountsLayer, counts);
        matrix.X = counts.WithValues(result);
        return matrix;
    }

    internal static int ChunkCount(int rows) => Math.Max(1, Math.Min(64, (rows + 255) / 256));

    internal static (int Start, int End) ChunkRange(int chunk, int rows)
    {
        var chunks = ChunkCount(rows);
        return ((int)((long)rows * chunk / chunks), (int)((long)rows * (chunk + 1) / chunks));
    }
}
