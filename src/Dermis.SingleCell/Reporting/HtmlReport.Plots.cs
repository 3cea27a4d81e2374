using System.Globalization;
using System.Text;
using Dermis.SingleCell.Pipeline;

namespace Dermis.SingleCell.Reporting;

public static partial class HtmlReport
{
    private static void Violin(StringBuilder html, string name, double[] values, double low, double high)
    {
        const int Width = 220, Height = 260, Top = 20, Bottom = 30, Left = 50;
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        html.Append(CultureInfo.InvariantCulture, $"<svg width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{name} violin\"><text x=\"{Width / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">{name}</text>");
        if (sorted.Length < 2)
        {
            html.Append("</svg>");
            return;
        }

        var min = sorted[0];
        var max = sorted[^1];
        if (double.IsFinite(low))
        {
            min = Math.Min(min, low);
        }

        if (double.IsFinite(high))
        {
            max = Math.Max(max, high);
        }

        var span = max > min ? max - min : 1;
        double Y(double v) => Top + ((Height - Top - Bottom) * (1 - ((v - min) / span)));

        // Gaussian kernel density with Silverman's bandwidth (Silverman 1986, eq. 3.31) on 80 points.
        var n = sorted.Length;
        var (mean, sd) = (sorted.Average(), 0.0);
        foreach (var v in sorted)
        {
            sd += (v - mean) * (v - mean);
        }

        sd = Math.Sqrt(sd / (n - 1));
        var iqr = sorted[(int)(0.75 * (n - 1))] - sorted[(int)(0.25 * (n - 1))];
        var bandwidth = 0.9 * Math.Max(1e-9, Math.Min(sd, iqr > 0 ? iqr / 1.34 : sd)) * Math.Pow(n, -0.2);
        const int Points = 80;
        var density = new double[Points];
        var grid = new double[Points];
        var step = Math.Max(1, n / 5000);
        for (var p = 0; p < Points; p++)
        {
            grid[p] = sorted[0] + ((sorted[^1] - sorted[0]) * p / (Points - 1));
            var sum = 0.0;
            for (var i = 0; i < n; i += step)
            {
                var u = (grid[p] - sorted[i]) / bandwidth;
                sum += Math.Exp(-0.5 * u * u);
            }

            density[p] = sum;
        }

        var peak = density.Max();
        var centre = Left + ((Width - Left) / 2.0);
        var half = (Width - Left - 20) / 2.0;
        var path = new StringBuilder();
        for (var p = 0; p < Points; p++)
        {
            path.Append(p == 0 ? 'M' : 'L').Append(F(centre + (half * density[p] / peak))).Append(',').Append(F(Y(grid[p]))).Append(' ');
        }

        for (var p = Points - 1; p >= 0; p--)
        {
            path.Append('L').Append(F(centre - (half * density[p] / peak))).Append(',').Append(F(Y(grid[p]))).Append(' ');
        }

        html.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}Z\" fill=\"#9ecae1\" stroke=\"#3182bd\"/>");
        var median = sorted[n / 2];
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(centre - half)}\" x2=\"{F(centre + half)}\" y1=\"{F(Y(median))}\" y2=\"{F(Y(median))}\" stroke=\"#777\"/>");
        foreach (var threshold in new[] { low, high })
        {
            if (double.IsFinite(threshold))
            {
                html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width}\" y1=\"{F(Y(threshold))}\" y2=\"{F(Y(threshold))}\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>");
            }
        }

        // Axis: five ticks.
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#444\"/>");
        for (var k = 0; k <= 4; k++)
        {
            var v = min + (span * k / 4);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\">{v:0.#}</text>");
        }

        html.Append("</svg>");
    }

    private static void Scatter(StringBuilder html, string title, float[] xy, string[] groups, IComparer<string> order)
    {
        const int Plot = 420, Legend = 170, Margin = 10;
        var names = groups.Distinct(StringComparer.Ordinal).Order(order).ToArray();
        var colourOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < names.Length; k++)
        {
            colourOf[names[k]] = s_palette[k % s_palette.Length];
        }

        float minX = float.MaxValue, maxX = float.MinValue, minY = float.MaxValue, maxY = float.MinValue;
        for (var i = 0; i < groups.Length; i++)
        {
            minX = Math.Min(minX, xy[2 * i]);
            maxX = Math.Max(maxX, xy[2 * i]);
            minY = Math.Min(minY, xy[(2 * i) + 1]);
            maxY = Math.Max(maxY, xy[(2 * i) + 1]);
        }

        var sx = (Plot - (2 * Margin)) / Math.Max(1e-6, maxX - minX);
        var sy = (Plot - (2 * Margin)) / Math.Max(1e-6, maxY - minY);
        var height = Math.Max(Plot + 20, (names.Length * 16) + 40);
        html.Append(CultureInfo.InvariantCulture, $"<figure><svg width=\"{Plot + Legend}\" height=\"{height}\" role=\"img\" aria-label=\"UMAP by {Encode(title)}\">")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Plot / 2}\" y=\"12\" text-anchor=\"middle\" font-weight=\"600\">UMAP: {Encode(title)}</text><g transform=\"translate(0,20)\">")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Plot}\" height=\"{Plot}\" fill=\"none\" stroke=\"#ccc\"/>");
        var stride = Math.Max(1, (groups.Length + MaxPlottedCells - 1) / MaxPlottedCells);
        var radius = groups.Length / stride > 5000 ? 1.2 : 2.0;

        // One <g> per group so that the colour is written once per group, not per cell.
        for (var k = 0; k < names.Length; k++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<g fill=\"{colourOf[names[k]]}\" fill-opacity=\"0.8\">");
            for (var i = 0; i < groups.Length; i += stride)
            {
                if (string.Equals(groups[i], names[k], StringComparison.Ordinal))
                {
                    var x = Margin + ((xy[2 * i] - minX) * sx);
                    var y = Plot - Margin - ((xy[(2 * i) + 1] - minY) * sy);
                    html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{radius}\"/>");
                }
            }

            html.Append("</g>");
        }

        for (var k = 0; k < names.Length; k++)
        {
            var y = 10 + (k * 16);
            html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Plot + 14}\" cy=\"{y}\" r=\"5\" fill=\"{colourOf[names[k]]}\"/><text x=\"{Plot + 24}\" y=\"{y + 4}\">{Encode(names[k])}</text>");
        }

        html.Append("</g></svg></figure>\n");
    }

    private static void DotPlot(StringBuilder html, PipelineResult result)
    {
        var clusterCount = result.Clusters.ClusterCount;
        var genes = new List<int>();
        var seen = new HashSet<int>();
        for (var c = 0; c < clusterCount; c++)
        {
            var label = c.ToString(CultureInfo.InvariantCulture);
            foreach (var row in result.Markers
                .Where(r => string.Equals(r.Group, label, StringComparison.Ordinal) && r.PValueAdjusted < 0.05)
                .OrderByDescending(r => r.AverageLog2FoldChange).ThenBy(r => r.GeneIndex).Take(3))
            {
                if (seen.Add(row.GeneIndex))
                {
                    genes.Add(row.GeneIndex);
                }
            }
        }

        if (genes.Count == 0)
        {
            html.Append("<p>No markers with adjusted p &lt; 0.05.</p>\n");
            return;
        }

        // Mean log-normalised expression and share expressing, per cluster and selected gene.
        var column = new Dictionary<int, int>();
        for (var j = 0; j < genes.Count; j++)
        {
            column[genes[j]] = j;
        }

        var sum = new double[clusterCount * genes.Count];
        var expressed = new int[clusterCount * genes.Count];
        var x = result.Matrix.X;
        for (var i = 0; i < x.Rows; i++)
        {
            var c = result.Clusters.Labels[i];
            var indices = x.RowIndices(i);
            var values = x.RowValues(i);
            for (var k = 0; k < indices.Length; k++)
            {
                if (column.TryGetValue(indices[k], out var j) && values[k] > 0)
                {
                    sum[(c * genes.Count) + j] += values[k];
                    expressed[(c * genes.Count) + j]++;
                }
            }
        }

        var scaled = new double[sum.Length];
        for (var j = 0; j < genes.Count; j++)
        {
            double mean = 0, ss = 0;
            for (var c = 0; c < clusterCount; c++)
            {
                sum[(c * genes.Count) + j] /= result.Clusters.Sizes[c];
                mean += sum[(c * genes.Count) + j];
            }

            mean /= clusterCount;
            for (var c = 0; c < clusterCount; c++)
            {
                ss += Math.Pow(sum[(c * genes.Count) + j] - mean, 2);
            }

            var sd = clusterCount > 1 ? Math.Sqrt(ss / (clusterCount - 1)) : 1;
            for (var c = 0; c < clusterCount; c++)
            {
                // Seurat's DotPlot scales each gene across groups and clips at ±2.5.
                scaled[(c * genes.Count) + j] = sd > 0 ? Math.Clamp((sum[(c * genes.Count) + j] - mean) / sd, -2.5, 2.5) : 0;
            }
        }

        var types = ResultTables.ClusterCellTypes(result);
        const int Cell = 22, Left = 170, Top = 100;
        var width = Left + (genes.Count * Cell) + 150;
        var height = Top + (clusterCount * Cell) + 20;
        html.Append(CultureInfo.InvariantCulture, $"<svg width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"marker dot plot\">");
        for (var j = 0; j < genes.Count; j++)
        {
            var gx = Left + (j * Cell) + (Cell / 2);
            html.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate({gx + 4},{Top - 6}) rotate(-60)\">{Encode(result.Matrix.Genes.Names[genes[j]])}</text>");
        }

        for (var c = 0; c < clusterCount; c++)
        {
            var cy = Top + (c * Cell) + (Cell / 2);
            var label = c.ToString(CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{cy + 4}\" text-anchor=\"end\">{label} {Encode(types.GetValueOrDefault(label, ""))}</text>");
            for (var j = 0; j < genes.Count; j++)
            {
                var pct = (double)expressed[(c * genes.Count) + j] / result.Clusters.Sizes[c];
                if (pct <= 0)
                {
                    continue;
                }

                var r = Math.Sqrt(pct) * (Cell / 2.0 - 1);
                html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Left + (j * Cell) + (Cell / 2)}\" cy=\"{cy}\" r=\"{F(r)}\" fill=\"{Blue(scaled[(c * genes.Count) + j])}\"><title>{pct:P0}</title></circle>");
            }
        }

        // Legends: colour ramp and sizes.
        var lx = Left + (genes.Count * Cell) + 20;
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx}\" y=\"{Top}\">scaled expression</text>");
        for (var k = 0; k <= 4; k++)
        {
            var v = -2.5 + (k * 1.25);
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx}\" y=\"{Top + 6 + (k * 14)}\" width=\"12\" height=\"12\" fill=\"{Blue(v)}\"/><text x=\"{lx + 18}\" y=\"{Top + 16 + (k * 14)}\">{v:0.##}</text>");
        }

        var sy = Top + 90;
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx}\" y=\"{sy}\">% expressing</text>");
        foreach (var (pct, k) in new[] { (0.25, 0), (0.5, 1), (1.0, 2) })
        {
            var r = Math.Sqrt(pct) * (Cell / 2.0 - 1);
            html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{lx + 10}\" cy=\"{sy + 16 + (k * 22)}\" r=\"{F(r)}\" fill=\"#555\"/><text x=\"{lx + 26}\" y=\"{sy + 20 + (k * 22)}\">{pct:P0}</text>");
        }

        html.Append("</svg>\n");
    }

    /// <summary>Light grey (−2.5) to dark blue (+2.5), Seurat DotPlot's default ramp.</summary>
    private static string Blue(double scaled)
    {
        var t = (scaled + 2.5) / 5;
        var r = (int)Math.Round(211 + ((0 - 211) * t));
        var g = (int)Math.Round(211 + ((0 - 211) * t));
        var b = (int)Math.Round(211 + ((255 - 211) * t));
        return string.Create(CultureInfo.InvariantCulture, $"#{r:X2}{g:X2}{b:X2}");
    }
}
