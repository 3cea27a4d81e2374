namespace Dermis.SingleCell.Preprocessing;

/// <summary>
/// Highly variable gene selection. <see cref="Vst"/> is Seurat's <c>FindVariableFeatures(selection.method = "vst")</c>
/// (Stuart et al., "Comprehensive integration of single-cell data", Cell 177:1888, 2019,
/// doi:10.1016/j.cell.2019.05.031), which Scanpy calls <c>flavor="seurat_v3"</c>.
/// </summary>
public static class VariableGenes
{
    /// <summary>Gene column: mean raw count over cells.</summary>
    public const string MeanColumn = "vst.mean";

    /// <summary>Gene column: variance (n − 1) of the raw counts.</summary>
    public const string VarianceColumn = "vst.variance";

    /// <summary>Gene column: variance predicted by the loess trend, <c>10^fit(log10 mean)</c>.</summary>
    public const string ExpectedVarianceColumn = "vst.variance.expected";

    /// <summary>Gene column: variance of the standardised, clipped counts — the ranking statistic.</summary>
    public const string StandardizedVarianceColumn = "vst.variance.standardized";

    /// <summary>Gene flag column: selected as highly variable.</summary>
    public const string HighlyVariableFlag = "highly_variable";

    /// <summary>Gene column: 0-based rank among the selected genes (0 = most variable), NaN for the others.</summary>
    public const string RankColumn = "highly_variable_rank";

    private const string VstCall = "VariableGenes.Vst";

    /// <summary>
    /// Seurat "vst": per gene the mean and variance of the raw counts; a loess (degree 2, <paramref name="span"/>)
    /// of log10(variance) on log10(mean) over genes with non-zero variance gives the expected variance; each
    /// count is standardised <c>z = (x − mean) / sqrt(expected)</c>, clipped above at <paramref name="clipMax"/>,
    /// and the variance (n − 1) of z ranks the genes; the top <paramref name="featureCount"/> are selected
    /// (ties keep gene order, as R's stable <c>order</c>).
    /// </summary>
    /// <param name="matrix">
    /// A matrix whose <c>"counts"</c> layer (or X, before normalisation) holds raw counts; the statistics are
    /// written as gene columns (<see cref="MeanColumn"/> …, <see cref="HighlyVariableFlag"/>, <see cref="RankColumn"/>).
    /// </param>
    /// <param name="featureCount">Genes to select, ≥ 1 (Seurat default 2,000); all genes when larger than the gene count.</param>
    /// <param name="span">Loess span in (0, 1] (Seurat <c>loess.span</c> 0.3).</param>
    /// <param name="clipMax">Upper clip of z; null means Seurat's <c>"auto"</c>, sqrt(number of cells).</param>
    /// <param name="surface">Loess evaluation; <see cref="LoessSurface.Interpolate"/> is R's default and reproduces Seurat.</param>
    /// <returns>The selection, most variable first.</returns>
    /// <exception cref="InvalidOperationException">Only normalised values are available (no counts layer and X is not integer).</exception>
    public static VariableGeneSelection Vst(CellMatrix matrix, int featureCount = 2000, double span = 0.3, double? clipMax = null, LoessSurface surface = LoessSurface.Interpolate)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        if (clipMax is { } clip && !(clip > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(clipMax), clipMax, "clipMax must be > 0, or null for sqrt(number of cells).");
        }

        var counts = matrix.FindLayer(Normalization.CountsLayer) ?? RequireRawCounts(matrix.X);
        var byGene = counts.Transpose();
        var cells = matrix.CellCount;
        var genes = matrix.GeneCount;
        if (cells < 2)
        {
            throw new ArgumentException($"vst needs at least 2 cells; the matrix has {cells}.", nameof(matrix));
        }

        var mean = new double[genes];
        var variance = new double[genes];
        for (var g = 0; g < genes; g++)
        {
            var values = byGene.RowValues(g);
            double sum = 0;
            foreach (var v in values)
            {
                sum += v;
            }

            var mu = sum / cells;
            double squares = 0;
            foreach (var v in values)
            {
                squares += (v - mu) * (v - mu);
            }

            // Seurat SparseRowVar2: the zeros contribute mu^2 each.
            squares += mu * mu * (cells - values.Length);
            mean[g] = mu;
            variance[g] = squares / (cells - 1);
        }

        var fittedGenes = new List<int>(genes);
        for (var g = 0; g < genes; g++)
        {
            if (variance[g] > 0)
            {
                fittedGenes.Add(g);
            }
        }

        var logMean = new double[fittedGenes.Count];
        var logVariance = new double[fittedGenes.Count];
        for (var i = 0; i < fittedGenes.Count; i++)
        {
            logMean[i] = Math.Log10(mean[fittedGenes[i]]);
            logVariance[i] = Math.Log10(variance[fittedGenes[i]]);
        }

        var fit = Loess.Fit(logMean, logVariance, span, 2, surface);
        var expected = new double[genes];
        for (var i = 0; i < fittedGenes.Count; i++)
        {
            expected[fittedGenes[i]] = Math.Pow(10, fit[i]);
        }

        var vmax = clipMax ?? Math.Sqrt(cells);
        var standardized = new double[genes];
        for (var g = 0; g < genes; g++)
        {
            if (expected[g] == 0)
            {
                continue;
            }

            var sd = Math.Sqrt(expected[g]);
            var mu = mean[g];
            // Cell order, as Seurat's SparseRowVarStd. Genes with the same counts in different cells can differ in the
            // last bit here and in Seurat alike, so the order of such exact ties is rounding noise in both.
            var values = byGene.RowValues(g);
            double squares = 0;
            foreach (var v in values)
            {
                var z = Math.Min(vmax, (v - mu) / sd);
                squares += z * z;
            }

            // Seurat SparseRowVarStd: zeros are not clipped (their z is negative).
            var zeroZ = -mu / sd;
            squares += zeroZ * zeroZ * (cells - values.Length);
            standardized[g] = squares / (cells - 1);
        }

        var ranked = RankDescending(standardized, Math.Min(featureCount, genes));
        var flag = new bool[genes];
        var rank = new double[genes];
        Array.Fill(rank, double.NaN);
        for (var r = 0; r < ranked.Length; r++)
        {
            flag[ranked[r]] = true;
            rank[ranked[r]] = r;
        }

        var columns = matrix.Genes.Columns;
        columns.SetNumeric(MeanColumn, mean);
        columns.SetNumeric(VarianceColumn, variance);
        columns.SetNumeric(ExpectedVarianceColumn, expected);
        columns.SetNumeric(StandardizedVarianceColumn, standardized);
        columns.SetFlag(HighlyVariableFlag, flag);
        columns.SetNumeric(RankColumn, rank);
        return new VariableGeneSelection(ranked, Names(matrix, ranked));
    }

    /// <summary>The selected genes of a matrix, most variable first (from the <see cref="RankColumn"/> column).</summary>
    /// <param name="matrix">A matrix on which <see cref="Vst"/> has run.</param>
    /// <returns>Gene indices in rank order.</returns>
    /// <exception cref="InvalidOperationException">No selection is stored ("run VariableGenes.Vst first").</exception>
    public static int[] Selected(CellMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var rank = matrix.Genes.Columns.RequireNumeric(RankColumn, VstCall);
        var count = 0;
        foreach (var r in rank)
        {
            count += double.IsNaN(r) ? 0 : 1;
        }

        var result = new int[count];
        for (var g = 0; g < rank.Length; g++)
        {
            if (!double.IsNaN(rank[g]))
            {
                result[(int)rank[g]] = g;
            }
        }

        return result;
    }

    internal static int[] RankDescending(double[] score, int count)
    {
        var order = new int[score.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Stable: equal scores keep the lower gene index first, as R's order(decreasing = TRUE).
        Array.Sort(order, (a, b) =>
        {
            var c = score[b].CompareTo(score[a]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order[..count];
    }

    private static string[] Names(CellMatrix matrix, int[] genes)
    {
        var names = new string[genes.Length];
        for (var i = 0; i < genes.Length; i++)
        {
            names[i] = matrix.Genes.Names[genes[i]];
        }

        return names;
    }

    private static SparseMatrix RequireRawCounts(SparseMatrix x)
    {
        var values = x.Values;
        for (var k = 0; k < Math.Min(values.Length, 10_000); k++)
        {
            if (values[k] != MathF.Round(values[k]))
            {
                throw new InvalidOperationException(
                    $"vst needs raw counts, but X holds non-integer values ({values[k]}) and there is no '{Normalization.CountsLayer}' layer: run VariableGenes.Vst on the counts, or Normalization.LogNormalize (which keeps them) first.");
            }
        }

        return x;
    }
}
