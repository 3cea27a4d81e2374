using System.Text.RegularExpressions;

namespace Dermis.SingleCell.Preprocessing;

/// <summary>
/// Per-cell and per-gene quality-control metrics and the filters of the Seurat PBMC3k tutorial
/// (Hao et al., Cell 184:3573, 2021, doi:10.1016/j.cell.2021.04.048; Satija lab "Guided Clustering Tutorial")
/// and Scanpy's <c>calculate_qc_metrics</c>/<c>filter_cells</c>/<c>filter_genes</c> (Wolf et al., Genome Biol 19:15, 2018).
/// </summary>
/// <remarks>
/// Typical use, reproducing the tutorial's 13,714 genes × 2,638 cells on PBMC3k:
/// <code>
/// var m = QualityControl.Prefilter(TenXReader.ReadMex(dir), minCells: 3, minFeatures: 200);
/// QualityControl.Compute(m);
/// m = QualityControl.FilterCells(m, CellQcThresholds.SeuratTutorial);
/// </code>
/// </remarks>
public static class QualityControl
{
    /// <summary>Cell column: number of genes with a non-zero count (Seurat <c>nFeature_RNA</c>, Scanpy <c>n_genes_by_counts</c>).</summary>
    public const string GenesPerCell = "n_genes";

    /// <summary>Cell column: total count (Seurat <c>nCount_RNA</c>, Scanpy <c>total_counts</c>).</summary>
    public const string CountsPerCell = "n_counts";

    /// <summary>Cell column: percentage (0–100) of the cell's counts in mitochondrial genes (Seurat <c>percent.mt</c>).</summary>
    public const string PercentMito = "percent_mt";

    /// <summary>Gene column: number of cells with a non-zero count (Scanpy <c>n_cells_by_counts</c>).</summary>
    public const string CellsPerGene = "n_cells";

    /// <summary>Gene flag column: the gene matched the mitochondrial pattern.</summary>
    public const string MitoFlag = "mt";

    /// <summary>Seurat's and Scanpy's human mitochondrial gene pattern.</summary>
    public const string HumanMitoPattern = "^MT-";

    private const string ComputeCall = "QualityControl.Compute";

    /// <summary>
    /// Computes the QC metrics from the counts (the <c>"counts"</c> layer when present, else <see cref="CellMatrix.X"/>)
    /// and writes them as the cell columns <see cref="GenesPerCell"/>, <see cref="CountsPerCell"/>,
    /// <see cref="PercentMito"/> and the gene columns <see cref="CellsPerGene"/>, <see cref="MitoFlag"/>.
    /// </summary>
    /// <param name="matrix">The cell matrix (modified in place).</param>
    /// <param name="mitoPattern">Regular expression matched against gene names (default <c>^MT-</c>, Seurat <c>PercentageFeatureSet</c>; mouse: <c>^mt-</c>).</param>
    /// <returns>The same <paramref name="matrix"/>, for chaining. A cell with no counts gets percent 0 (Seurat gives NaN).</returns>
    public static CellMatrix Compute(CellMatrix matrix, string mitoPattern = HumanMitoPattern)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentException.ThrowIfNullOrEmpty(mitoPattern);
        var counts = matrix.FindLayer(Normalization.CountsLayer) ?? matrix.X;
        var regex = new Regex(mitoPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var mito = new bool[matrix.GeneCount];
        for (var g = 0; g < mito.Length; g++)
        {
            mito[g] = regex.IsMatch(matrix.Genes.Names[g]);
        }

        var genesPerCell = new double[matrix.CellCount];
        var countsPerCell = new double[matrix.CellCount];
        var percentMito = new double[matrix.CellCount];
        var cellsPerGene = new double[matrix.GeneCount];
        for (var c = 0; c < matrix.CellCount; c++)
        {
            var indices = counts.RowIndices(c);
            var values = counts.RowValues(c);
            double total = 0, mitoTotal = 0;
            var expressed = 0;
            for (var k = 0; k < indices.Length; k++)
            {
                var v = values[k];
                if (v == 0)
                {
                    continue;
                }

                expressed++;
                total += v;
                cellsPerGene[indices[k]]++;
                if (mito[indices[k]])
                {
                    mitoTotal += v;
                }
            }

            genesPerCell[c] = expressed;
            countsPerCell[c] = total;
            percentMito[c] = total > 0 ? mitoTotal / total * 100.0 : 0.0;
        }

        matrix.Cells.Columns.SetNumeric(GenesPerCell, genesPerCell);
        matrix.Cells.Columns.SetNumeric(CountsPerCell, countsPerCell);
        matrix.Cells.Columns.SetNumeric(PercentMito, percentMito);
        matrix.Genes.Columns.SetNumeric(CellsPerGene, cellsPerGene);
        matrix.Genes.Columns.SetFlag(MitoFlag, mito);
        return matrix;
    }

    /// <summary>
    /// Seurat's <c>CreateSeuratObject(min.cells, min.features)</c> prefilter: first keeps cells with at least
    /// <paramref name="minFeatures"/> expressed genes, then genes expressed in at least <paramref name="minCells"/> of those cells.
    /// </summary>
    /// <param name="matrix">Raw counts.</param>
    /// <param name="minCells">Minimum cells per gene, ≥ 0 (tutorial 3; Seurat default 0).</param>
    /// <param name="minFeatures">Minimum genes per cell, ≥ 0 (tutorial 200; Seurat default 0).</param>
    /// <returns>A new, filtered matrix (PBMC3k: 32,738 × 2,700 → 13,714 genes × 2,700 cells).</returns>
    public static CellMatrix Prefilter(CellMatrix matrix, int minCells = 3, int minFeatures = 200)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return FilterGenes(FilterCells(matrix, minFeatures), minCells);
    }

    /// <summary>Keeps cells with at least <paramref name="minGenes"/> expressed genes (Scanpy <c>filter_cells(min_genes)</c>).</summary>
    /// <param name="matrix">Counts.</param>
    /// <param name="minGenes">Minimum number of genes with a non-zero count, ≥ 0.</param>
    /// <returns>A new matrix (the same content when nothing is removed).</returns>
    public static CellMatrix FilterCells(CellMatrix matrix, int minGenes)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNegative(minGenes);
        var x = matrix.X;
        var keep = new bool[matrix.CellCount];
        for (var c = 0; c < keep.Length; c++)
        {
            keep[c] = CountNonZero(x.RowValues(c)) >= minGenes;
        }

        return matrix.SubsetCells(keep);
    }

    /// <summary>Keeps genes expressed (non-zero) in at least <paramref name="minCells"/> cells (Scanpy <c>filter_genes(min_cells)</c>).</summary>
    /// <param name="matrix">Counts.</param>
    /// <param name="minCells">Minimum number of cells, ≥ 0.</param>
    /// <returns>A new matrix.</returns>
    public static CellMatrix FilterGenes(CellMatrix matrix, int minCells)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNegative(minCells);
        var x = matrix.X;
        var cells = new int[matrix.GeneCount];
        for (var k = 0; k < x.NonZeroCount; k++)
        {
            if (x.Values[k] != 0)
            {
                cells[x.ColumnIndices[k]]++;
            }
        }

        var keep = new bool[matrix.GeneCount];
        for (var g = 0; g < keep.Length; g++)
        {
            keep[g] = cells[g] >= minCells;
        }

        return matrix.SubsetGenes(keep);
    }

    /// <summary>
    /// Keeps the cells strictly inside the thresholds (Seurat tutorial
    /// <c>subset(nFeature_RNA &gt; 200 &amp; nFeature_RNA &lt; 2500 &amp; percent.mt &lt; 5)</c>); needs <see cref="Compute"/> first.
    /// </summary>
    /// <param name="matrix">A matrix with QC columns.</param>
    /// <param name="thresholds">The bounds, e.g. <see cref="CellQcThresholds.SeuratTutorial"/>.</param>
    /// <returns>A new matrix (PBMC3k: 2,700 → 2,638 cells).</returns>
    /// <exception cref="InvalidOperationException">QC metrics are missing ("run QualityControl.Compute first").</exception>
    public static CellMatrix FilterCells(CellMatrix matrix, CellQcThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(thresholds);
        var genes = matrix.Cells.Columns.RequireNumeric(GenesPerCell, ComputeCall);
        var counts = matrix.Cells.Columns.RequireNumeric(CountsPerCell, ComputeCall);
        var mito = matrix.Cells.Columns.RequireNumeric(PercentMito, ComputeCall);
        var keep = new bool[matrix.CellCount];
        for (var c = 0; c < keep.Length; c++)
        {
            keep[c] = genes[c] > thresholds.MinGenesExclusive && genes[c] < thresholds.MaxGenesExclusive
                && counts[c] > thresholds.MinCountsExclusive && counts[c] < thresholds.MaxCountsExclusive
                && mito[c] < thresholds.MaxPercentMitoExclusive;
        }

        return matrix.SubsetCells(keep);
    }

    private static int CountNonZero(ReadOnlySpan<float> values)
    {
        var n = 0;
        foreach (var v in values)
        {
            n += v != 0 ? 1 : 0;
        }

        return n;
    }
}
