using System.Globalization;
using System.Text;

namespace Dermis.Server.Demo;

/// <summary>
/// Immune-cell composition for a subset: per participant and time point, 2,000 cells resampled with
/// replacement from the real PBMC3k cells and their published Seurat-tutorial labels, the mix shifted by
/// the participant's EASI ratio (monocytes and NK down, naive CD4 T up with improvement), uploaded as a
/// <c>dermis sc run</c> composition.csv through <c>POST /api/studies/{id}/immune-composition</c>.
/// Sample names and pipeline_version say "resampled": these are not any participant's own cells.
/// </summary>
public sealed partial class DemoSeeder
{
    private const int CompositionParticipants = 40;
    private const int CellsPerSample = 2000;

    private async Task CompositionAsync(IReadOnlyList<DemoParticipant> cohort, IReadOnlyList<string> cellTypes, CancellationToken ct)
    {
        var csv = new StringBuilder("sample,participant,cell_type,cells,fraction,collected_on,tissue,pipeline_version\n");
        var chosen = cohort.Where(p => p.Arm is not null && p.BaselineOn.AddDays(120) <= _last).Take(CompositionParticipants).ToList();
        foreach (var p in chosen)
        {
            foreach (var (label, day) in new[] { ("baseline", 0), ("week16", 112) })
            {
                var ratio = (double)(DemoTrajectory.Easi(p, day) / Math.Max(1m, p.Trajectory.BaselineEasi));
                var counts = Resample(cellTypes, ratio, new Random(DemoSeed.Of(p.Seed, day, 7)));
                var sample = $"{p.Number}-{label}-resampled-pbmc3k";
                foreach (var (type, cells) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{sample},{p.Number},{type},{cells},{(double)cells / CellsPerSample:F6},{Date(p.BaselineOn.AddDays(day))},blood,demo-resampled-pbmc3k-labels\n");
                }
            }
        }

        await _api.PostTextAsync(_api.For(DemoAccounts.Sponsor), $"{S}/immune-composition", csv.ToString(), "text/csv", ct);
    }

    /// <summary>Draws <see cref="CellsPerSample"/> of the real cells with replacement, each weighted by its type's shift for this EASI ratio.</summary>
    private static Dictionary<string, int> Resample(IReadOnlyList<string> cellTypes, double easiRatio, Random random)
    {
        // Improvement (ratio → 0) lowers the inflammatory monocyte and NK shares and raises naive CD4 T cells.
        var improvement = 1 - Math.Clamp(easiRatio, 0, 1.5);
        double Weight(string type) => type switch
        {
            "CD14+ Mono" or "FCGR3A+ Mono" => 1 - (0.45 * improvement),
            "NK" => 1 - (0.3 * improvement),
            "Naive CD4 T" => 1 + (0.5 * improvement),
            _ => 1,
        };
        // Drawing a cell uniformly and keeping it with its type's weight = drawing a type with probability ∝ its real cell count × weight.
        var types = cellTypes.CountBy(t => t, StringComparer.Ordinal).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var weights = new double[types.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i] = types[i].Value * Weight(types[i].Key) * Math.Exp(random.NextDouble() * 0.3);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < CellsPerSample; c++)
        {
            var pick = random.NextDouble() * total;
            var i = 0;
            while (i < weights.Length - 1 && (pick -= weights[i]) > 0)
            {
                i++;
            }

            counts[types[i].Key] = counts.GetValueOrDefault(types[i].Key) + 1;
        }

        return counts;
    }
}
