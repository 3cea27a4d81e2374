namespace Dermis.Server.Demo;

/// <summary>
/// Who wears sensors in the demo. Eligible: randomised, attended week 16, with the whole sensing span
/// (a week before baseline to week 16) inside the timeline. The participant whose EASI rises most from
/// baseline to week 16 comes first — a flare is what the sweat inflammation alert exists to catch, so the
/// demo shows one whenever the cohort has a worsening participant — and one participant per site in
/// turn (site order of <see cref="DemoSite.All"/>, cohort order within a site, the worsening one first at
/// its site), so every site's staff see sensing data. The sweat group is the first of the night group.
/// </summary>
internal static class DemoSensingChoice
{
    /// <summary>Study day of the week-16 visit (the trajectory's axis, 0 = baseline).</summary>
    public const int Week16Day = 112;

    /// <summary>The night group (at most <paramref name="nights"/>) and the sweat group (its first <paramref name="sweat"/>).</summary>
    /// <param name="cohort">The seeded cohort, arms known.</param>
    /// <param name="first">First day of the timeline.</param>
    /// <param name="last">Last day of the timeline.</param>
    /// <param name="nights">Participants with a wristband, 0–1000.</param>
    /// <param name="sweat">Participants with sweat patches, 0 to <paramref name="nights"/>.</param>
    public static (List<DemoParticipant> Nights, List<DemoParticipant> Sweat) Choose(IReadOnlyList<DemoParticipant> cohort, DateOnly first, DateOnly last, int nights, int sweat)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        if (nights is < 0 or > 1000)
        {
            throw new ArgumentException($"nights = {nights}; allowed 0–1000.", nameof(nights));
        }

        if (sweat < 0 || sweat > nights)
        {
            throw new ArgumentException($"sweat = {sweat}; allowed 0–{nights} (the sweat group is part of the night group).", nameof(sweat));
        }

        var earliest = Math.Min(DemoSensing.NightDays[0], DemoSensingSweat.Wears[0][0]) - 2;
        var eligible = cohort.Where(p => p.Arm is not null && p.Number is not null && AttendsWeek16(p)
            && p.BaselineOn.AddDays(earliest) >= first && p.BaselineOn.AddDays(Week16Day + 1) <= last).ToList();
        var chosen = new List<DemoParticipant>();
        var worst = eligible.OrderByDescending(Worsening).ThenBy(p => p.Index).FirstOrDefault();
        // The worst first in its site's turn, so that every site still gets one before any gets two.
        var queues = DemoSite.All.Select(site => new Queue<DemoParticipant>(eligible.Where(p => p.Site == site).OrderBy(p => p != worst).ThenBy(p => p.Index))).ToList();
        while (chosen.Count < nights && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues)
            {
                if (chosen.Count < nights && queue.TryDequeue(out var p))
                {
                    chosen.Add(p);
                }
            }
        }

        if (worst is not null && chosen.Remove(worst))
        {
            chosen.Insert(0, worst);
        }

        return (chosen, chosen.Take(sweat).ToList());
    }

    /// <summary>Whether the allocated arm's trajectory reaches week 16 (a participant may discontinue under one arm and not the other).</summary>
    public static bool AttendsWeek16(DemoParticipant p) => p.Trajectory.Visits.FirstOrDefault(v => v.Week == Week16Day / 7) is { DiscontinuedBefore: false, Easi: not null };

    /// <summary>EASI the day before week 16 over baseline EASI, of the allocated arm's trajectory.</summary>
    public static double Worsening(DemoParticipant p) =>
        (double)(DemoTrajectory.Easi(p, Week16Day - 1) / Math.Max(1m, DemoTrajectory.Easi(p, 0)));
}
