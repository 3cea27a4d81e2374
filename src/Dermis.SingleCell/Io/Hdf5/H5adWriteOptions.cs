namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>What <see cref="H5adWriter"/> writes besides obs, var and the embeddings.</summary>
public sealed record H5adWriteOptions
{
    /// <summary>
    /// The layer written as X (e.g. <c>"counts"</c>, so that Scanpy users start from raw counts); null writes
    /// <see cref="CellMatrix.X"/>.
    /// </summary>
    public string? XLayer { get; init; }

    /// <summary>Layers written under <c>layers/</c>; <c>"X"</c> names <see cref="CellMatrix.X"/> itself (e.g. the log-normalised values).</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary>Text entries written to <c>uns</c> as AnnData string scalars (e.g. the pipeline version).</summary>
    public IReadOnlyDictionary<string, string> Uns { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The default: X as is, no layers, empty uns.</summary>
    public static H5adWriteOptions Default { get; } = new();
}
