namespace Dermis.SingleCell.Preprocessing;

/// <summary>
/// Per-gene centring and scaling of the log-normalised data into a dense matrix for PCA (Seurat
/// <c>ScaleData</c>, Scanpy <c>pp.scale</c>; Hao et al., Cell 184:3573, 2021, doi:10.1016/j.cell.2021.04.048).
/// </summary>
public static class Scaling
{
    /// <summary>Seurat's <c>scale.max</c> default: scaled values above it are set to it.</summary>
    public const double DefaultMaxValue = 10;

    /// <summary>
    /// Writes <see cref="CellMatrix.Scaled"/>: for each selected gene, <c>z = (x − mean) / sd</c> over all cells
    /// (zeros included), sd with n − 1 as R's <c>sd</c>, then values above <paramref name="maxValue"/> set to it
    /// (Seurat clips only above; <paramref name="clipBelow"/> also sets values below −maxValue, as Scanpy's
    /// <c>scale(max_value)</c>). A gene with sd 0 scales to all zeros.
    /// </summary>
    /// <param name="matrix">A log-normalised matrix (run <c>Normalization.LogNormalize</c> first).</param>
    /// <param name="allGenes">
    /// False (default): the genes selected by <c>VariableGenes.Vst</c>, which is all PCA reads. True: every gene,
    /// as the Seurat tutorial's <c>ScaleData(features = all.genes)</c> (13,714 × 2,638 floats = 145 MB on PBMC3k).
    /// </param>
    /// <param name="maxValue">Clip, &gt; 0 (default 10); +∞ for none.</param>
    /// <param name="center">Subtract the mean (Seurat <c>do.center</c>).</param>
    /// <param name="scale">Divide by the standard deviation (Seurat <c>do.scale</c>).</param>
    /// <param name="clipBelow">Also clip below at −<paramref name="maxValue"/> (Scanpy behaviour).</param>
    /// <returns>The same matrix, for chaining.</returns>
    /// <exception cref="InvalidOperationException">X is not normalised, or no variable genes are selected and <paramref name="allGenes"/> is false.</exception>
    public static CellMatrix Scale(CellMatrix matrix, bool allGenes = false, double maxValue = DefaultMaxValue, bool center = true, bool scale = true, bool clipBelow = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!(maxValue > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "maxValue must be > 0 (Seurat scale.max default 10), or +∞ for no clip.");
        }

        if (matrix.FindLayer(Normalization.CountsLayer) is null)
        {
            throw new InvalidOperationException("scaling expects log-normalised data but X still holds the counts: run Normalization.LogNormalize first.");
        }

        int[] genes;
        if (allGenes)
        {
            genes = new int[matrix.GeneCount];
            for (var g = 0; g < genes.Length; g++)
            {
                genes[g] = g;
            }
        }
        else
        {
            if (matrix.Genes.Columns.FindNumeric(VariableGenes.RankColumn) is null)
            {
                throw new InvalidOperationException("no variable genes are selected: run VariableGenes.Vst first, or pass allGenes: true.");
            }

            genes = VariableGenes.Selected(matrix);
            Array.Sort(genes);
        }

        var x = matrix.X;
        var cells = matrix.CellCount;
        var column = new int[matrix.GeneCount];
        Array.Fill(column, -1);
        for (var c = 0; c < genes.Length; c++)
        {
            column[genes[c]] = c;
        }

        var width = genes.Length;
        var sums = new double[width];
        var nonZeros = new int[width];
        for (var k = 0; k < x.NonZeroCount; k++)
        {
            var c = column[x.ColumnIndices[k]];
            if (c >= 0)
            {
                sums[c] += x.Values[k];
                nonZeros[c]++;
            }
        }

        var means = new double[width];
        for (var c = 0; c < width; c++)
        {
            means[c] = sums[c] / cells;
        }

        var squares = new double[width];
        for (var k = 0; k < x.NonZeroCount; k++)
        {
            var c = column[x.ColumnIndices[k]];
            if (c >= 0)
            {
                var d = x.Values[k] - means[c];
                squares[c] += d * d;
            }
        }

        var sds = new double[width];
        var zeroValue = new float[width];
        var inverse = new double[width];
        for (var c = 0; c < width; c++)
        {
            squares[c] += means[c] * means[c] * (cells - nonZeros[c]);
            sds[c] = scale ? Math.Sqrt(squares[c] / Math.Max(1, cells - 1)) : 1.0;
            inverse[c] = sds[c] > 0 ? 1.0 / sds[c] : 0.0;
            var shift = center ? means[c] : 0.0;
            zeroValue[c] = Clip(-shift * inverse[c], maxValue, clipBelow);
        }

        var values = new float[(long)cells * width];
        Parallel.For(0, Normalization.ChunkCount(cells), chunk =>
        {
            var (start, end) = Normalization.ChunkRange(chunk, cells);
            for (var i = start; i < end; i++)
            {
                var row = values.AsSpan(i * width, width);
                zeroValue.CopyTo(row);
                var indices = x.RowIndices(i);
                var data = x.RowValues(i);
                for (var k = 0; k < indices.Length; k++)
                {
                    var c = column[indices[k]];
                    if (c >= 0)
                    {
                        var shift = center ? means[c] : 0.0;
                        row[c] = Clip((data[k] - shift) * inverse[c], maxValue, clipBelow);
                    }
                }
            }
        });

        matrix.Scaled = new ScaledData(genes, new DenseMatrix(cells, width, values), means, sds, maxValue);
        return matrix;
    }

    private static float Clip(double value, double maxValue, bool clipBelow)
    {
        if (value > maxValue)
        {
            return (float)maxValue;
        }

        return clipBelow && value < -maxValue ? (float)-maxValue : (float)value;
    }
}
