using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// Reads 10x <c>.h5</c> and AnnData <c>.h5ad</c> files so that a corrupt file cannot take the calling process down.
/// The system HDF5 library (1.10) trusts the addresses and sizes inside a file: a mutated file can make it read
/// through a wild pointer or divide by zero (fuzzing found both), and no .NET code can catch a segmentation fault.
/// So every file is first read by a <see cref="Hdf5Worker"/> in a child process (<c>Dermis.Hdf5Worker.dll</c>, kept
/// running between reads). Only a file the worker read completely is read again here; a file it refused is refused here
/// with the worker's exception (same type and message), without touching this process's HDF5 library; if the worker
/// dies or hangs, the file is refused with an <see cref="Hdf5Exception"/> saying the library crashed or stuck on it, and
/// the next read starts a fresh worker.
/// </summary>
/// <remarks>
/// Why a refused file is never read here too: a corrupt file can damage libhdf5's state without crashing at once (fuzzing
/// saw crashes that needed earlier corrupt files in the same process, and opens of good files failing after them), and
/// that damage must stay in the worker. A good file is read twice (PBMC3k's <c>.h5ad</c>: ~0.1 s each) plus one worker
/// start (~0.1 s) per sandbox. Reads are serialised, as the HDF5 library is not thread-safe anyway. The file must not
/// change between the two reads: callers read their own files or uploads they hold.
/// </remarks>
public sealed class Hdf5Sandbox : IDisposable
{
    /// <summary>The worker assembly, looked up next to the application.</summary>
    public const string WorkerAssembly = "Dermis.Hdf5Worker.dll";

    private readonly ProcessStartInfo _start;
    private readonly TimeSpan _timeout;
    private readonly Lock _gate = new();
    private Process? _worker;

    /// <summary>A sandbox whose worker is <see cref="WorkerAssembly"/> in the application's folder, run by the same dotnet host.</summary>
    /// <param name="timeout">How long one read may take in the worker before it is killed and the file refused (default 10 minutes).</param>
    /// <exception cref="InvalidOperationException">The worker assembly is not next to the application.</exception>
    public Hdf5Sandbox(TimeSpan? timeout = null)
        : this(DefaultWorker(), timeout)
    {
    }

    internal Hdf5Sandbox(ProcessStartInfo start, TimeSpan? timeout)
    {
        _start = start;
        _timeout = timeout ?? TimeSpan.FromMinutes(10);
        if (_timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"timeout = {_timeout}; must be positive.", nameof(timeout));
        }
    }

    /// <summary>Files on which the worker died (the HDF5 library crashed) or ran past the timeout.</summary>
    public int Contained { get; private set; }

    /// <summary>Reads a 10x HDF5 matrix file as <see cref="TenXH5Reader.Read"/> does, after the worker read it.</summary>
    /// <param name="path">The <c>.h5</c> file.</param>
    /// <param name="geneExpressionOnly">Keep only "Gene Expression" features.</param>
    /// <param name="genome">For a v2 file with several genomes, the one to read.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="Hdf5Exception">The file is malformed, or the HDF5 library crashed or hung on it.</exception>
    public CellMatrix ReadTenXH5(string path, bool geneExpressionOnly = true, string? genome = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Read(new Hdf5ReadRequest { Format = Hdf5ReadRequest.TenX, Path = Path.GetFullPath(path), GeneExpressionOnly = geneExpressionOnly, Genome = genome });
    }

    /// <summary>Reads an AnnData file as <see cref="H5adReader.Read(string, H5adReadOptions?)"/> does, after the worker read it.</summary>
    /// <param name="path">The <c>.h5ad</c> file.</param>
    /// <param name="options">Which matrix becomes X and whether layers are loaded; null for the defaults.</param>
    /// <returns>The matrix with annotations, layers and embeddings.</returns>
    /// <exception cref="Hdf5Exception">The file is malformed, or the HDF5 library crashed or hung on it.</exception>
    public CellMatrix ReadH5ad(string path, H5adReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= H5adReadOptions.Default;
        options.Validate();
        return Read(new Hdf5ReadRequest { Format = Hdf5ReadRequest.H5ad, Path = Path.GetFullPath(path), Matrix = options.Matrix, ReadLayers = options.ReadLayers });
    }

    /// <summary>Stops the worker.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            Stop(kill: false);
        }
    }

    private CellMatrix Read(Hdf5ReadRequest request)
    {
        Hdf5ReadReply reply;
        lock (_gate)
        {
            reply = TryInWorker(request);
        }

        // The worker read the whole file: here it gives the same matrix.
        return reply.Outcome == Hdf5ReadReply.Read ? request.Read() : throw Rethrow(request.Path, reply);
    }

    /// <summary>The exception the worker's reader threw, of the same type where the caller may catch it.</summary>
    internal static Exception Rethrow(string path, Hdf5ReadReply reply)
    {
        var message = reply.Message ?? "the HDF5 worker gave no message";
        return reply.Exception switch
        {
            nameof(Hdf5Exception) => Hdf5Exception.Worded(message, path, reply.ObjectPath ?? "/"),
            nameof(FileNotFoundException) => new FileNotFoundException(message, path),
            nameof(DirectoryNotFoundException) => new DirectoryNotFoundException(message),
            nameof(UnauthorizedAccessException) => new UnauthorizedAccessException(message),
            nameof(IOException) => new IOException(message),
            nameof(FormatException) => new FormatException(message),
            nameof(ArgumentException) => new ArgumentException(message),
            _ => new InvalidOperationException($"Reading {path} failed in the HDF5 worker: {reply.Exception}: {message}"),
        };
    }

    private Hdf5ReadReply TryInWorker(Hdf5ReadRequest request)
    {
        if (_worker is null || _worker.HasExited)
        {
            Stop(kill: true);
            try
            {
                _worker = Process.Start(_start) ?? throw new InvalidOperationException($"Could not start the HDF5 worker ({_start.FileName}).");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"Could not start the HDF5 worker ({_start.FileName} {string.Join(' ', _start.ArgumentList)}): {e.Message}.", e);
            }

            _worker.ErrorDataReceived += static (_, _) => { }; // drained, not shown: the reply or the exit status says what happened
            _worker.BeginErrorReadLine();
        }

        string? line;
        try
        {
            _worker.StandardInput.WriteLine(request.ToJson());
            _worker.StandardInput.Flush();
            var reading = _worker.StandardOutput.ReadLineAsync();
            if (!reading.Wait(_timeout))
            {
                Stop(kill: true);
                Contained++;
                throw new Hdf5Exception(request.Path, "/", $"reading did not finish within {_timeout.TotalSeconds:0} s; the HDF5 library is stuck on this file, which is corrupt");
            }

            line = reading.Result;
        }
        catch (IOException)
        {
            line = null; // the pipe broke: the worker died while we wrote
        }

        if (line is null)
        {
            var status = Stop(kill: true);
            Contained++;
            throw new Hdf5Exception(request.Path, "/", $"the HDF5 library crashed reading this file ({status}); the file is corrupt and nothing was read from it");
        }

        return Hdf5ReadReply.FromJson(line) is { Outcome: Hdf5ReadReply.Read or Hdf5ReadReply.Threw } reply
            ? reply
            : throw new InvalidOperationException($"The HDF5 worker answered '{line}'.");
    }

    /// <summary>Ends the worker (closing its input lets it finish; <paramref name="kill"/> does not wait) and describes how it ended.</summary>
    private string Stop(bool kill)
    {
        if (_worker is not { } worker)
        {
            return "no worker";
        }

        _worker = null;
        using (worker)
        {
            try
            {
                if (!worker.HasExited)
                {
                    if (kill)
                    {
                        worker.Kill();
                    }
                    else
                    {
                        worker.StandardInput.Close();
                    }
                }

                worker.WaitForExit(TimeSpan.FromSeconds(10));
                return worker.HasExited ? ExitStatus(worker.ExitCode) : "still running";
            }
            catch (InvalidOperationException)
            {
                return "ended";
            }
        }
    }

    /// <summary>On Unix .NET reports a process killed by signal N as exit code 128 + N.</summary>
    internal static string ExitStatus(int exitCode) => exitCode switch
    {
        > 128 and < 160 => $"signal {exitCode - 128}{(exitCode - 128) switch { 6 => " SIGABRT", 7 => " SIGBUS", 8 => " SIGFPE", 9 => " SIGKILL", 11 => " SIGSEGV", _ => "" }}",
        _ => $"exit code {exitCode}",
    };

    private static ProcessStartInfo DefaultWorker()
    {
        var worker = Path.Combine(AppContext.BaseDirectory, WorkerAssembly);
        if (!File.Exists(worker))
        {
            throw new InvalidOperationException(
                $"{worker} is missing. Dermis reads HDF5 files in a worker process, because the HDF5 library can crash on a corrupt file; " +
                "the application must reference the Dermis.Hdf5Worker project.");
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(worker);
        return start;
    }

    /// <summary>The dotnet host running this process (tests and <c>dotnet dermis.dll</c>), else the one beside the runtime.</summary>
    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } current && Path.GetFileName(current) == name)
        {
            return current;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var beside = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", name));
        return File.Exists(beside) ? beside : name;
    }
}
