namespace Dermis.SingleCell.Markers;

/// <summary>One row of a marker table (Seurat <c>FindAllMarkers</c> columns).</summary>
/// <param name="Group">The group (cluster) this gene marks.</param>
/// <param name="Gene">Unique gene name.</param>
/// <param name="GeneIndex">Gene index in the matrix.</param>
/// <param name="PValue">Two-sided Wilcoxon rank-sum p-value, normal approximation with tie and continuity corrections (<c>p_val</c>).</param>
/// <param name="AverageLog2FoldChange">log2(mean expm1 in group + 1) − log2(mean expm1 in the rest + 1) (<c>avg_log2FC</c>, Seurat v4).</param>
/// <param name="Pct1">Fraction of group cells expressing the gene, rounded to 3 decimals (<c>pct.1</c>).</param>
/// <param name="Pct2">Fraction of the other cells expressing it, rounded to 3 decimals (<c>pct.2</c>).</param>
/// <param name="PValueAdjusted">Bonferroni over all genes of the matrix, min(1, p · genes) (<c>p_val_adj</c>).</param>
/// <param name="PValueBenjaminiHochberg">Benjamini–Hochberg over the genes tested for this group, with n = all genes (conservative like <c>p_val_adj</c>).</param>
public sealed record MarkerGene(
    string Group,
    string Gene,
    int GeneIndex,
    double PValue,
    double AverageLog2FoldChange,
    double Pct1,
    double Pct2,
    double PValueAdjusted,
    double PValueBenjaminiHochberg);
