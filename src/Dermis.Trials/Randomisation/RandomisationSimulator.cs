using System.Globalization;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Randomisation;

/// <summary>The spread of an imbalance over simulated trials.</summary>
/// <param name="Mean">Mean over runs.</param>
/// <param name="Median">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Max">Largest seen.</param>
public sealed record ImbalanceSummary(double Mean, double Median, double P95, double Max)
{
    internal static ImbalanceSummary Of(List<double> values)
    {
        values.Sort();
        double At(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
        return new ImbalanceSummary(values.Average(), At(0.5), At(0.95), values[^1]);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"mean {Mean:F2}, median {Median:F1}, p95 {P95:F1}, max {Max:F1}");
}

/// <summary>What a simulation found for one method.</summary>
/// <param name="Method">Method and parameters, e.g. <c>blocks 4/6 by region × iga</c>.</param>
/// <param name="Overall">Imbalance of the whole trial at the end.</param>
/// <param name="PerFactor">For each factor, the largest imbalance among its levels at the end.</param>
/// <param name="WithinStrata">The largest imbalance among all strata (factor-level combinations) at the end.</param>
public sealed record SimulationResult(string Method, ImbalanceSummary Overall, IReadOnlyDictionary<string, ImbalanceSummary> PerFactor, ImbalanceSummary WithinStrata);

/// <summary>
/// Simulates many trials of <c>n</c> participants with factor levels drawn uniformly, allocated by
/// stratified permuted blocks and by minimisation, and measures the final imbalance (range of
/// ratio-scaled arm counts: |n_A − n_B| for two arms at 1:1), so that block sizes or minimisation
/// settings can be chosen before the study starts.
/// </summary>
public static class RandomisationSimulator
{
    /// <summary>Runs <paramref name="runs"/> simulated trials with each method.</summary>
    public static IReadOnlyList<SimulationResult> Run(
        IReadOnlyList<ArmRatio> arms,
        IReadOnlyList<StratificationFactor> factors,
        int participants,
        int runs,
        IReadOnlyList<int> blockMultipliers,
        MinimisationScheme minimisation,
        RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(minimisation);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(participants, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var blocks = new PermutedBlocks(arms, blockMultipliers);
        var blockName = $"permuted blocks {string.Join("/", blocks.BlockSizes)} stratified by {(factors.Count == 0 ? "nothing" : string.Join(" × ", factors.Select(f => f.Id)))}";
        var minimisationName = $"minimisation ({minimisation.Measure.ToString().ToLowerInvariant()}, p = {minimisation.PreferredProbability.ToString(CultureInfo.InvariantCulture)}) on {string.Join(", ", minimisation.Factors.Select(f => f.Factor))}";

        var results = new List<SimulationResult>();
        foreach (var useBlocks in new[] { true, false })
        {
            var overall = new List<double>();
            var perFactor = factors.ToDictionary(f => f.Id, _ => new List<double>());
            var strata = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var trial = new SimulatedTrial(arms, factors);
                var blockStates = new Dictionary<string, BlockState>();
                for (var i = 0; i < participants; i++)
                {
                    var levels = factors.ToDictionary(f => f.Id, f => f.Levels[random.NextInt(f.Levels.Count)]);
                    string arm;
                    if (useBlocks)
                    {
                        var stratum = string.Join("|", factors.Select(f => levels[f.Id]));
                        var allocation = blocks.Allocate(blockStates.GetValueOrDefault(stratum, BlockState.Empty), random);
                        blockStates[stratum] = allocation.State;
                        arm = allocation.Arm;
                    }
                    else
                    {
                        arm = Minimisation.Allocate(minimisation, levels, trial.Counts, i, random).Arm;
                    }

                    trial.Add(levels, arm);
                }

                overall.Add(trial.Imbalance(trial.Totals));
                foreach (var factor in factors)
                {
                    perFactor[factor.Id].Add(factor.Levels.Max(level => trial.Imbalance(trial.CountsOf(factor.Id, level))));
                }

                strata.Add(trial.StratumImbalances().DefaultIfEmpty(0).Max());
            }

            results.Add(new SimulationResult(
                useBlocks ? blockName : minimisationName,
                ImbalanceSummary.Of(overall),
                perFactor.ToDictionary(p => p.Key, p => ImbalanceSummary.Of(p.Value)),
                ImbalanceSummary.Of(strata)));
        }

        return results;
    }

    private sealed class SimulatedTrial(IReadOnlyList<ArmRatio> arms, IReadOnlyList<StratificationFactor> factors)
    {
        private readonly Dictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>> _counts = [];
        private readonly Dictionary<string, Dictionary<string, int>> _strata = [];

        public Dictionary<string, int> Totals { get; } = arms.ToDictionary(a => a.Arm, _ => 0);

        public IReadOnlyDictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>> Counts => _counts;

        public void Add(Dictionary<string, string> levels, string arm)
        {
            Totals[arm]++;
            foreach (var factor in factors)
            {
                var key = (factor.Id, levels[factor.Id]);
                var perArm = _counts.TryGetValue(key, out var existing) ? (Dictionary<string, int>)existing : arms.ToDictionary(a => a.Arm, _ => 0);
                perArm[arm]++;
                _counts[key] = perArm;
            }

            var stratum = string.Join("|", factors.Select(f => levels[f.Id]));
            if (!_strata.TryGetValue(stratum, out var inStratum))
            {
                inStratum = arms.ToDictionary(a => a.Arm, _ => 0);
                _strata[stratum] = inStratum;
            }

            inStratum[arm]++;
        }

        public IReadOnlyDictionary<string, int> CountsOf(string factor, string level) =>
            _counts.TryGetValue((factor, level), out var perArm) ? perArm : arms.ToDictionary(a => a.Arm, _ => 0);

        public IEnumerable<double> StratumImbalances() => _strata.Values.Select(s => Imbalance(s));

        /// <summary>Range of ratio-scaled counts, in participants of the smallest-ratio arm.</summary>
        public double Imbalance(IReadOnlyDictionary<string, int> perArm)
        {
            var scaled = arms.Select(a => (double)perArm.GetValueOrDefault(a.Arm) / a.Ratio * arms.Min(r => r.Ratio)).ToList();
            return scaled.Max() - scaled.Min();
        }
    }
}
