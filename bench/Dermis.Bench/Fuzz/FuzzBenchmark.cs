using System.Diagnostics;
using System.Globalization;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// The long fuzz run: hostile inputs against every target, a table of outcomes per target, every failure
/// with the seed and case index that reproduce it. Exit 0 when no case gave a 5xx, an undocumented
/// exception, changed stored data or a hang; 1 otherwise; 2 for bad arguments.
/// Usage: fuzz [--cases 100000] [--seed 1] [--target all|api|protocol|device|odm|tenx]
/// (with all, the cases are split over the five targets).
/// </summary>
internal static class FuzzBenchmark
{
    private static readonly string[] s_targets = ["api", "protocol", "device", "odm", "tenx"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var cases, out var seed, out var target, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        var targets = target == "all" ? s_targets : [target];
        var perTarget = Math.Max(1, cases / targets.Length);
        var tallies = new List<FuzzTally>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var name in targets)
        {
            var started = stopwatch.Elapsed;
            var tally = name switch
            {
                "protocol" => ProtocolFuzzer.Run(RepositoryFiles.SampleProtocols(), perTarget, seed),
                "tenx" => TenXFuzzer.Run(perTarget, seed, Environment.GetEnvironmentVariable("DERMIS_FUZZ_TRACE") == "1" ? Console.Error : null),
                _ => await ServerFuzzHost.RunAsync(name, perTarget, seed),
            };
            tallies.Add(tally);
            // Each row as soon as its target ends: a native crash in a later target (libhdf5) must not lose it.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {tally.Cases} cases in {(stopwatch.Elapsed - started).TotalSeconds:F1} s  {tally.Row()}"));
        }

        Console.WriteLine();
        Console.WriteLine(FuzzTally.Header);
        foreach (var tally in tallies)
        {
            Console.WriteLine(tally.Row());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nseed {seed}, {tallies.Sum(t => t.Cases)} cases, {stopwatch.Elapsed.TotalSeconds:F1} s"));
        foreach (var tally in tallies.Where(t => t.Failed > 0))
        {
            Console.WriteLine(tally.Report());
        }

        return tallies.Exists(t => t.Failed > 0) ? 1 : 0;
    }

    private static bool TryParse(string[] args, out int cases, out int seed, out string target, out string error)
    {
        cases = 100_000;
        seed = 1;
        target = "all";
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--cases" when int.TryParse(value, CultureInfo.InvariantCulture, out cases) && cases > 0:
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--target" when value is not null && (value == "all" || s_targets.Contains(value)):
                    target = value;
                    i++;
                    break;
                default:
                    error = $"fuzz: '{args[i]} {value}' is not understood. Usage: fuzz [--cases N>0] [--seed N] [--target all|{string.Join('|', s_targets)}]";
                    return false;
            }
        }

        return true;
    }
}
