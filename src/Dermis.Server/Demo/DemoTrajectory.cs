namespace Dermis.Server.Demo;

/// <summary>
/// Values between visits for a participant's allocated trajectory: EASI and itch interpolated on the
/// study-day axis, daily worst-itch ratings with day-to-day noise, and POEM/DLQI following the EASI ratio.
/// </summary>
internal static class DemoTrajectory
{
    /// <summary>EASI on a study day (0 = baseline), linear between visits, flat beyond the last one attended.</summary>
    public static decimal Easi(DemoParticipant p, int day) => Interpolate(p, day, v => v.Easi);

    /// <summary>The weekly itch level on a study day (before baseline: the baseline level).</summary>
    public static decimal Itch(DemoParticipant p, int day) => Interpolate(p, day, v => v.Itch);

    /// <summary>Worst itch of one day, 0–10: the level plus noise (SD 0.9), the same for the same participant and day.</summary>
    public static int DailyItch(DemoParticipant p, int day)
    {
        var random = new Random(DemoSeed.Of(p.Seed, day, 17));
        var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 0.9;
        return (int)Math.Clamp(Math.Round((double)Itch(p, day) + noise), 0, 10);
    }

    /// <summary>The 7 daily ratings of the week before <paramref name="day"/>.</summary>
    public static int[] Week(DemoParticipant p, int day)
    {
        var week = new int[7];
        for (var i = 0; i < 7; i++)
        {
            week[i] = DailyItch(p, day - 7 + i);
        }

        return week;
    }

    /// <summary>POEM total: a baseline of 14–24 scaled by the EASI ratio to the power 0.7.</summary>
    public static int Poem(DemoParticipant p, int day) => Scaled(p, day, 14 + (p.Seed % 11), 0.7, 28);

    /// <summary>DLQI total: a baseline of 9–22 scaled by the EASI ratio to the power 0.6.</summary>
    public static int Dlqi(DemoParticipant p, int day) => Scaled(p, day, 9 + (p.Seed % 14), 0.6, 30);

    private static int Scaled(DemoParticipant p, int day, int baseline, double power, int max)
    {
        var ratio = (double)(Easi(p, day) / Math.Max(1m, p.Trajectory.BaselineEasi));
        var random = new Random(DemoSeed.Of(p.Seed, day, 31));
        return Math.Clamp((int)Math.Round((baseline * Math.Pow(ratio, power)) + ((random.NextDouble() - 0.5) * 3)), 0, max);
    }

    private static decimal Interpolate(DemoParticipant p, int day, Func<Dermis.Precision.Design.SimulatedVisit, decimal?> value)
    {
        var visits = p.Trajectory.Visits;
        decimal previous = value(visits[0]) ?? 0m;
        var previousDay = 0;
        if (day <= 0)
        {
            return previous;
        }

        foreach (var visit in visits.Skip(1))
        {
            if (value(visit) is not { } current)
            {
                return previous;
            }

            var visitDay = visit.Week * 7;
            if (day <= visitDay)
            {
                return previous + ((current - previous) * (day - previousDay) / (visitDay - previousDay));
            }

            (previous, previousDay) = (current, visitDay);
        }

        return previous;
    }
}
