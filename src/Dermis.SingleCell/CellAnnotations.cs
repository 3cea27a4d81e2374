namespace Dermis.SingleCell;

/// <summary>Per-cell annotations (AnnData <c>obs</c>): the barcode of each cell and named columns (QC metrics, clusters).</summary>
public sealed class CellAnnotations
{
    /// <summary>Creates the annotations for the given barcodes, with no columns.</summary>
    /// <param name="barcodes">One barcode per cell (e.g. <c>AAACATACAACCAC-1</c>); stored, not copied.</param>
    public CellAnnotations(string[] barcodes)
        : this(barcodes, new AnnotationColumns(barcodes?.Length ?? 0, "cell"))
    {
    }

    private CellAnnotations(string[] barcodes, AnnotationColumns columns)
    {
        ArgumentNullException.ThrowIfNull(barcodes);
        Barcodes = barcodes;
        Columns = columns;
    }

    /// <summary>Number of cells.</summary>
    public int Count => Barcodes.Length;

    /// <summary>Barcode of each cell.</summary>
    public string[] Barcodes { get; }

    /// <summary>Named per-cell columns.</summary>
    public AnnotationColumns Columns { get; }

    /// <summary>The cells in <paramref name="cells"/>, in that order, with all columns.</summary>
    /// <param name="cells">Cell indices.</param>
    /// <returns>New annotations.</returns>
    public CellAnnotations Subset(ReadOnlySpan<int> cells) =>
        new(AnnotationColumns.Pick(Barcodes, cells), Columns.Subset(cells));
}
