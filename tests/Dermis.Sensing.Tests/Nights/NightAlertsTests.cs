using Dermis.Sensing.Nights;

namespace Dermis.Sensing.Tests.Nights;

public sealed class NightAlertsTests
{
    private static readonly DateOnly First = new(2026, 3, 1);

    private static List<NightPoint> Series(params (double Scratch, double Efficiency)[] nights) =>
        nights.Select((n, i) => new NightPoint(First.AddDays(i), n.Scratch, n.Efficiency)).ToList();

    [Fact]
    public void Scratch_rising_above_baseline_by_half_and_30_seconds_per_hour_alerts_once_on_the_first_crossing_window()
    {
        // Baseline: 7 nights at 40 s/h. Then 7 nights at 40, then nights at 100 s/h.
        // Window ending night 14 (days 8–14): mean 40 → no alert. Window 9–15: (6×40 + 100)/7 = 48.6 → below 60 (= 40 × 1.5).
        // Window 10–16: (5×40 + 2×100)/7 = 57.1 → below. Window 11–17: (4×40 + 3×100)/7 = 65.7 > 60 and +25.7 s/h < 30 → no.
        // Window 12–18: (3×40 + 4×100)/7 = 74.3 > 60 and +34.3 ≥ 30 → alert on night 18 (2026-03-18).
        var nights = Series([.. Enumerable.Repeat((40.0, 0.9), 14), .. Enumerable.Repeat((100.0, 0.9), 6)]);

        var alert = Assert.Single(NightAlerts.Evaluate(nights, NightAlertRules.Default));

        Assert.Equal((new DateOnly(2026, 3, 18), "scratch"), (alert.Night, alert.Measure));
        Assert.Equal(40, alert.Baseline, 9);
        Assert.Equal(520.0 / 7, alert.RollingMean, 9);
        Assert.Equal("Nocturnal scratch rose to 74 s/h (mean of the 7 nights to 2026-03-18) from a baseline of 40 s/h (+86 %).", alert.Message);
    }

    [Fact]
    public void Sleep_efficiency_falling_ten_points_alerts_and_a_recovered_then_worse_series_alerts_again()
    {
        // Nights 1–7 at 0.90 (baseline), 8–14 at 0.80, 15–21 at 0.90, 22–28 at 0.78.
        // Window 8–14: mean 0.80, exactly 10 points lower → alert on 14 March. Window 15–21: 0.90 → clear.
        // Window 21–27: (0.90 + 6 × 0.78)/7 = 0.7971, 10.3 points lower → alert again on 27 March.
        var nights = Series([.. Enumerable.Repeat((10.0, 0.90), 7), .. Enumerable.Repeat((10.0, 0.80), 7), .. Enumerable.Repeat((10.0, 0.90), 7), .. Enumerable.Repeat((10.0, 0.78), 7)]);

        var alerts = NightAlerts.Evaluate(nights, NightAlertRules.Default);

        Assert.Equal([new DateOnly(2026, 3, 14), new DateOnly(2026, 3, 27)], alerts.Select(a => a.Night));
        Assert.All(alerts, a => Assert.Equal("sleepEfficiency", a.Measure));
    }

    [Fact]
    public void Too_few_nights_or_a_flat_series_raise_nothing()
    {
        Assert.Empty(NightAlerts.Evaluate(Series([.. Enumerable.Repeat((40.0, 0.9), 13)]), NightAlertRules.Default));
        Assert.Empty(NightAlerts.Evaluate(Series([.. Enumerable.Repeat((40.0, 0.9), 30)]), NightAlertRules.Default));
        // A near-zero baseline: 2 → 20 s/h is +900 % but only +18 s/h: no alert.
        Assert.Empty(NightAlerts.Evaluate(Series([.. Enumerable.Repeat((2.0, 0.9), 7), .. Enumerable.Repeat((20.0, 0.9), 7)]), NightAlertRules.Default));
    }
}
