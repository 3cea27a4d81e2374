namespace Dermis.SingleCell.Preprocessing;

/// <summary>Strict per-cell QC bounds for <see cref="QualityControl.FilterCells(CellMatrix, CellQcThresholds)"/>: a cell is kept when every metric lies strictly inside.</summary>
/// <param name="MinGenesExclusive">Genes per cell must exceed this (tutorial 200).</param>
/// <param name="MaxGenesExclusive">Genes per cell must be below this (tutorial 2,500; doublets have many genes).</param>
/// <param name="MaxPercentMitoExclusive">Mitochondrial percentage (0–100) must be below this (tutorial 5; dying cells are high).</param>
/// <param name="MinCountsExclusive">Total counts must exceed this (default −∞, no bound).</param>
/// <param name="MaxCountsExclusive">Total counts must be below this (default +∞, no bound).</param>
public sealed record CellQcThresholds(
    double MinGenesExclusive,
    double MaxGenesExclusive,
    double MaxPercentMitoExclusive,
    double MinCountsExclusive = double.NegativeInfinity,
    double MaxCountsExclusive = double.PositiveInfinity)
{
    /// <summary>The Seurat PBMC3k tutorial bounds: 200 &lt; genes &lt; 2,500 and percent.mt &lt; 5.</summary>
    public static CellQcThresholds SeuratTutorial { get; } = new(200, 2500, 5);
}
