using System.Globalization;
using System.Net;
using System.Text;
using Dermis.SingleCell.Pipeline;

namespace Dermis.SingleCell.Reporting;

/// <summary>
/// A self-contained HTML report of a run: inline SVG only (no script, no external assets), so it opens offline and
/// can be archived with the results. Sections: run summary, QC violins (n_genes, n_counts, percent_mt, with the
/// thresholds), UMAP coloured by cluster and by cell type, and a dot plot of each cluster's top markers.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>At most this many cells are drawn in a UMAP panel (every k-th cell above it), to keep the file small.</summary>
    public const int MaxPlottedCells = 20_000;

    // A categorical palette (Glasbey-like, colour-blind safe first eight from Okabe & Ito 2008).
    private static readonly string[] s_palette =
    [
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
        "#8C564B", "#17BECF", "#BCBD22", "#7F7F7F", "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728",
        "#9467BD", "#E377C2", "#AEC7E8", "#FFBB78", "#98DF8A", "#FF9896", "#C5B0D5", "#C49C94",
    ];

    /// <summary>Writes the report.</summary>
    /// <param name="result">The run.</param>
    /// <param name="title">Heading, e.g. the input folder's name.</param>
    /// <param name="writer">Destination.</param>
    public static void Write(PipelineResult result, string title, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(writer);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(title)).Append(" – single-cell report</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}h1,h2{font-weight:600}table{border-collapse:collapse;display:inline-table;vertical-align:top;margin:0 3em 1em 0}")
            .Append("td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}")
            .Append("svg{font-size:11px;margin:0.5em 1em 0.5em 0}figure{display:inline-block;margin:0}")
            .Append("</style></head><body>\n");
        html.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        Summary(html, result);
        html.Append("<h2>Quality control</h2>\n<p>Cells after the prefilter; dashed lines are the QC thresholds, grey the median.</p>\n");
        var t = result.Options.Qc;
        Violin(html, "n_genes", result.Qc.GenesPerCell, t.MinGenesExclusive, t.MaxGenesExclusive);
        Violin(html, "n_counts", result.Qc.CountsPerCell, t.MinCountsExclusive, t.MaxCountsExclusive);
        Violin(html, "percent_mt", result.Qc.PercentMito, double.NegativeInfinity, t.MaxPercentMitoExclusive);
        html.Append("\n<h2>UMAP</h2>\n");
        if (result.Umap is { } umap)
        {
            var clusters = new string[result.Matrix.CellCount];
            for (var i = 0; i < clusters.Length; i++)
            {
                clusters[i] = result.Clusters.Labels[i].ToString(CultureInfo.InvariantCulture);
            }

            Scatter(html, "Clusters", umap, clusters, NumericOrder);
            Scatter(html, "Cell types", umap, [.. result.Annotation.CellTypes], StringComparer.Ordinal);
        }
        else
        {
            html.Append("<p>UMAP was not run.</p>\n");
        }

        html.Append("\n<h2>Top markers</h2>\n<p>Three markers per cluster (highest avg_log2FC with adjusted p &lt; 0.05); dot size = share of the cluster's cells expressing the gene, colour = mean log-normalised expression scaled across clusters.</p>\n");
        DotPlot(html, result);
        html.Append("</body></html>\n");
        writer.Write(html.ToString());
    }

    private static void Summary(StringBuilder html, PipelineResult result)
    {
        var types = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in result.Annotation.CellTypes)
        {
            types[type] = types.GetValueOrDefault(type) + 1;
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(SingleCellInfo.PipelineVersion)}: {result.CellsRead:N0} cells × {result.GenesRead:N0} genes read; ")
            .Append(CultureInfo.InvariantCulture, $"{result.CellsAfterQc:N0} cells × {result.GenesAfterPrefilter:N0} genes after QC; {result.Clusters.ClusterCount} clusters ")
            .Append(CultureInfo.InvariantCulture, $"({result.Options.Clustering}, resolution {result.Options.Resolution}); cell types by {Encode(result.Annotation.Method)}.</p>\n");
        html.Append("<table><tr><th>cell type</th><th>cells</th><th>share</th></tr>\n");
        foreach (var (type, count) in types)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(type)}</td><td>{count:N0}</td><td>{(double)count / result.CellsAfterQc:P1}</td></tr>\n");
        }

        html.Append("</table>\n<table><tr><th>step</th><th>seconds</th><th>peak MB</th></tr>\n");
        foreach (var step in result.Steps)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{step.Name}</td><td>{step.Seconds:F2}</td><td>{step.PeakWorkingSetMegabytes:F0}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static readonly Comparer<string> NumericOrder = Comparer<string>.Create((a, b) =>
        int.TryParse(a, CultureInfo.InvariantCulture, out var x) && int.TryParse(b, CultureInfo.InvariantCulture, out var y) ? x.CompareTo(y) : string.CompareOrdinal(a, b));
}
