namespace Dermis.SingleCell.Markers;

/// <summary>Filters of <see cref="Markers.FindAll(CellMatrix, IReadOnlyList{string}, MarkerOptions?)"/>, named after Seurat's <c>FindAllMarkers</c> arguments.</summary>
/// <param name="OnlyPositive">Keep only genes higher in the group (<c>only.pos</c>; tutorial TRUE).</param>
/// <param name="MinPct">Test a gene only if max(pct.1, pct.2) ≥ this, in [0, 1] (<c>min.pct</c>; tutorial 0.25, Seurat v4 default 0.1, v5 0.01).</param>
/// <param name="LogFoldChangeThreshold">Test a gene only if avg_log2FC ≥ this (|avg_log2FC| when not only positive) (<c>logfc.threshold</c>; v4 0.25, v5 0.1).</param>
/// <param name="ReturnThreshold">Report only genes with p &lt; this (<c>return.thresh</c>, 0.01).</param>
/// <param name="PseudoCount">Added to the mean of expm1 before log2 (<c>pseudocount.use</c>, 1).</param>
public sealed record MarkerOptions(
    bool OnlyPositive = true,
    double MinPct = 0.25,
    double LogFoldChangeThreshold = 0.25,
    double ReturnThreshold = 0.01,
    double PseudoCount = 1)
{
    /// <summary>The Seurat v4 PBMC3k tutorial: <c>FindAllMarkers(only.pos = TRUE, min.pct = 0.25, logfc.threshold = 0.25)</c>.</summary>
    public static MarkerOptions SeuratTutorial { get; } = new();
}
