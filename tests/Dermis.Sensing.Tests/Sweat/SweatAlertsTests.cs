using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

public sealed class SweatAlertsTests
{
    private static InflammationIndexDay D(int day, double? index, bool baseline = false) => new(new DateOnly(2026, 3, day), baseline, index, []);

    [Fact]
    public void Evaluate_alerts_once_per_crossing_after_k_consecutive_days()
    {
        // Baseline 1–7 (ignored even at 5.0). 9, 10, 11 ≥ 2 → alert on the 11th; 12 still high, no repeat; 13 below re-arms;
        // 14, 15 high, 16 missing breaks the run; 17, 18, 19 high → alert on the 19th.
        InflammationIndexDay[] days =
        [
            .. Enumerable.Range(1, 7).Select(d => D(d, 5.0, baseline: true)),
            D(8, 1.0), D(9, 2.5), D(10, 2.1), D(11, 2.2), D(12, 2.6), D(13, 1.5), D(14, 2.0), D(15, 2.0), D(17, 2.3), D(18, 2.4), D(19, 2.5),
        ];

        var alerts = SweatAlerts.Evaluate(days, new SweatAlertRules(2, 3));

        Assert.Equal([(new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 9)), (new DateOnly(2026, 3, 19), new DateOnly(2026, 3, 17))], alerts.Select(a => (a.Day, a.RunStart)));
        Assert.Equal("The sweat inflammation index has been ≥ 2 baseline SDs for 3 consecutive days (2026-03-09 to 2026-03-11); today 2.2.", alerts[0].Message);
    }

    [Fact]
    public void Evaluate_run_shorter_than_k_raises_nothing()
    {
        InflammationIndexDay[] days = [D(8, 3.0), D(9, 3.0), D(10, 1.0), D(11, 3.0), D(12, null), D(13, 3.0)];

        Assert.Empty(SweatAlerts.Evaluate(days, new SweatAlertRules(2, 3)));
    }
}
