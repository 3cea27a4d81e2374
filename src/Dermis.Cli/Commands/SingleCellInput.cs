using Dermis.SingleCell;
using Dermis.SingleCell.Annotation;
using Dermis.SingleCell.Io;
using Dermis.SingleCell.Io.Hdf5;

namespace Dermis.Cli.Commands;

/// <summary>
/// What <c>dermis sc run</c> reads: a 10x MEX folder (or a folder holding exactly one), a 10x <c>.h5</c> or an AnnData
/// <c>.h5ad</c>, and the annotated reference as a MEX folder with labels.csv or an <c>.h5ad</c> with a label column.
/// Every bad input becomes a <see cref="CommandLineInputException"/> (exit code 2) naming the file.
/// </summary>
internal static class SingleCellInput
{
    /// <summary>The <c>--layer</c> values and the h5ad matrix each selects.</summary>
    public static readonly string[] Layers = ["X", "raw", "counts"];

    /// <summary>The MEX folder, or the .h5/.h5ad file, that <paramref name="input"/> names.</summary>
    public static string Resolve(string input, string argument)
    {
        var full = Path.GetFullPath(input);
        if (File.Exists(full))
        {
            return IsH5(full) || IsH5ad(full)
                ? full
                : throw new CommandLineInputException($"{argument}: {full} is a file but not .h5 (10x HDF5) or .h5ad (AnnData); for MEX give its folder.");
        }

        if (!Directory.Exists(full))
        {
            throw new CommandLineInputException($"{argument}: {full} does not exist");
        }

        static bool IsMex(string dir) => File.Exists(Path.Combine(dir, "matrix.mtx")) || File.Exists(Path.Combine(dir, "matrix.mtx.gz"));
        if (IsMex(full))
        {
            return full;
        }

        var found = Directory.EnumerateDirectories(full, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3 })
            .Where(IsMex).Order(StringComparer.Ordinal).ToArray();
        return found.Length switch
        {
            1 => found[0],
            0 => throw new CommandLineInputException($"{argument}: {full} holds no matrix.mtx or matrix.mtx.gz (10x MEX folder), nor does any folder below it; or give a .h5 or .h5ad file."),
            _ => throw new CommandLineInputException($"{argument}: {full} holds {found.Length} 10x folders ({string.Join(", ", found.Take(4))}); name one."),
        };
    }

    /// <summary>
    /// Reads the counts of a resolved input; <paramref name="layer"/> (X, raw, counts) picks the h5ad matrix. HDF5 files go
    /// through an <see cref="Hdf5Sandbox"/>: a corrupt one that crashes the HDF5 library is exit code 2, not a dead process.
    /// </summary>
    public static CellMatrix ReadCounts(string resolved, string layer) => Input(() =>
        IsH5(resolved) ? Sandboxed(sandbox => sandbox.ReadTenXH5(resolved))
        : IsH5ad(resolved) ? Sandboxed(sandbox => sandbox.ReadH5ad(resolved, new H5adReadOptions { Matrix = MatrixOf(layer), ReadLayers = false }))
        : TenXReader.ReadMex(resolved), resolved);

    /// <summary>
    /// Loads the reference: a MEX folder with labels.csv (<see cref="CellTypeReference.Load"/>), or an .h5ad whose obs
    /// column <paramref name="label"/> holds the cell types (cells with an empty label are left out).
    /// </summary>
    public static CellTypeReference LoadReference(string reference, string? label, string layer)
    {
        var full = Path.GetFullPath(reference);
        if (!IsH5ad(full))
        {
            return Input(() => CellTypeReference.Load(full), full);
        }

        if (string.IsNullOrEmpty(label))
        {
            throw new CommandLineInputException($"--reference-label: required with an .h5ad reference ({full}); name the obs column holding the cell types.");
        }

        var counts = Input(() => Sandboxed(sandbox => sandbox.ReadH5ad(full, new H5adReadOptions { Matrix = MatrixOf(layer), ReadLayers = false })), full);
        var labels = counts.Cells.Columns.FindText(label)
            ?? throw new CommandLineInputException($"--reference-label: {Path.GetFileName(full)}: /obs has no text or categorical column '{label}'; its text columns are {string.Join(", ", counts.Cells.Columns.TextNames)}.");
        var labelled = Enumerable.Range(0, labels.Length).Where(i => labels[i].Length > 0).ToArray();
        if (labelled.Length == 0)
        {
            throw new CommandLineInputException($"--reference-label: {Path.GetFileName(full)}: /obs/{label} labels no cell.");
        }

        return new CellTypeReference(counts.SubsetCells(labelled), labelled.Select(i => labels[i]).ToArray(), new ClassifierOptions());
    }

    /// <summary>Runs a reader, turning malformed-file errors into exit code 2 with the file named.</summary>
    public static T Input<T>(Func<T> read, string what)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new CommandLineInputException(e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new CommandLineInputException($"{what}: a gzip file is corrupt or truncated: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineInputException($"{what}: {e.Message}");
        }
    }

    private static CellMatrix Sandboxed(Func<Hdf5Sandbox, CellMatrix> read)
    {
        using var sandbox = new Hdf5Sandbox();
        return read(sandbox);
    }

    private static string MatrixOf(string layer) => layer switch
    {
        "raw" => "raw/X",
        "counts" => "layers/counts",
        _ => "X",
    };

    private static bool IsH5(string path) => path.EndsWith(".h5", StringComparison.OrdinalIgnoreCase);

    private static bool IsH5ad(string path) => path.EndsWith(".h5ad", StringComparison.OrdinalIgnoreCase);
}
