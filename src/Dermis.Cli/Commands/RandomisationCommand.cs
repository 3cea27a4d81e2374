using System.CommandLine;
using System.Globalization;
using Dermis.Trials.Protocol;
using Dermis.Trials.Randomisation;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis randomisation simulate</c>: imbalance of permuted blocks versus minimisation before a study starts.</summary>
internal static class RandomisationCommand
{
    public static Command Create()
    {
        var protocol = new Option<FileInfo>("--protocol") { Description = "Protocol YAML: arms, ratios and stratification factors.", Required = true };
        var participants = new Option<int>("--participants") { Description = "Participants per simulated trial.", DefaultValueFactory = _ => 600 };
        var runs = new Option<int>("--runs") { Description = "Simulated trials.", DefaultValueFactory = _ => 1000 };
        var blockSizes = new Option<string>("--block-sizes") { Description = "Permuted block sizes, comma-separated multiples of the ratio sum (default: the protocol's randomisation section, else 2 and 3 times the sum).", HelpName = "4,6" };
        var probability = new Option<decimal?>("--p") { Description = "Minimisation: probability of the least-imbalance arm, (0, 1] (default: the protocol's, else 0.8)." };
        var measure = new Option<ImbalanceMeasure?>("--measure") { Description = "Minimisation imbalance measure (default: the protocol's, else range)." };
        var seed = new Option<int?>("--seed") { Description = "Seed for a reproducible simulation (default: cryptographic randomness)." };
        var simulate = new Command("simulate", "Simulate trials with stratified permuted blocks and with minimisation; print the final imbalance per factor and overall.")
        {
            protocol, participants, runs, blockSizes, probability, measure, seed,
        };
        simulate.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async output =>
        {
            var file = parseResult.GetValue(protocol)!;
            ProtocolDefinition definition;
            try
            {
                definition = ProtocolParser.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken), file.Name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineInputException($"--protocol '{file}' cannot be read: {e.Message}");
            }
            catch (ProtocolException e)
            {
                throw new CommandLineInputException(e.FormatAll());
            }

            var n = parseResult.GetValue(participants);
            var r = parseResult.GetValue(runs);
            var settings = definition.Randomisation;
            var p = parseResult.GetValue(probability) ?? settings.PreferredProbability;
            if (n is < 1 or > 100_000)
            {
                throw new CommandLineInputException($"--participants {n} is out of range; allowed: 1–100000.");
            }

            if (r is < 1 or > 100_000)
            {
                throw new CommandLineInputException($"--runs {r} is out of range; allowed: 1–100000.");
            }

            if (p is <= 0m or > 1m)
            {
                throw new CommandLineInputException($"--p {p} is out of range; allowed: above 0 up to 1.");
            }

            var arms = definition.Arms.Select(a => new ArmRatio(a.Id, a.Ratio)).ToList();
            var ratioSum = arms.Sum(a => a.Ratio);
            var multipliers = parseResult.GetValue(blockSizes) is { } sizes ? Multipliers(sizes, ratioSum) : settings.BlockSizes.Select(size => size / ratioSum).ToArray();
            // Participants' sites are not simulated, so a site factor is left out of the simulation.
            var factors = definition.Stratification.Where(f => settings.Factors.Any(m => m.Factor == f.Id)).ToList();
            var scheme = new MinimisationScheme(arms, settings.Factors.Where(f => f.Factor != Minimisation.SiteFactor).ToList(),
                parseResult.GetValue(measure) ?? settings.Measure, p, settings.InitialRandom);
            if (scheme.Factors.Count == 0)
            {
                throw new CommandLineInputException($"{file.Name} has no stratification factors to balance.");
            }

            var random = parseResult.GetValue(seed) is { } s ? RandomSource.Seeded(s) : RandomSource.Cryptographic();
            var results = await Task.Run(() => RandomisationSimulator.Run(arms, factors, n, r, multipliers, scheme, random), cancellationToken);

            var strata = factors.Aggregate(1, (product, f) => product * f.Levels.Count);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{definition.StudyId} {definition.Version}: {n} participants × {r} runs; arms {string.Join(":", arms.Select(a => a.Arm))} = {string.Join(":", arms.Select(a => a.Ratio))}; " +
                $"factors {string.Join(", ", factors.Select(f => $"{f.Id} ({string.Join("/", f.Levels)})"))}: {strata} strata; levels drawn uniformly."));
            await output.WriteLineAsync("Imbalance at the end of each trial = largest minus smallest ratio-scaled arm count (|A − B| at 1:1); per factor: its worst level.");
            await output.WriteLineAsync();
            foreach (var result in results)
            {
                await output.WriteLineAsync(result.Method);
                await output.WriteLineAsync($"  {"overall",-28} {result.Overall}");
                foreach (var (factor, summary) in result.PerFactor)
                {
                    await output.WriteLineAsync($"  {factor + " (worst level)",-28} {summary}");
                }

                await output.WriteLineAsync($"  {"worst stratum",-28} {result.WithinStrata}");
            }

            return ExitCodes.Success;
        }));
        return new Command("randomisation", "Randomisation design.") { simulate };
    }

    private static int[] Multipliers(string sizes, int ratioSum)
    {
        var multipliers = new List<int>();
        foreach (var part in sizes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < ratioSum || size % ratioSum != 0)
            {
                throw new CommandLineInputException($"--block-sizes '{part}' is not allowed; block sizes are multiples of the ratio sum {ratioSum} (e.g. {ratioSum * 2},{ratioSum * 3}).");
            }

            multipliers.Add(size / ratioSum);
        }

        return [.. multipliers];
    }
}
