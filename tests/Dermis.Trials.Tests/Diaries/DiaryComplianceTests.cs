using Dermis.Trials.Diaries;
using static Dermis.Trials.Tests.Diaries.DiaryFixtures;

namespace Dermis.Trials.Tests.Diaries;

public sealed class DiaryComplianceTests
{
    private static DiaryWindow Window(DateOnly date) => DiaryWindow.For(Itch, date, Berlin);

    // Berlin daily itch diary due 2026-06-01 … 06-10, entries on 06-01, 06-02, 06-04, 06-05, 06-07 and 06-10.
    private static readonly DateOnly[] _due = [.. Enumerable.Range(0, 10).Select(d => Date(2026, 6, 1).AddDays(d))];

    private static readonly HashSet<DateOnly> _entered = [Date(2026, 6, 1), Date(2026, 6, 2), Date(2026, 6, 4), Date(2026, 6, 5), Date(2026, 6, 7), Date(2026, 6, 10)];

    [Fact]
    public void Of_counts_closed_windows_only_with_trailing_missed_run()
    {
        // Now 2026-06-10 12:00 CEST = 10:00Z. The window of 06-09 closed 06-10 11:00 CEST = 09:00Z ≤ now;
        // 06-10's closes 06-11 09:00Z > now. Expected = 06-01 … 06-09 = 9; completed = 01, 02, 04, 05, 07 = 5;
        // missed = 9 − 5 = 4 (03, 06, 08, 09); trailing run after 06-07 = 08, 09 = 2; rate = 5 / 9;
        // last entry = 06-10 (entered in its open window).
        var summary = DiaryCompliance.Of(_due, _entered, Date(2026, 6, 10), Utc(2026, 6, 10, 10), Window);

        Assert.Equal(new DiaryComplianceSummary(9, 5, 4, 5m / 9m, Date(2026, 6, 10), 2), summary);
        Assert.Equal(0.5555555555555555555555555556m, summary.Rate);
    }

    [Fact]
    public void Of_window_closing_exactly_now_is_expected()
    {
        // Now 2026-06-10 09:00Z = the close of 06-09's window: 06-09 is expected. One minute earlier it is not:
        // 8 expected (06-01 … 06-08), 5 completed, 3 missed, trailing run = 06-08 = 1, rate 5/8 = 0.625.
        Assert.Equal(9, DiaryCompliance.Of(_due, _entered, Date(2026, 6, 10), Utc(2026, 6, 10, 9), Window).Expected);

        var before = DiaryCompliance.Of(_due, _entered, Date(2026, 6, 10), Utc(2026, 6, 10, 8, 59), Window);
        Assert.Equal(new DiaryComplianceSummary(8, 5, 3, 0.625m, Date(2026, 6, 10), 1), before);
    }

    [Fact]
    public void Of_ends_with_an_entry_has_no_trailing_missed()
    {
        // Now 2026-06-08 10:00Z (12:00 CEST): 06-07's window closed 06-08 09:00Z. Expected 06-01 … 06-07 = 7,
        // completed 01, 02, 04, 05, 07 = 5, missed 2, trailing 0, rate 5/7; last entry on or before today 06-08 = 06-07.
        var summary = DiaryCompliance.Of(_due, _entered, Date(2026, 6, 8), Utc(2026, 6, 8, 10), Window);

        Assert.Equal(new DiaryComplianceSummary(7, 5, 2, 5m / 7m, Date(2026, 6, 7), 0), summary);
    }

    [Fact]
    public void Of_nothing_closed_yet_has_no_rate()
    {
        // Now 2026-06-01 20:00Z: the first window (06-01 16:00Z – 06-02 09:00Z) is open; no entries yet.
        var summary = DiaryCompliance.Of(_due, new HashSet<DateOnly>(), Date(2026, 6, 1), Utc(2026, 6, 1, 20), Window);

        Assert.Equal(new DiaryComplianceSummary(0, 0, 0, null, null, 0), summary);
    }

    [Fact]
    public void Of_all_missed_counts_every_window_in_the_trailing_run()
    {
        // Now 2026-06-12 10:00Z: all 10 windows closed (06-10's at 06-11 09:00Z); nothing entered.
        var summary = DiaryCompliance.Of(_due, new HashSet<DateOnly>(), Date(2026, 6, 12), Utc(2026, 6, 12, 10), Window);

        Assert.Equal(new DiaryComplianceSummary(10, 0, 10, 0m, null, 10), summary);
    }

    [Fact]
    public void Of_computes_windows_only_back_to_the_first_closed_one()
    {
        // Now 2026-06-10 10:00Z: 06-10's window (open) and 06-09's (closed 09:00Z) are computed; 06-01 … 06-08 closed before it.
        var asked = new List<DateOnly>();
        var summary = DiaryCompliance.Of(_due, _entered, Date(2026, 6, 10), Utc(2026, 6, 10, 10), d =>
        {
            asked.Add(d);
            return Window(d);
        });

        Assert.Equal([Date(2026, 6, 10), Date(2026, 6, 9)], asked);
        Assert.Equal(9, summary.Expected);
    }

    [Theory]
    [InlineData(2, 3, "0.6666666666666666666666666667")]
    [InlineData(0, 6, "0")]
    [InlineData(6, 6, "1")]
    public void Rate_is_an_exact_decimal_division(int completed, int expected, string rate)
    {
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), DiaryCompliance.Rate(completed, expected));
    }

    [Fact]
    public void Rate_of_nothing_expected_is_null()
    {
        Assert.Null(DiaryCompliance.Rate(0, 0));
    }

    [Fact]
    public void Of_accepts_due_dates_in_any_order()
    {
        DateOnly[] shuffled = [.. _due.Reverse()];

        Assert.Equal(
            DiaryCompliance.Of(_due, _entered, Date(2026, 6, 10), Utc(2026, 6, 10, 10), Window),
            DiaryCompliance.Of(shuffled, _entered, Date(2026, 6, 10), Utc(2026, 6, 10, 10), Window));
    }
}
