using Dermis.Trials.Protocol;
using Dermis.Trials.Schedule;

namespace Dermis.Trials.Tests.Domain;

public sealed class VisitWindowTests
{
    private static readonly DateOnly _anchor = new(2026, 9, 1);

    private static VisitDefinition Visit(int day, int before, int after, bool unscheduled = false) =>
        new($"d{day}", $"Day {day}", day, before, after, IsAnchor: day == 1, unscheduled, []);

    private static VisitWindow Window(int day, int before = 0, int after = 0) => VisitWindow.For(Visit(day, before, after), _anchor)!;

    [Theory]
    [InlineData(1, "2026-09-01")] // the anchor itself
    [InlineData(2, "2026-09-02")] // anchor + 1
    [InlineData(29, "2026-09-29")] // anchor + 28
    [InlineData(113, "2026-12-22")] // anchor + 112: 29 (Sep) + 31 (Oct) + 30 (Nov) + 22
    [InlineData(365, "2027-08-31")] // anchor + 364
    [InlineData(-1, "2026-08-31")] // no day 0: day -1 is the day before the anchor
    [InlineData(-28, "2026-08-04")] // anchor − 28
    public void For_target_skips_day_0(int day, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Window(day).Target);
    }

    [Fact]
    public void For_day_29_window_3_spans_26_sep_to_2_oct()
    {
        Assert.Equal(new VisitWindow(new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 26), new DateOnly(2026, 10, 2)), Window(29, 3, 3));
    }

    [Fact]
    public void For_screening_day_minus_28_window_after_27_ends_on_day_minus_1()
    {
        // docs/protocol.md: screening day -28, windowBefore 0, windowAfter 27 covers days −28 … −1.
        Assert.Equal(new VisitWindow(new DateOnly(2026, 8, 4), new DateOnly(2026, 8, 4), new DateOnly(2026, 8, 31)), Window(-28, 0, 27));
    }

    [Fact]
    public void For_week_16_window_7_spans_days_106_to_120()
    {
        // Day 106 = anchor + 105 = 2026-12-15; day 120 = anchor + 119 = 2026-12-29.
        Assert.Equal(new VisitWindow(new DateOnly(2026, 12, 22), new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 29)), Window(113, 7, 7));
    }

    [Fact]
    public void For_asymmetric_window_uses_each_side()
    {
        Assert.Equal(new VisitWindow(new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 27), new DateOnly(2026, 10, 4)), Window(29, 2, 5));
    }

    [Fact]
    public void For_leap_day_is_counted()
    {
        var window = VisitWindow.For(Visit(2, 0, 0), new DateOnly(2028, 2, 28))!;

        Assert.Equal(new DateOnly(2028, 2, 29), window.Target);
    }

    [Fact]
    public void For_unscheduled_visit_is_null()
    {
        Assert.Null(VisitWindow.For(Visit(0, 0, 0, unscheduled: true), _anchor));
    }

    [Theory]
    [InlineData("2026-09-20", WindowStatus.Early, -6)] // 6 days before 26 Sep
    [InlineData("2026-09-25", WindowStatus.Early, -1)]
    [InlineData("2026-09-26", WindowStatus.InWindow, 0)] // first day inside
    [InlineData("2026-09-29", WindowStatus.InWindow, 0)] // target
    [InlineData("2026-10-02", WindowStatus.InWindow, 0)] // last day inside
    [InlineData("2026-10-03", WindowStatus.Late, 1)]
    [InlineData("2026-10-10", WindowStatus.Late, 8)] // 8 days after 2 Oct
    public void Classify_and_DaysOutside_day_29_window_3(string actual, WindowStatus status, int daysOutside)
    {
        var window = Window(29, 3, 3);
        var date = DateOnly.Parse(actual, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(status, window.Classify(date));
        Assert.Equal(daysOutside, window.DaysOutside(date));
    }

    [Fact]
    public void Classify_zero_width_window_allows_only_the_target()
    {
        var window = Window(1);

        Assert.Equal(WindowStatus.Early, window.Classify(new DateOnly(2026, 8, 31)));
        Assert.Equal(WindowStatus.InWindow, window.Classify(new DateOnly(2026, 9, 1)));
        Assert.Equal(WindowStatus.Late, window.Classify(new DateOnly(2026, 9, 2)));
        Assert.Equal((-1, 1), (window.DaysOutside(new DateOnly(2026, 8, 31)), window.DaysOutside(new DateOnly(2026, 9, 2))));
    }
}
