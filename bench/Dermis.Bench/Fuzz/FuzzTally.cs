using System.Globalization;

namespace Dermis.Bench.Fuzz;

/// <summary>How one fuzz case ended.</summary>
internal enum FuzzOutcome
{
    /// <summary>Accepted: HTTP 2xx, or the reader returned a value.</summary>
    Accepted,

    /// <summary>Refused as documented: HTTP 4xx with a ProblemDetails message, ProtocolException, FormatException naming the file.</summary>
    Refused,

    /// <summary>HTTP 3xx (a web page's redirect to sign in).</summary>
    Redirected,

    /// <summary>HTTP 5xx.</summary>
    ServerError,

    /// <summary>An undocumented exception, a 4xx without a ProblemDetails message, or changed stored data.</summary>
    Crash,

    /// <summary>HTTP 4xx from the API without a ProblemDetails body that carries a message.</summary>
    Unexplained,

    /// <summary>No answer within <see cref="FuzzTally.TimeLimit"/>.</summary>
    Timeout,

    /// <summary>
    /// Refused by Kestrel's HTTP parser before the application saw the request, with an empty body: 400 for a NUL (%00)
    /// in the path, 414 for a request line over its 8 KiB limit. No application code ran and nothing can add a message.
    /// </summary>
    TransportRefused,
}

/// <summary>One failed case, with what reproduces it.</summary>
/// <param name="Target">api, protocol, device, odm or tenx.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Index">The case's index in the run (0-based): the same seed replays the same cases.</param>
/// <param name="Outcome">How it failed.</param>
/// <param name="Description">The request or file and what came back.</param>
internal sealed record FuzzFailure(string Target, int Seed, int Index, FuzzOutcome Outcome, string Description)
{
    public override string ToString() =>
        $"[{Target} seed {Seed.ToString(CultureInfo.InvariantCulture)} case {Index.ToString(CultureInfo.InvariantCulture)}] {Outcome}: {Description}";
}

/// <summary>Counts of outcomes of one target's run, the slowest case, and every failure (the first 1,000 with their input).</summary>
internal sealed class FuzzTally(string target, int seed)
{
    /// <summary>A case slower than this is a hang.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    private readonly int[] _counts = new int[Enum.GetValues<FuzzOutcome>().Length];
    private readonly List<FuzzFailure> _failures = [];

    public string Target { get; } = target;

    public int Seed { get; } = seed;

    public int Cases { get; private set; }

    public TimeSpan MaxLatency { get; private set; }

    /// <summary>Refused cases that crashed or hung a child process (the HDF5 worker) instead of this one.</summary>
    public int Contained { get; private set; }

    /// <summary>Counts a refused case as one whose native crash or hang the sandbox contained.</summary>
    public void Contain() => Contained++;

    public IReadOnlyList<FuzzFailure> Failures => _failures;

    /// <summary>Cases that were a 5xx, an undocumented exception, changed data, or a hang.</summary>
    public int Failed => Count(FuzzOutcome.ServerError) + Count(FuzzOutcome.Crash) + Count(FuzzOutcome.Unexplained) + Count(FuzzOutcome.Timeout);

    public int Count(FuzzOutcome outcome) => _counts[(int)outcome];

    /// <summary>Records one case; a failing one keeps its description (truncated to 2,000 characters).</summary>
    public void Add(int index, FuzzOutcome outcome, TimeSpan latency, Func<string> describe)
    {
        Cases++;
        _counts[(int)outcome]++;
        if (latency > MaxLatency)
        {
            MaxLatency = latency;
        }

        if (outcome is FuzzOutcome.ServerError or FuzzOutcome.Crash or FuzzOutcome.Unexplained or FuzzOutcome.Timeout && _failures.Count < 1000)
        {
            var text = describe();
            _failures.Add(new FuzzFailure(Target, Seed, index, outcome, text.Length > 2000 ? text[..2000] + "…" : text));
        }
    }

    /// <summary>The markdown table header of <see cref="Row"/>.</summary>
    public const string Header = "| target | cases | accepted (2xx) | refused (4xx) | 3xx | 5xx | exceptions/crashes | 4xx without message | timeouts (> 5 s) | max latency ms | native crashes contained | refused by Kestrel (no body) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    /// <summary>This tally as a markdown table row.</summary>
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Target} | {Cases} | {Count(FuzzOutcome.Accepted)} | {Count(FuzzOutcome.Refused)} | {Count(FuzzOutcome.Redirected)} | {Count(FuzzOutcome.ServerError)} | {Count(FuzzOutcome.Crash)} | {Count(FuzzOutcome.Unexplained)} | {Count(FuzzOutcome.Timeout)} | {MaxLatency.TotalMilliseconds:F1} | {Contained} | {Count(FuzzOutcome.TransportRefused)} |");

    /// <summary>Every failure on its own line (empty when none).</summary>
    public string Report() => string.Join('\n', _failures);
}
