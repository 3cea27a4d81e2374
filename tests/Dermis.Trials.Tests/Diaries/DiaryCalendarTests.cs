using Dermis.Trials.Diaries;
using static Dermis.Trials.Tests.Diaries.DiaryFixtures;

namespace Dermis.Trials.Tests.Diaries;

public sealed class DiaryCalendarTests
{
    private static readonly DateOnly _activated = Date(2026, 3, 1);
    private static readonly DateOnly _anchor = Date(2026, 3, 10);

    [Fact]
    public void DueDates_run_in_diary_starts_the_day_after_activation()
    {
        // Activated 2026-03-01 → first due 03-02; daily through 03-05.
        var dates = DiaryCalendar.DueDates(Itch, _activated, _anchor, null, Date(2026, 3, 5));

        Assert.Equal([Date(2026, 3, 2), Date(2026, 3, 3), Date(2026, 3, 4), Date(2026, 3, 5)], dates);
    }

    [Fact]
    public void DueDates_run_in_diary_stops_at_study_day_365()
    {
        // Day 365 = anchor + 364 = 2027-03-09. From 2026-03-02: 365 days to 2027-03-02, + 7 = 372 days, so 373 dates.
        var dates = DiaryCalendar.DueDates(Itch, _activated, _anchor, null, Date(2028, 1, 1));

        Assert.Equal(373, dates.Count);
        Assert.Equal(Date(2026, 3, 2), dates[0]);
        Assert.Equal(Date(2027, 3, 9), dates[^1]);
    }

    [Fact]
    public void DueDates_run_in_diary_without_anchor_runs_to_through()
    {
        // No anchor yet: no day-365 bound; 03-02 … 03-04.
        var dates = DiaryCalendar.DueDates(Itch, _activated, null, null, Date(2026, 3, 4));

        Assert.Equal([Date(2026, 3, 2), Date(2026, 3, 3), Date(2026, 3, 4)], dates);
    }

    [Fact]
    public void DueDates_run_in_diary_before_activation_is_empty()
    {
        Assert.Empty(DiaryCalendar.DueDates(Itch, null, _anchor, null, Date(2026, 3, 20)));

        // Activated today: the first date is tomorrow.
        Assert.Empty(DiaryCalendar.DueDates(Itch, _activated, _anchor, null, _activated));
    }

    [Fact]
    public void DueDates_stop_at_ended_on_inclusive()
    {
        // Withdrawn 2026-03-03: 03-02 and 03-03 only, though through is 03-20.
        var dates = DiaryCalendar.DueDates(Itch, _activated, _anchor, Date(2026, 3, 3), Date(2026, 3, 20));

        Assert.Equal([Date(2026, 3, 2), Date(2026, 3, 3)], dates);
    }

    [Fact]
    public void DueDates_weekly_poem_from_day_1_every_7_days()
    {
        // Anchor 2026-03-10 = day 1; then 03-17 (day 8), 03-24 (day 15), 03-31 (day 22); 04-07 is after through.
        var dates = DiaryCalendar.DueDates(Poem, _activated, _anchor, null, Date(2026, 4, 6));

        Assert.Equal([Date(2026, 3, 10), Date(2026, 3, 17), Date(2026, 3, 24), Date(2026, 3, 31)], dates);
    }

    [Fact]
    public void DueDates_weekly_poem_ends_on_day_113()
    {
        // Day 113 = anchor + 112 = 2026-06-30 (03-10 + 21 = 03-31, + 30 = 04-30, + 31 = 05-31, + 30 = 06-30);
        // 112 / 7 = 16 steps, so 17 dates.
        var dates = DiaryCalendar.DueDates(Poem, null, _anchor, null, Date(2027, 1, 1));

        Assert.Equal(17, dates.Count);
        Assert.Equal(Date(2026, 6, 30), dates[^1]);
    }

    [Fact]
    public void DueDates_weekly_poem_without_anchor_is_empty()
    {
        Assert.Empty(DiaryCalendar.DueDates(Poem, _activated, null, null, Date(2026, 12, 31)));
    }

    [Fact]
    public void DueDates_from_day_minus_7_skip_day_0()
    {
        // Day −7 = anchor − 7 = 03-03; + 7 calendar days = 03-10, which is day 1 (no day 0); + 7 = 03-17 = day 8 = LastDay.
        var diary = Poem with { FirstDay = -7, LastDay = 8 };

        var dates = DiaryCalendar.DueDates(diary, null, _anchor, null, Date(2026, 12, 31));

        Assert.Equal([Date(2026, 3, 3), Date(2026, 3, 10), Date(2026, 3, 17)], dates);
    }

    [Fact]
    public void DueDates_every_0_days_is_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DiaryCalendar.DueDates(Poem with { EveryDays = 0 }, null, _anchor, null, Date(2026, 12, 31)));

        Assert.Contains("everyDays 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DueDates_through_the_last_representable_date_end_there()
    {
        // Activated 9999-12-20, no anchor: 12-21 … 12-31, 11 dates; the step past 12-31 ends the list.
        var dates = DiaryCalendar.DueDates(Itch, Date(9999, 12, 20), null, null, DateOnly.MaxValue);

        Assert.Equal(11, dates.Count);
        Assert.Equal(DateOnly.MaxValue, dates[^1]);
    }

    [Fact]
    public void IsDue_agrees_with_DueDates_on_every_date()
    {
        // Daily run-in (withdrawn 2026-03-20), weekly POEM from day 1, and from day −7 (03-03, 03-10, 03-17): 2026-02-01 … 2027-04-30.
        (Dermis.Trials.Protocol.DiaryDefinition Diary, DateOnly? Ended)[] cases = [(Itch, Date(2026, 3, 20)), (Itch, null), (Poem, null), (Poem with { FirstDay = -7, LastDay = 8 }, null)];
        foreach (var (diary, ended) in cases)
        {
            var due = DiaryCalendar.DueDates(diary, _activated, _anchor, ended, Date(2027, 4, 30)).ToHashSet();
            for (var date = Date(2026, 2, 1); date <= Date(2027, 4, 30); date = date.AddDays(1))
            {
                Assert.True(due.Contains(date) == DiaryCalendar.IsDue(diary, _activated, _anchor, ended, date), $"{diary.Id} from {diary.FirstDay} ended {ended}: {date}");
            }
        }
    }

    [Fact]
    public void IsDue_without_anchor_or_activation_is_false_and_without_anchor_a_run_in_has_no_end()
    {
        Assert.False(DiaryCalendar.IsDue(Poem, _activated, null, null, _anchor));
        Assert.False(DiaryCalendar.IsDue(Itch, null, _anchor, null, Date(2026, 3, 2)));
        Assert.False(DiaryCalendar.IsDue(Itch, _activated, null, null, _activated));
        Assert.True(DiaryCalendar.IsDue(Itch, _activated, null, null, DateOnly.MaxValue));
    }

    [Theory]
    [InlineData(1, "2026-03-10")] // the anchor
    [InlineData(2, "2026-03-11")] // anchor + 1
    [InlineData(-1, "2026-03-09")] // anchor − 1: no day 0
    [InlineData(-7, "2026-03-03")] // anchor − 7
    [InlineData(113, "2026-06-30")] // anchor + 112
    public void StudyDate_and_StudyDay_are_inverse(int day, string date)
    {
        var expected = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, DiaryCalendar.StudyDate(_anchor, day));
        Assert.Equal(day, DiaryCalendar.StudyDay(_anchor, expected));
    }

    [Fact]
    public void StudyDay_never_returns_0_and_round_trips()
    {
        for (var offset = -400; offset <= 400; offset++)
        {
            var date = _anchor.AddDays(offset);
            var day = DiaryCalendar.StudyDay(_anchor, date);

            Assert.NotEqual(0, day);
            Assert.Equal(date, DiaryCalendar.StudyDate(_anchor, day));
        }
    }

    [Fact]
    public void StudyDate_day_0_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DiaryCalendar.StudyDate(_anchor, 0));
    }

    [Fact]
    public void LocalDate_is_the_date_on_the_participants_clock()
    {
        // 2026-03-28 23:30Z is 00:30 CET on 03-29 in Berlin, 08:30 JST on 03-29 in Tokyo, 19:30 EDT on 03-28 in New York.
        var instant = Utc(2026, 3, 28, 23, 30);

        Assert.Equal(Date(2026, 3, 29), DiaryCalendar.LocalDate(instant, Berlin));
        Assert.Equal(Date(2026, 3, 29), DiaryCalendar.LocalDate(instant, Tokyo));
        Assert.Equal(Date(2026, 3, 28), DiaryCalendar.LocalDate(instant, NewYork));

        // The instant's own offset does not matter: the same instant written at −04.
        Assert.Equal(Date(2026, 3, 29), DiaryCalendar.LocalDate(At(2026, 3, 28, 19, 30, -4), Berlin));
    }
}
