using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dermis.Bench.Reliability.Harness;

/// <summary>
/// One <c>dermis serve</c> child process (the built <c>dermis.dll</c> through <c>dotnet</c>) on a free
/// loopback port: started, waited for until <c>GET /health</c> answers 200, and ended only by SIGKILL,
/// never a graceful stop, so that whatever it had not committed is really lost.
/// </summary>
internal sealed class CrashServer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _dermisDll;
    private readonly string _database;
    private readonly string _workFolder;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public CrashServer(string dermisDll, string database, string workFolder)
    {
        if (!File.Exists(dermisDll))
        {
            throw new ArgumentException($"dermisDll: '{dermisDll}' does not exist; build src/Dermis.Cli first (dotnet build src/Dermis.Cli -c Release).", nameof(dermisDll));
        }

        _dermisDll = dermisDll;
        _database = database;
        _workFolder = workFolder;
        Url = "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Where the server listens (the same port on every restart).</summary>
    public string Url { get; }

    /// <summary>The process id of the running server (for RSS sampling).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The server is not running; call StartAsync first.");

    /// <summary>The last lines the server wrote, for a failure message.</summary>
    public string LogTail
    {
        get
        {
            lock (_log)
            {
                var text = _log.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    /// <summary>Starts the server and returns how long it took until /health answered 200.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var started = Stopwatch.GetTimestamp();
        _process = Start(["serve", "--db", _database, "--urls", Url, "--log-format", "text"], redirectInput: false);
        await WaitForHealthAsync();
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>SIGKILL: the process gets no chance to flush, commit or shut down.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Runs a <c>dermis</c> command on the same database (e.g. <c>audit verify</c>); returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCliAsync(string[] args, string? input = null)
    {
        using var process = Start([.. args, "--db", _database], redirectInput: input is not null);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
    }

    private Process Start(string[] args, bool redirectInput)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
        };
        start.ArgumentList.Add(_dermisDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        if (args[0] == "serve")
        {
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
            if (_log.Length > 64_000)
            {
                _log.Remove(0, 32_000);
            }
        }
    }

    private async Task WaitForHealthAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(Patience.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && _process is { HasExited: false })
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet (migrating, warming up).
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"dermis serve did not answer GET {Url}/health (exited: {_process?.HasExited}).{Environment.NewLine}{LogTail}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
