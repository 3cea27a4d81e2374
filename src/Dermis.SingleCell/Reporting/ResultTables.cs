using System.Globalization;
using Dermis.SingleCell.Composition;
using Dermis.SingleCell.Pipeline;
using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Reporting;

/// <summary>The CSV outputs of a pipeline run (docs/singlecell.md, "dermis sc run"): cells, markers, composition.</summary>
public static class ResultTables
{
    /// <summary>Header of <see cref="WriteComposition"/>.</summary>
    public const string CompositionHeader = "sample,participant,cell_type,cells,fraction";

    /// <summary>
    /// One row per cell that passed QC: <c>barcode,sample,n_genes,n_counts,percent_mt,cluster,cell_type,confidence,umap_1,umap_2</c>
    /// (UMAP columns empty when it was not run).
    /// </summary>
    /// <param name="result">The run.</param>
    /// <param name="samples">Sample of each cell of <see cref="PipelineResult.Matrix"/>.</param>
    /// <param name="writer">Destination.</param>
    public static void WriteCells(PipelineResult result, IReadOnlyList<string> samples, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(writer);
        var m = result.Matrix;
        var genes = m.Cells.Columns.RequireNumeric(QualityControl.GenesPerCell, "QualityControl.Compute");
        var counts = m.Cells.Columns.RequireNumeric(QualityControl.CountsPerCell, "QualityControl.Compute");
        var mito = m.Cells.Columns.RequireNumeric(QualityControl.PercentMito, "QualityControl.Compute");
        writer.WriteLine("barcode,sample,n_genes,n_counts,percent_mt,cluster,cell_type,confidence,umap_1,umap_2");
        for (var i = 0; i < m.CellCount; i++)
        {
            var umap = result.Umap is { } u
                ? string.Create(CultureInfo.InvariantCulture, $"{u[2 * i]:R},{u[(2 * i) + 1]:R}")
                : ",";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Csv(m.Cells.Barcodes[i])},{Csv(samples[i])},{genes[i]},{counts[i]},{mito[i]:R},{result.Clusters.Labels[i]},{Csv(result.Annotation.CellTypes[i])},{result.Annotation.Confidence[i]:0.####},{umap}"));
        }
    }

    /// <summary>
    /// The marker table with Seurat's <c>FindAllMarkers</c> columns <c>p_val,avg_log2FC,pct.1,pct.2,p_val_adj,cluster,gene</c>
    /// plus <c>cell_type</c>, the most common type among the cluster's cells.
    /// </summary>
    /// <param name="result">The run.</param>
    /// <param name="writer">Destination.</param>
    public static void WriteMarkers(PipelineResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var types = ClusterCellTypes(result);
        writer.WriteLine("p_val,avg_log2FC,pct.1,pct.2,p_val_adj,cluster,gene,cell_type");
        foreach (var row in result.Markers)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.PValue:R},{row.AverageLog2FoldChange:R},{row.Pct1},{row.Pct2},{row.PValueAdjusted:R},{row.Group},{Csv(row.Gene)},{Csv(types.GetValueOrDefault(row.Group, ""))}"));
        }
    }

    /// <summary>Composition rows with the header <see cref="CompositionHeader"/>.</summary>
    /// <param name="rows">From <see cref="CellComposition.Count"/>.</param>
    /// <param name="participantOfSample">Participant of each sample; samples not in it get an empty participant.</param>
    /// <param name="writer">Destination.</param>
    public static void WriteComposition(IReadOnlyList<CompositionRow> rows, IReadOnlyDictionary<string, string> participantOfSample, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(participantOfSample);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(CompositionHeader);
        foreach (var row in rows)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Csv(row.Sample)},{Csv(participantOfSample.GetValueOrDefault(row.Sample, ""))},{Csv(row.CellType)},{row.Cells},{row.Fraction:0.######}"));
        }
    }

    /// <summary>Differential abundance rows: <c>cell_type,mean_fraction_cases,mean_fraction_controls,log2_fold_change,clr_difference,t,df,p_val,p_val_adj</c>.</summary>
    /// <param name="rows">From <see cref="DifferentialAbundance.Test"/>.</param>
    /// <param name="writer">Destination.</param>
    public static void WriteAbundance(IReadOnlyList<AbundanceRow> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("cell_type,mean_fraction_cases,mean_fraction_controls,log2_fold_change,clr_difference,t,df,p_val,p_val_adj");
        foreach (var r in rows)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Csv(r.CellType)},{r.MeanFractionCases:R},{r.MeanFractionControls:R},{r.Log2FoldChange:R},{r.ClrDifference:R},{r.T:R},{r.DegreesOfFreedom:R},{r.PValue:R},{r.PValueAdjusted:R}"));
        }
    }

    /// <summary>Pseudobulk DE rows: <c>cell_type,gene,mean_logcpm_cases,mean_logcpm_controls,log2_fold_change,t,df,p_val,p_val_adj</c>.</summary>
    /// <param name="cellType">The cell type tested.</param>
    /// <param name="rows">From <see cref="PseudobulkExpression.Test"/>.</param>
    /// <param name="writer">Destination.</param>
    public static void WritePseudobulkGenes(string cellType, IReadOnlyList<PseudobulkGene> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var r in rows)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Csv(cellType)},{Csv(r.Gene)},{r.MeanLogCpmCases:R},{r.MeanLogCpmControls:R},{r.Log2FoldChange:R},{r.T:R},{r.DegreesOfFreedom:R},{r.PValue:R},{r.PValueAdjusted:R}"));
        }
    }

    /// <summary>The most common cell type of each cluster (ties: ordinal first).</summary>
    /// <param name="result">The run.</param>
    /// <returns>Cluster label → cell type.</returns>
    public static Dictionary<string, string> ClusterCellTypes(PipelineResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var counts = new Dictionary<(int Cluster, string Type), int>();
        for (var i = 0; i < result.Matrix.CellCount; i++)
        {
            var key = (result.Clusters.Labels[i], result.Annotation.CellTypes[i]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts
            .GroupBy(kv => kv.Key.Cluster)
            .ToDictionary(
                g => g.Key.ToString(CultureInfo.InvariantCulture),
                g => g.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Type, StringComparer.Ordinal).First().Key.Type,
                StringComparer.Ordinal);
    }

    /// <summary>A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).</summary>
    /// <param name="value">The text.</param>
    public static string Csv(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
