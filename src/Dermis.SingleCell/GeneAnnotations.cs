namespace Dermis.SingleCell;

/// <summary>
/// Per-gene annotations (AnnData <c>var</c>): feature id (Ensembl), symbol as read, unique name, and named
/// columns (QC counts, variable-gene statistics).
/// </summary>
/// <remarks>
/// <see cref="Names"/> are the symbols made unique as R's <c>make.unique</c> does (the second "X" becomes
/// "X.1", the third "X.2", skipping names already taken), which is how Seurat's <c>Read10X</c> names
/// features; Scanpy's <c>var_names_make_unique</c> uses "-1" instead.
/// </remarks>
public sealed class GeneAnnotations
{
    /// <summary>Creates the annotations; <see cref="Names"/> are derived from <paramref name="symbols"/>.</summary>
    /// <param name="ids">Feature ids (column 1 of <c>genes.tsv</c>/<c>features.tsv</c>).</param>
    /// <param name="symbols">Gene symbols (column 2), same length as <paramref name="ids"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public GeneAnnotations(string[] ids, string[] symbols)
        : this(ids, symbols, UniqueNames.MakeUnique(symbols), new AnnotationColumns(ids?.Length ?? 0, "gene"))
    {
    }

    private GeneAnnotations(string[] ids, string[] symbols, string[] names, AnnotationColumns columns)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(symbols);
        if (ids.Length != symbols.Length)
        {
            throw new ArgumentException($"{ids.Length} ids but {symbols.Length} symbols; expected one symbol per id.", nameof(symbols));
        }

        Ids = ids;
        Symbols = symbols;
        Names = names;
        Columns = columns;
    }

    /// <summary>Number of genes.</summary>
    public int Count => Ids.Length;

    /// <summary>Feature ids as read (Ensembl ids for 10x files).</summary>
    public string[] Ids { get; }

    /// <summary>Gene symbols as read (not unique).</summary>
    public string[] Symbols { get; }

    /// <summary>Unique gene names (<c>make.unique</c> of the symbols), the names every step reports.</summary>
    public string[] Names { get; }

    /// <summary>Named per-gene columns.</summary>
    public AnnotationColumns Columns { get; }

    /// <summary>Index of the gene named <paramref name="name"/> (ordinal match on <see cref="Names"/>), or -1.</summary>
    /// <param name="name">A unique gene name such as "CD3E".</param>
    /// <returns>The index, or -1 when absent.</returns>
    public int IndexOf(string name) => Array.IndexOf(Names, name);

    /// <summary>The genes in <paramref name="genes"/>, in that order, with all columns.</summary>
    /// <param name="genes">Gene indices.</param>
    /// <returns>New annotations (unique names are kept, not recomputed).</returns>
    public GeneAnnotations Subset(ReadOnlySpan<int> genes) =>
        new(AnnotationColumns.Pick(Ids, genes), AnnotationColumns.Pick(Symbols, genes), AnnotationColumns.Pick(Names, genes), Columns.Subset(genes));
}
