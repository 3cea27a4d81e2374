using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Annotation;

/// <summary>A cell type and the genes that mark it.</summary>
/// <param name="CellType">Cell type name.</param>
/// <param name="Genes">Marker gene names (unique names as in <see cref="GeneAnnotations.Names"/>).</param>
public sealed record MarkerSet(string CellType, IReadOnlyList<string> Genes);

/// <summary>
/// Cluster annotation from known marker genes, for runs without a reference: each cluster gets the type whose markers
/// have the highest mean z-score in it (z of the log-normalised expression over all cells, averaged over the cluster's
/// cells, then over the type's markers), as one reads a marker table by eye in the Seurat tutorial.
/// </summary>
/// <param name="Sets">The types and their markers.</param>
public sealed record MarkerPanel(IReadOnlyList<MarkerSet> Sets)
{
    /// <summary>
    /// The PBMC markers of the Seurat tutorial's annotation table: MS4A1/CD79A B, CD14/LYZ CD14+ Mono,
    /// FCGR3A/MS4A7 FCGR3A+ Mono, GNLY/NKG7 NK, CD8A CD8 T, IL7R/CCR7 CD4 T, FCER1A/CST3 DC, PPBP Platelet.
    /// </summary>
    public static MarkerPanel Immune { get; } = new(
    [
        new("B", ["MS4A1", "CD79A"]),
        new("CD14+ Mono", ["CD14", "LYZ"]),
        new("FCGR3A+ Mono", ["FCGR3A", "MS4A7"]),
        new("NK", ["GNLY", "NKG7"]),
        new("CD8 T", ["CD8A"]),
        new("CD4 T", ["IL7R", "CCR7"]),
        new("DC", ["FCER1A", "CST3"]),
        new("Platelet", ["PPBP"]),
    ]);

    /// <summary>
    /// Labels every cell with its cluster's type. A cluster whose best mean z-score is not above 0 (none of the
    /// panel's types is enriched) is <see cref="CellTypeClassifier.Unassigned"/>. Confidence of a cell is the share
    /// of its cluster's cells whose own best-scoring type (mean z over each type's markers) is the cluster's type.
    /// </summary>
    /// <param name="matrix">A log-normalised matrix (run <c>Normalization.LogNormalize</c> first).</param>
    /// <param name="clusters">Cluster label of each cell.</param>
    /// <returns>The annotation.</returns>
    /// <exception cref="InvalidOperationException">X is not normalised.</exception>
    /// <exception cref="ArgumentException">No marker gene of the panel is in the matrix, or the label count is wrong.</exception>
    public CellTypeAnnotation Annotate(CellMatrix matrix, IReadOnlyList<string> clusters)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(clusters);
        if (clusters.Count != matrix.CellCount)
        {
            throw new ArgumentException($"{clusters.Count} cluster labels for {matrix.CellCount} cells; expected one per cell.", nameof(clusters));
        }

        if (matrix.FindLayer(Normalization.CountsLayer) is null)
        {
            throw new InvalidOperationException("marker scoring reads log-normalised data but X still holds the counts: run Normalization.LogNormalize first.");
        }

        var z = CellScores(matrix);
        var types = Sets.Count;
        var names = clusters.Distinct(StringComparer.Ordinal).ToArray();
        var clusterOf = new int[clusters.Count];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < names.Length; k++)
        {
            index[names[k]] = k;
        }

        for (var i = 0; i < clusterOf.Length; i++)
        {
            clusterOf[i] = index[clusters[i]];
        }

        var clusterScore = new double[names.Length * types];
        var size = new int[names.Length];
        for (var i = 0; i < clusterOf.Length; i++)
        {
            size[clusterOf[i]]++;
            for (var t = 0; t < types; t++)
            {
                clusterScore[(clusterOf[i] * types) + t] += z[(i * types) + t];
            }
        }

        var clusterType = new int[names.Length];
        for (var k = 0; k < names.Length; k++)
        {
            var row = clusterScore.AsSpan(k * types, types);
            for (var t = 0; t < types; t++)
            {
                row[t] /= size[k];
            }

            var best = CellTypeClassifier.ArgMax(row);
            clusterType[k] = row[best] > 0 ? best : -1;
        }

        var agree = new int[names.Length];
        for (var i = 0; i < clusterOf.Length; i++)
        {
            agree[clusterOf[i]] += CellTypeClassifier.ArgMax(z.AsSpan(i * types, types)) == clusterType[clusterOf[i]] ? 1 : 0;
        }

        var labels = new string[clusters.Count];
        var confidence = new double[clusters.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            var k = clusterOf[i];
            labels[i] = clusterType[k] >= 0 ? Sets[clusterType[k]].CellType : CellTypeClassifier.Unassigned;
            confidence[i] = clusterType[k] >= 0 ? (double)agree[k] / size[k] : 0;
        }

        return new CellTypeAnnotation(labels, confidence, "marker panel");
    }

    /// <summary>Per cell and type, the mean z-score of the type's markers found in the matrix (cells × types); −∞ for a type with none.</summary>
    private double[] CellScores(CellMatrix matrix)
    {
        var n = matrix.CellCount;
        var types = Sets.Count;
        var geneIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < matrix.GeneCount; g++)
        {
            geneIndex.TryAdd(matrix.Genes.Names[g], g);
        }

        var byGene = matrix.X.Transpose();
        var scores = new double[n * types];
        var found = 0;
        for (var t = 0; t < types; t++)
        {
            var present = Sets[t].Genes.Where(geneIndex.ContainsKey).Select(g => geneIndex[g]).ToArray();
            if (present.Length == 0)
            {
                for (var i = 0; i < n; i++)
                {
                    scores[(i * types) + t] = double.NegativeInfinity;
                }

                continue;
            }

            found++;
            foreach (var g in present)
            {
                var indices = byGene.RowIndices(g);
                var values = byGene.RowValues(g);
                double sum = 0, squares = 0;
                foreach (var v in values)
                {
                    sum += v;
                    squares += (double)v * v;
                }

                var mean = sum / n;
                var variance = n > 1 ? (squares - (n * mean * mean)) / (n - 1) : 0;
                var sd = variance > 1e-12 ? Math.Sqrt(variance) : 1;
                var zeroZ = -mean / sd / present.Length;
                for (var i = 0; i < n; i++)
                {
                    scores[(i * types) + t] += zeroZ;
                }

                for (var k = 0; k < indices.Length; k++)
                {
                    scores[(indices[k] * types) + t] += values[k] / sd / present.Length;
                }
            }
        }

        if (found == 0)
        {
            throw new ArgumentException($"none of the marker panel's genes ({string.Join(", ", Sets.SelectMany(s => s.Genes))}) is in the matrix; pass a reference or a panel with this data's gene names.", nameof(matrix));
        }

        return scores;
    }
}
