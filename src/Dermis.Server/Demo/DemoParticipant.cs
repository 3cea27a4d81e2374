using Dermis.Precision.Design;

namespace Dermis.Server.Demo;

/// <summary>
/// One demo participant's plan: where and when they are screened, whether they fail screening, and —
/// for those randomised — both counterfactual trajectories (the same draws under placebo and active),
/// of which the arm the server allocates is used.
/// </summary>
internal sealed class DemoParticipant
{
    public required int Index { get; init; }

    public required DemoSite Site { get; init; }

    public required DateOnly ScreenedOn { get; init; }

    /// <summary>Null for a participant who passes screening; else the reason recorded with screenFail.</summary>
    public string? ScreenFailReason { get; init; }

    /// <summary>Day 1 (baseline, the anchor visit).</summary>
    public required DateOnly BaselineOn { get; init; }

    public SimulatedParticipant? Placebo { get; init; }

    public SimulatedParticipant? Active { get; init; }

    /// <summary>Share of diary days entered, before the slow decline over the year (0–1).</summary>
    public required double Adherence { get; init; }

    public required int Seed { get; init; }

    public required int BirthYear { get; init; }

    public required string Sex { get; init; }

    public required decimal WeightKg { get; init; }

    public required decimal HeightCm { get; init; }

    /// <summary>Set once the participant is screened: their screening number (SITE-0001).</summary>
    public string? Number { get; set; }

    /// <summary>Set once randomised: the arm the server allocated (read back by the unblinded sponsor).</summary>
    public string? Arm { get; set; }

    /// <summary>Set once the app is activated: the participant's bearer client.</summary>
    public HttpClient? App { get; set; }

    public DateOnly? ActivatedOn { get; set; }

    /// <summary>Visit keys by visit id once recorded.</summary>
    public Dictionary<string, long> VisitKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>What happens to this participant on which day, in order within a day.</summary>
    public SortedDictionary<DateOnly, List<Func<CancellationToken, Task>>> Agenda { get; } = [];

    /// <summary>Last day of diaries: the end of treatment, or the withdrawal visit.</summary>
    public DateOnly? DiariesUntil { get; set; }

    public bool Randomised => ScreenFailReason is null;

    public void Plan(DateOnly day, Func<CancellationToken, Task> step)
    {
        if (!Agenda.TryGetValue(day, out var steps))
        {
            Agenda[day] = steps = [];
        }

        steps.Add(step);
    }

    /// <summary>The trajectory of the allocated arm (the placebo one until the arm is known).</summary>
    public SimulatedParticipant Trajectory => Arm == "active" ? Active! : Placebo!;

    /// <summary>Week of the last visit attended; null when the participant completes week 52.</summary>
    public int? DiscontinuedAfterWeek
    {
        get
        {
            var visits = Placebo!.Visits;
            for (var v = 1; v < visits.Count; v++)
            {
                if (visits[v].DiscontinuedBefore)
                {
                    return visits[v - 1].Week;
                }
            }

            return null;
        }
    }
}
