using Dermis.Precision.Design;

namespace Dermis.Server.Demo;

/// <summary>
/// The demo's participants, drawn from one seed: 300 screened over 260 days, 60 screen failures, 240
/// randomised whose EASI, vIGA-AD and itch follow <see cref="TrialSimulator"/> with SOLO-like week-16
/// EASI-75 rates (placebo 15 %, active 48 %; Simpson et al., N Engl J Med 2016;375:2335).
/// </summary>
internal static class DemoCohort
{
    public const int ScreeningDays = 260;

    /// <summary>Visit weeks of the protocol after screening: baseline (0) to week 52.</summary>
    public static readonly int[] VisitWeeks = [0, 2, 4, 8, 12, 16, 24, 32, 40, 52];

    public static IReadOnlyList<DemoParticipant> Draw(DateOnly firstScreening, int screened, int seed)
    {
        var random = new Random(seed);
        var solo = TrialSettings.SoloLike(2, VisitWeeks, placeboEasi75: 0.15, activeEasi75: 0.48);
        var placebo = solo.Arms[0];
        var active = solo.Arms[1];
        // Two arms with the same profile: a participant's draws are then the same in both simulators up
        // to the profile, so one baseline has a placebo and an active future (the counterfactual pair).
        var placeboOnly = new TrialSimulator(solo with { Arms = [placebo, placebo with { Name = "placebo2" }] });
        var activeOnly = new TrialSimulator(solo with { Arms = [active with { Name = "active2" }, active] });

        // One in five fails screening (SOLO 1: 671 screened for 527 randomised is 21 %).
        var failures = new HashSet<int>();
        while (failures.Count < screened / 5)
        {
            failures.Add(random.Next(screened));
        }

        string[] reasons =
        [
            "EASI below 16 at screening (IC3)", "vIGA-AD below 3 at screening (IC4)", "Weekly PP-NRS below 4 (IC6)",
            "Systemic immunosuppressant within 4 weeks (EC2)", "Withdrew consent before baseline", "Positive hepatitis B core antibody (EC5)",
        ];
        var participants = new List<DemoParticipant>(screened);
        for (var i = 0; i < screened; i++)
        {
            var participantSeed = random.Next();
            var screenedOn = firstScreening.AddDays((int)Math.Round(((double)i * ScreeningDays / screened) + (random.NextDouble() * 2)));
            var failed = failures.Contains(i);
            SimulatedParticipant? p = null, a = null;
            string region;
            if (failed)
            {
                region = new[] { "EU", "NA", "APAC" }[random.Next(3)];
            }
            else
            {
                p = placeboOnly.Simulate(participantSeed).Participants[0];
                a = activeOnly.Simulate(participantSeed).Participants[0];
                region = p.Region;
            }

            var sex = random.NextDouble() < 0.58 ? "M" : "F";
            var height = Math.Round(sex == "M" ? 170m + (decimal)(random.NextDouble() * 22) : 158m + (decimal)(random.NextDouble() * 20), 0);
            participants.Add(new DemoParticipant
            {
                Index = i,
                Site = PickSite(region, random),
                ScreenedOn = screenedOn,
                ScreenFailReason = failed ? reasons[random.Next(reasons.Length)] : null,
                BaselineOn = screenedOn.AddDays(14 + random.Next(14)),
                Placebo = p,
                Active = a,
                // Most participants enter most days; a fifth are poor diarists (Beta-like spread).
                Adherence = random.NextDouble() < 0.2 ? 0.45 + (random.NextDouble() * 0.3) : 0.82 + (random.NextDouble() * 0.17),
                Seed = participantSeed,
                BirthYear = screenedOn.Year - (18 + (int)Math.Min(60, Math.Abs(Normal(random) * 14) + random.Next(0, 25))),
                Sex = sex,
                HeightCm = height,
                WeightKg = Math.Max(45m, Math.Round(height - 100m - 8m + (decimal)(Normal(random) * 10), 1)),
            });
        }

        return participants;
    }

    private static DemoSite PickSite(string region, Random random)
    {
        var sites = DemoSite.All.Where(s => s.Region == region).ToList();
        var pick = random.Next(sites.Sum(s => s.Capacity));
        foreach (var site in sites)
        {
            pick -= site.Capacity;
            if (pick < 0)
            {
                return site;
            }
        }

        return sites[^1];
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
