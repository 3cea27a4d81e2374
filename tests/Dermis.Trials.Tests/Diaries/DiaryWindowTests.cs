using Dermis.Trials.Diaries;
using static Dermis.Trials.Tests.Diaries.DiaryFixtures;

namespace Dermis.Trials.Tests.Diaries;

public sealed class DiaryWindowTests
{
    private static void AssertWindow(DiaryWindow window, DateTimeOffset opensUtc, TimeSpan opensOffset, DateTimeOffset closesUtc, TimeSpan closesOffset, int hours)
    {
        // DateTimeOffset equality compares instants only, so the offsets are asserted separately.
        Assert.Equal(opensUtc, window.Opens);
        Assert.Equal(opensOffset, window.Opens.Offset);
        Assert.Equal(closesUtc, window.Closes);
        Assert.Equal(closesOffset, window.Closes.Offset);
        Assert.Equal(TimeSpan.FromHours(hours), window.Closes - window.Opens);
    }

    [Fact]
    public void For_berlin_spring_forward_night_is_16_hours()
    {
        // 2026-03-28 18:00 CET (+01) = 17:00Z; 2026-03-29 11:00 CEST (+02) = 09:00Z (clocks 02:00 → 03:00 in between).
        // 09:00Z − 17:00Z the day before = 16 h, not the nominal 17 h.
        AssertWindow(DiaryWindow.For(Itch, Date(2026, 3, 28), Berlin), Utc(2026, 3, 28, 17), TimeSpan.FromHours(1), Utc(2026, 3, 29, 9), TimeSpan.FromHours(2), 16);
    }

    [Fact]
    public void For_berlin_fall_back_night_is_18_hours()
    {
        // 2026-10-24 18:00 CEST (+02) = 16:00Z; 2026-10-25 11:00 CET (+01) = 10:00Z (clocks 03:00 → 02:00): 18 h.
        AssertWindow(DiaryWindow.For(Itch, Date(2026, 10, 24), Berlin), Utc(2026, 10, 24, 16), TimeSpan.FromHours(2), Utc(2026, 10, 25, 10), TimeSpan.FromHours(1), 18);
    }

    [Fact]
    public void For_berlin_ordinary_summer_night_is_17_hours()
    {
        // 2026-06-15 18:00 CEST = 16:00Z; 2026-06-16 11:00 CEST = 09:00Z: 24 − 7 = 17 h.
        AssertWindow(DiaryWindow.For(Itch, Date(2026, 6, 15), Berlin), Utc(2026, 6, 15, 16), TimeSpan.FromHours(2), Utc(2026, 6, 16, 9), TimeSpan.FromHours(2), 17);
    }

    [Fact]
    public void For_berlin_ordinary_winter_night_is_17_hours()
    {
        // 2026-01-15 18:00 CET = 17:00Z; 2026-01-16 11:00 CET = 10:00Z.
        AssertWindow(DiaryWindow.For(Itch, Date(2026, 1, 15), Berlin), Utc(2026, 1, 15, 17), TimeSpan.FromHours(1), Utc(2026, 1, 16, 10), TimeSpan.FromHours(1), 17);
    }

    [Fact]
    public void For_new_york_spring_forward_night_is_16_hours()
    {
        // US DST starts Sunday 2026-03-08 02:00 EST → 03:00 EDT.
        // 2026-03-07 18:00 EST (−05) = 23:00Z; 2026-03-08 11:00 EDT (−04) = 15:00Z: 16 h.
        AssertWindow(DiaryWindow.For(Itch, Date(2026, 3, 7), NewYork), Utc(2026, 3, 7, 23), TimeSpan.FromHours(-5), Utc(2026, 3, 8, 15), TimeSpan.FromHours(-4), 16);
    }

    [Fact]
    public void For_new_york_fall_back_night_is_18_hours()
    {
        // US DST ends Sunday 2026-11-01 02:00 EDT → 01:00 EST.
        // 2026-10-31 18:00 EDT (−04) = 22:00Z; 2026-11-01 11:00 EST (−05) = 16:00Z: 18 h.
        AssertWindow(DiaryWindow.For(Itch, Date(2026, 10, 31), NewYork), Utc(2026, 10, 31, 22), TimeSpan.FromHours(-4), Utc(2026, 11, 1, 16), TimeSpan.FromHours(-5), 18);
    }

    [Fact]
    public void For_tokyo_has_no_dst_and_is_always_17_hours()
    {
        // JST is +09 all year: 2026-03-07 18:00 = 09:00Z; 2026-03-08 11:00 = 02:00Z.
        AssertWindow(DiaryWindow.For(Itch, Date(2026, 3, 7), Tokyo), Utc(2026, 3, 7, 9), TimeSpan.FromHours(9), Utc(2026, 3, 8, 2), TimeSpan.FromHours(9), 17);

        // The Berlin fall-back date is an ordinary night in Tokyo: 2026-10-24 18:00 = 09:00Z; 2026-10-25 11:00 = 02:00Z.
        AssertWindow(DiaryWindow.For(Itch, Date(2026, 10, 24), Tokyo), Utc(2026, 10, 24, 9), TimeSpan.FromHours(9), Utc(2026, 10, 25, 2), TimeSpan.FromHours(9), 17);
    }

    [Fact]
    public void For_sydney_dst_end_in_april_is_18_hours()
    {
        // Southern hemisphere: AEDT (+11) ends Sunday 2026-04-05 03:00 → 02:00 AEST (+10).
        // 2026-04-04 18:00 AEDT = 07:00Z; 2026-04-05 11:00 AEST = 01:00Z: 18 h.
        AssertWindow(DiaryWindow.For(Itch, Date(2026, 4, 4), Sydney), Utc(2026, 4, 4, 7), TimeSpan.FromHours(11), Utc(2026, 4, 5, 1), TimeSpan.FromHours(10), 18);
    }

    [Fact]
    public void For_sydney_dst_start_in_october_is_16_hours()
    {
        // AEDT starts Sunday 2026-10-04 02:00 AEST → 03:00 AEDT.
        // 2026-10-03 18:00 AEST (+10) = 08:00Z; 2026-10-04 11:00 AEDT (+11) = 00:00Z: 16 h.
        AssertWindow(DiaryWindow.For(Itch, Date(2026, 10, 3), Sydney), Utc(2026, 10, 3, 8), TimeSpan.FromHours(10), Utc(2026, 10, 4, 0), TimeSpan.FromHours(11), 16);
    }

    [Fact]
    public void For_same_protocol_on_one_date_gives_different_instants_per_zone()
    {
        // 2026-03-28 18:00 local: Berlin CET +01 → 17:00Z; New York EDT −04 (US DST began 03-08) → 22:00Z;
        // Tokyo +09 → 09:00Z; Sydney AEDT +11 → 07:00Z.
        Assert.Equal(Utc(2026, 3, 28, 17), DiaryWindow.For(Itch, Date(2026, 3, 28), Berlin).Opens);
        Assert.Equal(Utc(2026, 3, 28, 22), DiaryWindow.For(Itch, Date(2026, 3, 28), NewYork).Opens);
        Assert.Equal(Utc(2026, 3, 28, 9), DiaryWindow.For(Itch, Date(2026, 3, 28), Tokyo).Opens);
        Assert.Equal(Utc(2026, 3, 28, 7), DiaryWindow.For(Itch, Date(2026, 3, 28), Sydney).Opens);

        // 2026-03-29 11:00 local: Berlin CEST +02 → 09:00Z; New York −04 → 15:00Z; Tokyo → 02:00Z; Sydney +11 → 00:00Z.
        Assert.Equal(Utc(2026, 3, 29, 9), DiaryWindow.For(Itch, Date(2026, 3, 28), Berlin).Closes);
        Assert.Equal(Utc(2026, 3, 29, 15), DiaryWindow.For(Itch, Date(2026, 3, 28), NewYork).Closes);
        Assert.Equal(Utc(2026, 3, 29, 2), DiaryWindow.For(Itch, Date(2026, 3, 28), Tokyo).Closes);
        Assert.Equal(Utc(2026, 3, 29, 0), DiaryWindow.For(Itch, Date(2026, 3, 28), Sydney).Closes);
    }

    [Fact]
    public void For_opening_in_spring_forward_gap_moves_forward_by_the_gap()
    {
        // 02:30 does not exist in Berlin on 2026-03-29 (02:00 CET → 03:00 CEST): read with the offset
        // before the gap, 02:30 − 01:00 = 01:30Z, which the clocks show as 03:30 CEST.
        var window = DiaryWindow.For(Opening(2, 30), Date(2026, 3, 29), Berlin);

        Assert.Equal(Utc(2026, 3, 29, 1, 30), window.Opens);
        Assert.Equal(new TimeOnly(3, 30), TimeOnly.FromDateTime(window.Opens.DateTime));
        Assert.Equal(TimeSpan.FromHours(2), window.Opens.Offset);
    }

    [Fact]
    public void For_opening_at_ambiguous_fall_back_time_takes_first_occurrence()
    {
        // 02:30 shows twice in Berlin on 2026-10-25: at +02 (00:30Z) and again at +01 (01:30Z); the first is taken.
        var window = DiaryWindow.For(Opening(2, 30), Date(2026, 10, 25), Berlin);

        Assert.Equal(Utc(2026, 10, 25, 0, 30), window.Opens);
        Assert.Equal(TimeSpan.FromHours(2), window.Opens.Offset);
    }

    [Fact]
    public void For_new_york_gap_and_ambiguous_times_follow_the_same_rules()
    {
        // 02:30 on 2026-03-08 is in the gap: 02:30 EST (−05) = 07:30Z, shown as 03:30 EDT.
        Assert.Equal(Utc(2026, 3, 8, 7, 30), DiaryWindow.For(Opening(2, 30), Date(2026, 3, 8), NewYork).Opens);

        // 01:30 on 2026-11-01 shows twice: first at EDT (−04) = 05:30Z, again at EST (−05) = 06:30Z.
        Assert.Equal(Utc(2026, 11, 1, 5, 30), DiaryWindow.For(Opening(1, 30), Date(2026, 11, 1), NewYork).Opens);
    }

    [Fact]
    public void For_closing_same_day_is_allowed_and_closing_before_opening_same_day_is_refused()
    {
        // Opens 08:00, closes 20:00 on the due date: 2026-06-15 06:00Z – 18:00Z in Berlin (+02), 12 h.
        var sameDay = DiaryWindow.For(Opening(8, 0, closesHour: 20, closesAfterDays: 0), Date(2026, 6, 15), Berlin);
        Assert.Equal(Utc(2026, 6, 15, 6), sameDay.Opens);
        Assert.Equal(Utc(2026, 6, 15, 18), sameDay.Closes);

        Assert.Throws<ArgumentOutOfRangeException>(() => DiaryWindow.For(Opening(18, 0, closesHour: 11, closesAfterDays: 0), Date(2026, 6, 15), Berlin));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiaryWindow.For(Opening(18, 0, closesHour: 11, closesAfterDays: -1), Date(2026, 6, 15), Berlin));
    }

    [Fact]
    public void Contains_includes_opening_and_excludes_closing_instant()
    {
        // Berlin 2026-03-28 window: [17:00Z, 09:00Z next day).
        var window = DiaryWindow.For(Itch, Date(2026, 3, 28), Berlin);

        Assert.False(window.Contains(Utc(2026, 3, 28, 16, 59)));
        Assert.True(window.Contains(Utc(2026, 3, 28, 17)));
        Assert.True(window.Contains(At(2026, 3, 29, 10, 59, 2))); // 08:59Z
        Assert.False(window.Contains(Utc(2026, 3, 29, 9)));

        // Instants, not wall clocks: 13:00 in New York (−04) on 2026-03-28 is 17:00Z, inside.
        Assert.True(window.Contains(At(2026, 3, 28, 13, 0, -4)));
    }

    [Fact]
    public void Equals_compares_date_and_instants_not_zone_or_offsets()
    {
        var computed = DiaryWindow.For(Itch, Date(2026, 3, 28), Berlin);
        var stored = new DiaryWindow(Date(2026, 3, 28), Utc(2026, 3, 28, 17), Utc(2026, 3, 29, 9));

        Assert.Equal(stored, computed);
        Assert.Equal(stored.GetHashCode(), computed.GetHashCode());
        Assert.NotEqual(stored, stored with { Date = Date(2026, 3, 27) });
    }
}
