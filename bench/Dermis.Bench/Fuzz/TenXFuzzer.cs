using System.Diagnostics;
using System.IO.Compression;
using Dermis.SingleCell.Io;
using Dermis.SingleCell.Io.Hdf5;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// 10x inputs through the readers: a MEX triplet (plain or gzip, one file mutated) through
/// <see cref="TenXReader.ReadMex"/>, Cell Ranger <c>.h5</c> and AnnData <c>.h5ad</c> bytes through an
/// <see cref="Hdf5Sandbox"/> (as <c>dermis sc run</c> reads them). Every refusal must be a
/// <see cref="FormatException"/> (<see cref="Hdf5Exception"/> is one) whose message names the file; an
/// IndexOutOfRange, NullReference, OutOfMemory, InvalidData or any other type, or a hang, is a failure.
/// A file on which the HDF5 library crashed the sandbox's worker is refused like any corrupt file; the tally
/// counts them (<see cref="FuzzTally.Contained"/>).
/// </summary>
internal static class TenXFuzzer
{
    private sealed record MexSeed(string Name, (string File, byte[] Bytes)[] Files);

    /// <summary>Runs <paramref name="cases"/> cases from <paramref name="seed"/> over the 10x files in tests/data.</summary>
    /// <param name="trace">Where each case is named before it runs (a native crash ends the process before the tally can report it), or null.</param>
    /// <param name="includeH5ad">Also mutate .h5ad bytes (default). The system libhdf5 (1.10.8) dereferences corrupt global-heap
    /// addresses while converting the variable-length strings .h5ad files keep their names in (H5HG_read): such files kill the
    /// sandbox's worker, never this process (docs/fuzzing.md).</param>
    /// <param name="includeH5">Also mutate Cell Ranger .h5 bytes (default).</param>
    public static FuzzTally Run(int cases, int seed, TextWriter? trace = null, bool includeH5ad = true, bool includeH5 = true)
    {
        var tally = new FuzzTally("tenx", seed);
        // A read that hangs in the worker is killed (and the file refused) just before the case time limit.
        using var sandbox = includeH5 || includeH5ad ? new Hdf5Sandbox(FuzzTally.TimeLimit - TimeSpan.FromSeconds(1)) : null;
        var mutator = new Mutator(new Random(seed));
        MexSeed[] mex = [Mex("v2_hg19_chr21"), Mex("v3")];
        var h5 = File.ReadAllBytes(RepositoryFiles.PathOf("tests", "data", "scanpy-10x", "v2_hg19_chr21", "filtered_gene_bc_matrices_h5.h5"));
        var h5ad = File.ReadAllBytes(RepositoryFiles.PathOf("tests", "data", "h5ad-legacy", "legacy.h5ad"));
        var folder = Directory.CreateTempSubdirectory("dermis-fuzz-10x-").FullName;
        try
        {
            for (var index = 0; index < cases; index++)
            {
                var caseFolder = Path.Combine(folder, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(caseFolder);
                var kind = mutator.Random.Next(includeH5 || includeH5ad ? 10 : 6);
                string description;
                string[] names;
                Func<object> read;
                if (kind < 6)
                {
                    var source = mex[mutator.Random.Next(10) < 8 ? 0 : 1];
                    var target = mutator.Random.Next(source.Files.Length);
                    for (var f = 0; f < source.Files.Length; f++)
                    {
                        var (name, bytes) = source.Files[f];
                        File.WriteAllBytes(Path.Combine(caseFolder, name), f == target ? MutateFile(mutator, name, bytes) : bytes);
                    }

                    names = [.. source.Files.Select(f => f.File)];
                    description = $"MEX {source.Name}, {source.Files[target].File} mutated";
                    read = () => TenXReader.ReadMex(caseFolder);
                }
                else
                {
                    var isH5ad = includeH5ad && (kind >= 8 || !includeH5);
                    var name = isH5ad ? "fuzz.h5ad" : "fuzz.h5";
                    var path = Path.Combine(caseFolder, name);
                    File.WriteAllBytes(path, mutator.MutateBytes(isH5ad ? h5ad : h5));
                    names = [name];
                    description = $"{name} mutated";
                    read = isH5ad ? () => sandbox!.ReadH5ad(path) : () => sandbox!.ReadTenXH5(path);
                }

                trace?.WriteLine($"tenx seed {seed} case {index}: {description} in {caseFolder}");
                trace?.Flush();
                var started = Stopwatch.GetTimestamp();
                var contained = sandbox?.Contained ?? 0;
                var (outcome, detail) = Classify(Task.Run(read), names);
                if (sandbox is not null && sandbox.Contained > contained && outcome == FuzzOutcome.Refused)
                {
                    tally.Contain();
                }

                // A failing case's files stay for reproduction; the others go.
                if (outcome is FuzzOutcome.Accepted or FuzzOutcome.Refused)
                {
                    Directory.Delete(caseFolder, recursive: true);
                }

                tally.Add(index, outcome, Stopwatch.GetElapsedTime(started), () => $"{description} (files kept in {caseFolder}): {detail}");
            }
        }
        finally
        {
            if (tally.Failed == 0)
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return tally;
    }

    private static byte[] MutateFile(Mutator mutator, string name, byte[] bytes)
    {
        if (!name.EndsWith(".gz", StringComparison.Ordinal) || mutator.Random.Next(3) == 0)
        {
            // Compressed bytes mutated directly: a broken gzip stream.
            return name.EndsWith(".gz", StringComparison.Ordinal) ? mutator.MutateBytes(bytes) : mutator.MutateText(System.Text.Encoding.UTF8.GetString(bytes));
        }

        // The content mutated and compressed again: a valid stream with hostile text.
        using var plain = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        {
            gzip.CopyTo(plain);
        }

        var mutated = mutator.MutateText(System.Text.Encoding.UTF8.GetString(plain.ToArray()));
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(mutated);
        }

        return packed.ToArray();
    }

    private static (FuzzOutcome Outcome, string Detail) Classify(Task<object> read, string[] names)
    {
        try
        {
            return read.Wait(FuzzTally.TimeLimit) ? (FuzzOutcome.Accepted, "read") : (FuzzOutcome.Timeout, "no answer within 5 s");
        }
        catch (AggregateException e) when (e.InnerException is FormatException format)
        {
            return Array.Exists(names, n => format.Message.Contains(n, StringComparison.Ordinal))
                ? (FuzzOutcome.Refused, format.Message)
                : (FuzzOutcome.Crash, "FormatException that names no file: " + format.Message);
        }
        catch (AggregateException e)
        {
            return (FuzzOutcome.Crash, e.InnerException!.ToString());
        }
    }

    private static MexSeed Mex(string name)
    {
        var folder = RepositoryFiles.PathOf("tests", "data", "scanpy-10x", name);
        return new MexSeed(name, [.. Directory.GetFiles(folder).Where(f => f.Contains(".tsv", StringComparison.Ordinal) || f.Contains(".mtx", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))]);
    }
}
