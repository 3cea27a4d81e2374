using Dermis.Server.Web.Charts;

namespace Dermis.Server.Tests.Web.Charts;

/// <summary>The axis algorithms on their own: nice value ranges and calendar date ticks.</summary>
public sealed class ChartScaleTests
{
    [Fact]
    public void NiceScale_0_to_72_is_0_to_80_in_steps_of_20()
    {
        // maxTicks 6 → raw step 72 / 5 = 14.4; candidates from 1 upwards, ticks = ⌈72/s⌉ − ⌊0/s⌋ + 1:
        // s=1: 73, s=2: 37, s=5: 16 (0..75), s=10: 9 (0..80), s=20: ⌈3.6⌉ + 1 = 5 ≤ 6 → 0..80 step 20.
        var range = NiceScale.For(0, 72);

        Assert.Equal(new NiceRange(0, 80, 20), range);
        Assert.Equal(5, range.TickCount);
        Assert.Equal(60, range.TickAt(3));
        Assert.Equal(0, range.Decimals);
    }

    [Fact]
    public void NiceScale_0_3_to_9_7_is_0_to_10_in_steps_of_2()
    {
        // s=0.5: ⌊0.6⌋=0 .. ⌈19.4⌉=20 → 21 ticks; s=1: 0..10 → 11; s=2: ⌊0.15⌋=0 .. ⌈4.85⌉=5 → 0..10, 6 ticks ≤ 6.
        Assert.Equal(new NiceRange(0, 10, 2), NiceScale.For(0.3, 9.7));
    }

    [Fact]
    public void NiceScale_with_fewer_ticks_takes_a_coarser_step()
    {
        // maxTicks 4: s=10 → 0..80, 9 ticks; s=20 → 5; s=50 → ⌈1.44⌉=2 → 0..100, 3 ticks ≤ 4.
        Assert.Equal(new NiceRange(0, 100, 50), NiceScale.For(0, 72, maxTicks: 4));
    }

    [Fact]
    public void NiceScale_of_a_single_value_widens_to_include_zero()
    {
        // (0, 0) → [0, 1]: s=0.1 → 11 ticks; s=0.2 → 0..1, 6 ticks.
        var zero = NiceScale.For(0, 0);
        Assert.Equal(0, zero.Min);
        Assert.Equal(1, zero.Max, 12);
        Assert.Equal(0.2, zero.Step, 12);
        Assert.Equal(6, zero.TickCount);
        Assert.Equal(1, zero.Decimals);

        // (5, 5) → [0, 5]: s=1 → 0..5, 6 ticks.
        Assert.Equal(new NiceRange(0, 5, 1), NiceScale.For(5, 5));
        // (−40, −40) → [−40, 0]: s=10 → −40..0, 5 ticks.
        Assert.Equal(new NiceRange(-40, 0, 10), NiceScale.For(-40, -40));
    }

    [Fact]
    public void NiceScale_of_negative_ranges()
    {
        // (−7.5, −2.5): s=1 → ⌊−7.5⌋=−8 .. ⌈−2.5⌉=−2 → 7 ticks; s=2 → ⌊−3.75⌋=−4 .. ⌈−1.25⌉=−1 → −8..−2, 4 ticks.
        Assert.Equal(new NiceRange(-8, -2, 2), NiceScale.For(-7.5, -2.5));
        // (−3, 7): s=1 → 11; s=2 → ⌊−1.5⌋=−2 .. ⌈3.5⌉=4 → 7; s=5 → ⌊−0.6⌋=−1 .. ⌈1.4⌉=2 → −5..10, 4 ticks.
        Assert.Equal(new NiceRange(-5, 10, 5), NiceScale.For(-3, 7));
        // Bounds the wrong way round are swapped.
        Assert.Equal(NiceScale.For(0, 72), NiceScale.For(72, 0));
    }

    [Fact]
    public void NiceScale_never_writes_negative_zero()
    {
        // (−0.3, 0): s=0.1 → −0.3..0 (4 ticks); the top is 0 × 0.1 = −0 without care.
        var range = NiceScale.For(-0.3, 0);

        Assert.False(double.IsNegative(range.Max));
        Assert.Equal(-0.3, range.Min, 12);
        Assert.Equal(0.1, range.Step, 12);
    }

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(-1e308, 1e308)]
    [InlineData(1e-300, 2e-300)]
    public void NiceScale_survives_extreme_input(double min, double max)
    {
        var range = NiceScale.For(min, max, maxTicks: 1);

        Assert.True(double.IsFinite(range.Step) && range.Step > 0);
        Assert.InRange(range.TickCount, 2, 3);
    }

    [Fact]
    public void NiceScale_covers_random_ranges_with_a_few_nice_ticks()
    {
        var random = new Random(20260302);
        for (var i = 0; i < 20_000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-4, 7));
            var a = (random.NextDouble() * 2 - 1) * magnitude;
            var b = random.Next(4) == 0 ? a : (random.NextDouble() * 2 - 1) * magnitude;
            var maxTicks = random.Next(3, 11);

            var range = NiceScale.For(a, b, maxTicks);

            var context = $"For({a}, {b}, {maxTicks}) = {range}";
            var tolerance = range.Step * 1e-9;
            Assert.True(range.Min <= Math.Min(a, b) + tolerance && range.Max >= Math.Max(a, b) - tolerance, context);
            Assert.True(range.TickCount >= 2 && range.TickCount <= maxTicks, context);
            var mantissa = range.Step / Math.Pow(10, Math.Floor(Math.Log10(range.Step) + 1e-12));
            Assert.True(Math.Abs(mantissa - 1) < 1e-9 || Math.Abs(mantissa - 2) < 1e-9 || Math.Abs(mantissa - 5) < 1e-9, context);
            Assert.True(Math.Abs(range.Min / range.Step - Math.Round(range.Min / range.Step)) < 1e-6, context);
            Assert.True(Math.Abs(range.Max / range.Step - Math.Round(range.Max / range.Step)) < 1e-6, context);
        }
    }

    [Fact]
    public void DateTicks_for_two_weeks_are_Mondays()
    {
        // 2 Mar 2026 is a Monday; 15 days: daily would be 15 ticks > 8, weekly gives Mondays 2, 9, 16 Mar.
        var ticks = DateTicks.For(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 16));

        Assert.Equal(DateTickUnit.Week, ticks.Unit);
        Assert.Equal(1, ticks.Count);
        Assert.Equal(["2 Mar", "9 Mar", "16 Mar"], ticks.Ticks.Select(ticks.Label));
    }

    [Fact]
    public void DateTicks_for_a_few_days_are_daily()
    {
        var ticks = DateTicks.For(new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 2));

        Assert.Equal(DateTickUnit.Day, ticks.Unit);
        Assert.Equal(["30 Dec", "31 Dec", "1 Jan", "2 Jan"], ticks.Ticks.Select(ticks.Label));
    }

    [Fact]
    public void DateTicks_for_six_months_are_monthly()
    {
        // 15 Jan – 15 Jul 2026: fortnightly from Monday 19 Jan would be 13 ticks > 8;
        // monthly: the 1st of Feb … Jul = 6 ticks (1 Jan is before the span).
        var ticks = DateTicks.For(new DateOnly(2026, 1, 15), new DateOnly(2026, 7, 15));

        Assert.Equal(DateTickUnit.Month, ticks.Unit);
        Assert.Equal(["Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026", "Jul 2026"], ticks.Ticks.Select(ticks.Label));
    }

    [Fact]
    public void DateTicks_for_three_years_are_half_years_or_years()
    {
        var from = new DateOnly(2023, 6, 1);
        var to = new DateOnly(2026, 6, 1);

        // Quarters: Jul, Oct 2023 + 4 + 4 + Jan, Apr 2026 = 12 > 8; half-years (Jan/Jul): 6.
        var halfYears = DateTicks.For(from, to);
        Assert.Equal(DateTickUnit.Quarter, halfYears.Unit);
        Assert.Equal(2, halfYears.Count);
        Assert.Equal(["Jul 2023", "Jan 2024", "Jul 2024", "Jan 2025", "Jul 2025", "Jan 2026"], halfYears.Ticks.Select(halfYears.Label));

        // With room for 4 labels: half-years (6) are too many; years give 1 Jan 2024, 2025, 2026.
        var years = DateTicks.For(from, to, maxTicks: 4);
        Assert.Equal(DateTickUnit.Year, years.Unit);
        Assert.Equal(["2024", "2025", "2026"], years.Ticks.Select(years.Label));
    }

    [Fact]
    public void DateTicks_survive_the_ends_of_the_calendar()
    {
        var all = DateTicks.For(DateOnly.MinValue, DateOnly.MaxValue);
        Assert.InRange(all.Ticks.Count, 1, 8);

        var last = DateTicks.For(DateOnly.MaxValue.AddDays(-2), DateOnly.MaxValue);
        Assert.Equal(DateTickUnit.Day, last.Unit);
        Assert.Equal(3, last.Ticks.Count);
    }
}
