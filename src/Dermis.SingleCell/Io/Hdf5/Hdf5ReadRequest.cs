using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>One HDF5 read, as the parent asks a <see cref="Hdf5Worker"/> to try it: which reader, which file, which options.</summary>
internal sealed record Hdf5ReadRequest
{
    /// <summary>"10x-h5" (<see cref="TenXH5Reader"/>) or "h5ad" (<see cref="H5adReader"/>).</summary>
    public required string Format { get; init; }

    public required string Path { get; init; }

    public bool GeneExpressionOnly { get; init; } = true;

    public string? Genome { get; init; }

    public string Matrix { get; init; } = "X";

    public bool ReadLayers { get; init; } = true;

    internal const string TenX = "10x-h5";
    internal const string H5ad = "h5ad";

    /// <summary>Runs the read this request describes, in this process.</summary>
    public CellMatrix Read() => Format switch
    {
        TenX => TenXH5Reader.Read(Path, GeneExpressionOnly, Genome),
        H5ad => H5adReader.Read(Path, new H5adReadOptions { Matrix = Matrix, ReadLayers = ReadLayers }),
        _ => throw new ArgumentException($"format = '{Format}'; allowed {TenX}, {H5ad}.", nameof(Format)),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Hdf5WorkerJson.Default.Hdf5ReadRequest);

    public static Hdf5ReadRequest? FromJson(string line) => JsonSerializer.Deserialize(line, Hdf5WorkerJson.Default.Hdf5ReadRequest);
}

/// <summary>
/// A worker's answer: the read succeeded (with the matrix size) or threw (the exception's type name and message, and for an
/// <see cref="Hdf5Exception"/> its object path).
/// </summary>
internal sealed record Hdf5ReadReply(string Outcome, string? Message = null, int Cells = 0, int Genes = 0, string? Exception = null, string? ObjectPath = null)
{
    internal const string Read = "read";
    internal const string Threw = "threw";

    public string ToJson() => JsonSerializer.Serialize(this, Hdf5WorkerJson.Default.Hdf5ReadReply);

    public static Hdf5ReadReply? FromJson(string line) => JsonSerializer.Deserialize(line, Hdf5WorkerJson.Default.Hdf5ReadReply);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Hdf5ReadRequest))]
[JsonSerializable(typeof(Hdf5ReadReply))]
internal sealed partial class Hdf5WorkerJson : JsonSerializerContext;
