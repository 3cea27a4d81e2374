using System.Diagnostics;
using System.Text;
using Dermis.Trials.Protocol;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// Protocol YAML through <see cref="ProtocolParser.Parse"/>: every mutated file must parse or be refused with a
/// <see cref="ProtocolException"/> whose message starts with the file name and line ("fuzz.yaml:12:5: …"),
/// within <see cref="FuzzTally.TimeLimit"/>. Anything else (another exception type, a hang) is a failure.
/// </summary>
internal static class ProtocolFuzzer
{
    private const string SourceName = "fuzz.yaml";

    /// <summary>Runs <paramref name="cases"/> cases from <paramref name="seed"/> over the valid <paramref name="protocols"/>.</summary>
    public static FuzzTally Run(IReadOnlyList<string> protocols, int cases, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfZero(protocols.Count);
        var tally = new FuzzTally("protocol", seed);
        var mutator = new Mutator(new Random(seed));
        for (var index = 0; index < cases; index++)
        {
            var bytes = mutator.MutateText(protocols[mutator.Random.Next(protocols.Count)]);
            // The server decodes the request body as UTF-8 with replacement characters; the parser sees that text.
            var yaml = Encoding.UTF8.GetString(bytes);
            var started = Stopwatch.GetTimestamp();
            var parse = Task.Run(() => ProtocolParser.Parse(yaml, SourceName));
            var (outcome, detail) = Classify(parse);
            tally.Add(index, outcome, Stopwatch.GetElapsedTime(started), () => $"{detail}\n--- input ({yaml.Length} chars) ---\n{yaml}");
        }

        return tally;
    }

    private static (FuzzOutcome Outcome, string Detail) Classify(Task<ProtocolDefinition> parse)
    {
        try
        {
            if (!parse.Wait(FuzzTally.TimeLimit))
            {
                return (FuzzOutcome.Timeout, "no answer within 5 s");
            }

            return (FuzzOutcome.Accepted, "parsed");
        }
        catch (AggregateException e) when (e.InnerException is ProtocolException protocol)
        {
            return protocol.Message.StartsWith(SourceName + ":", StringComparison.Ordinal) && protocol.Errors.Count > 0
                ? (FuzzOutcome.Refused, protocol.Message)
                : (FuzzOutcome.Crash, "ProtocolException without file:line: " + protocol.Message);
        }
        catch (AggregateException e)
        {
            return (FuzzOutcome.Crash, e.InnerException!.ToString());
        }
    }
}
