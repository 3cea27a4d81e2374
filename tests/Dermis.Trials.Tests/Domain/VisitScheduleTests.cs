using Dermis.Trials.Protocol;
using Dermis.Trials.Schedule;

namespace Dermis.Trials.Tests.Domain;

public sealed class VisitScheduleTests
{
    // Day 1 = 1 Jan 2026. Screening: day −28 (study days have no day 0) → 1 Jan − 28 d = 4 Dec 2025, window +27 d → 31 Dec.
    // Week 4: day 29 → 29 Jan, ±3 → 26 Jan – 1 Feb. Week 16: day 113 → 23 Apr, ±7 → 16–30 Apr.
    private static readonly ProtocolDefinition Protocol = DomainProtocol.Create() with
    {
        Visits =
        [
            new VisitDefinition("screening", "Screening", -28, 0, 27, IsAnchor: false, IsUnscheduled: false, []),
            new VisitDefinition("baseline", "Baseline (Day 1)", 1, 0, 0, IsAnchor: true, IsUnscheduled: false, []),
            new VisitDefinition("week4", "Week 4", 29, 3, 3, IsAnchor: false, IsUnscheduled: false, []),
            new VisitDefinition("week16", "Week 16", 113, 7, 7, IsAnchor: false, IsUnscheduled: false, []),
            new VisitDefinition("unscheduled", "Unscheduled", 0, 0, 0, IsAnchor: false, IsUnscheduled: true, []),
        ],
    };

    private static readonly DateOnly DayOne = new(2026, 1, 1);

    [Fact]
    public void Recorded_visits_are_done_the_open_window_is_due_and_later_ones_upcoming_unscheduled_left_out()
    {
        var schedule = VisitSchedule.For(Protocol, DayOne, ["screening", "baseline"], new DateOnly(2026, 1, 27), followedUp: true);

        Assert.Equal(["screening", "baseline", "week4", "week16"], schedule.Select(s => s.Visit.Id));
        Assert.Equal([ScheduleState.Done, ScheduleState.Done, ScheduleState.Due, ScheduleState.Upcoming], schedule.Select(s => s.State));
        Assert.Equal(new VisitWindow(new DateOnly(2025, 12, 4), new DateOnly(2025, 12, 4), new DateOnly(2025, 12, 31)), schedule[0].Window);
        Assert.Equal(new VisitWindow(new DateOnly(2026, 1, 29), new DateOnly(2026, 1, 26), new DateOnly(2026, 2, 1)), schedule[2].Window);
        Assert.Equal(new VisitWindow(new DateOnly(2026, 4, 23), new DateOnly(2026, 4, 16), new DateOnly(2026, 4, 30)), schedule[3].Window);
    }

    [Theory]
    [InlineData("2026-01-25", ScheduleState.Upcoming)] // the day before the window opens
    [InlineData("2026-01-26", ScheduleState.Due)]      // first day inside
    [InlineData("2026-02-01", ScheduleState.Due)]      // last day inside
    [InlineData("2026-02-02", ScheduleState.Overdue)]  // the window has closed
    public void Week_4_changes_state_exactly_at_its_window_edges(string today, ScheduleState expected)
    {
        var schedule = VisitSchedule.For(Protocol, DayOne, ["screening", "baseline"], DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), followedUp: true);

        Assert.Equal(expected, schedule.Single(s => s.Visit.Id == "week4").State);
    }

    [Fact]
    public void Nothing_falls_due_without_an_anchor_date_or_after_the_participant_left()
    {
        var noAnchor = VisitSchedule.For(Protocol, null, ["screening"], new DateOnly(2026, 1, 27), followedUp: true);
        var left = VisitSchedule.For(Protocol, DayOne, ["screening", "baseline"], new DateOnly(2026, 3, 1), followedUp: false);

        Assert.Equal([ScheduleState.Done, ScheduleState.NotScheduled, ScheduleState.NotScheduled, ScheduleState.NotScheduled], noAnchor.Select(s => s.State));
        Assert.All(noAnchor, s => Assert.Null(s.Window));
        Assert.Equal([ScheduleState.Done, ScheduleState.Done, ScheduleState.NotScheduled, ScheduleState.NotScheduled], left.Select(s => s.State));
    }
}
