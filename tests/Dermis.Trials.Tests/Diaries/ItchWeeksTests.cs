using Dermis.Trials.Diaries;
using static Dermis.Trials.Tests.Diaries.DiaryFixtures;

namespace Dermis.Trials.Tests.Diaries;

public sealed class ItchWeeksTests
{
    // Anchor 2026-03-10 (day 1): week 0 = days −7 … −1 = 03-03 … 03-09; week 1 = 03-10 … 03-16; week 2 = 03-17 … 03-23.
    private static readonly DateOnly _anchor = Date(2026, 3, 10);

    [Fact]
    public void Compute_baseline_week_with_4_of_7_entries_has_exact_mean()
    {
        // 03-03: 7, 03-05: 8, 03-06: 6, 03-09: 7 → (7 + 8 + 6 + 7) / 4 = 28 / 4 = 7. 03-02 is day −8, before week 0: ignored.
        var scores = new Dictionary<DateOnly, int>
        {
            [Date(2026, 3, 2)] = 10,
            [Date(2026, 3, 3)] = 7,
            [Date(2026, 3, 5)] = 8,
            [Date(2026, 3, 6)] = 6,
            [Date(2026, 3, 9)] = 7,
        };

        var weeks = ItchWeeks.Compute(scores, _anchor, 4, Date(2026, 3, 9));

        Assert.Equal([new ItchWeek(0, Date(2026, 3, 3), Date(2026, 3, 9), 4, 7m, true)], weeks);
    }

    [Fact]
    public void Compute_week_with_3_entries_and_minimum_4_has_no_mean()
    {
        // Week 1: 03-10: 5, 03-11: 4, 03-12: 6 → 3 days < 4, mean null. Week 0 has no entries: 0 days, null.
        var scores = new Dictionary<DateOnly, int>
        {
            [Date(2026, 3, 10)] = 5,
            [Date(2026, 3, 11)] = 4,
            [Date(2026, 3, 12)] = 6,
        };

        var weeks = ItchWeeks.Compute(scores, _anchor, 4, Date(2026, 3, 16));

        Assert.Equal(
            [
                new ItchWeek(0, Date(2026, 3, 3), Date(2026, 3, 9), 0, null, true),
                new ItchWeek(1, Date(2026, 3, 10), Date(2026, 3, 16), 3, null, true),
            ],
            weeks);
    }

    [Fact]
    public void Compute_full_week_mean_55_over_7_is_exact_decimal()
    {
        // Week 1: 9 + 8 + 8 + 7 + 8 + 7 + 8 = 55 → 55 / 7 = 7.857142… rounded to decimal's 96-bit mantissa: 7.8571428571428571428571428571 (29 digits).
        int[] daily = [9, 8, 8, 7, 8, 7, 8];
        var scores = new Dictionary<DateOnly, int>();
        for (var d = 0; d < daily.Length; d++)
        {
            scores[_anchor.AddDays(d)] = daily[d];
        }

        var week1 = ItchWeeks.Compute(scores, _anchor, 4, Date(2026, 3, 16))[1];

        Assert.Equal(7, week1.DaysAnswered);
        Assert.Equal(55m / 7m, week1.Mean);
        Assert.Equal(7.8571428571428571428571428571m, week1.Mean);
    }

    [Fact]
    public void Compute_current_partial_week_is_not_complete_and_ignores_later_days()
    {
        // Through 03-19 (Thursday of week 2, 03-17 … 03-23): 03-17: 3, 03-18: 5, 03-19: 4 → 12 / 3 = 4 with minimum 3;
        // the 03-20 score is after through and not counted.
        var scores = new Dictionary<DateOnly, int>
        {
            [Date(2026, 3, 17)] = 3,
            [Date(2026, 3, 18)] = 5,
            [Date(2026, 3, 19)] = 4,
            [Date(2026, 3, 20)] = 10,
        };

        var weeks = ItchWeeks.Compute(scores, _anchor, 3, Date(2026, 3, 19));

        Assert.Equal(3, weeks.Count);
        Assert.Equal(new ItchWeek(2, Date(2026, 3, 17), Date(2026, 3, 23), 3, 4m, false), weeks[2]);
    }

    [Fact]
    public void Compute_before_baseline_week_is_empty()
    {
        // Through 03-02 = day −8, before week 0 starts on 03-03.
        Assert.Empty(ItchWeeks.Compute(new Dictionary<DateOnly, int> { [Date(2026, 3, 2)] = 5 }, _anchor, 4, Date(2026, 3, 2)));
    }

    [Fact]
    public void Compute_first_day_of_baseline_week_gives_one_incomplete_week()
    {
        // Through 03-03 = day −7: week 0 with 1 entry of 6; minimum 1 → mean 6.
        var weeks = ItchWeeks.Compute(new Dictionary<DateOnly, int> { [Date(2026, 3, 3)] = 6 }, _anchor, 1, Date(2026, 3, 3));

        Assert.Equal([new ItchWeek(0, Date(2026, 3, 3), Date(2026, 3, 9), 1, 6m, false)], weeks);
    }

    [Fact]
    public void Compute_minimum_days_outside_1_to_7_is_refused()
    {
        var none = new Dictionary<DateOnly, int>();

        Assert.Throws<ArgumentOutOfRangeException>(() => ItchWeeks.Compute(none, _anchor, 0, _anchor));
        Assert.Throws<ArgumentOutOfRangeException>(() => ItchWeeks.Compute(none, _anchor, 8, _anchor));
    }

    [Fact]
    public void Compute_score_outside_0_to_10_is_refused()
    {
        var scores = new Dictionary<DateOnly, int> { [Date(2026, 3, 11)] = 11 };

        Assert.Throws<Dermis.Instruments.Scoring.InstrumentValidationException>(() => ItchWeeks.Compute(scores, _anchor, 4, Date(2026, 3, 16)));
    }
}
