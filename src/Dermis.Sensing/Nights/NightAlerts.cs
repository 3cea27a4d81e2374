namespace Dermis.Sensing.Nights;

/// <summary>When a participant's nights should alert the site (the protocol's <c>sensing.alerts</c>, docs/protocol.md).</summary>
/// <param name="BaselineNights">The first nights whose mean is the participant's own baseline.</param>
/// <param name="RollingNights">Nights in the rolling mean compared with it.</param>
/// <param name="ScratchIncreasePercent">Alert when the rolling mean of scratch seconds per hour exceeds the baseline by this many percent…</param>
/// <param name="ScratchIncreaseMinimumSecondsPerHour">…and by at least this many seconds per hour (so a near-zero baseline does not alert on noise).</param>
/// <param name="SleepEfficiencyDropPoints">Alert when the rolling mean of sleep efficiency falls this many percentage points below the baseline.</param>
public sealed record NightAlertRules(int BaselineNights, int RollingNights, double ScratchIncreasePercent, double ScratchIncreaseMinimumSecondsPerHour, double SleepEfficiencyDropPoints)
{
    /// <summary>Defaults: a 7-night baseline, a 7-night rolling mean, scratch +50 % and +30 s/h, sleep efficiency −10 points.</summary>
    public static NightAlertRules Default { get; } = new(7, 7, 50, 30, 10);
}

/// <summary>One night of a participant's series.</summary>
/// <param name="Night">The evening's date.</param>
/// <param name="ScratchSecondsPerHour">Scratch seconds per hour of sleep opportunity.</param>
/// <param name="SleepEfficiency">Sleep efficiency, 0–1.</param>
public readonly record struct NightPoint(DateOnly Night, double ScratchSecondsPerHour, double SleepEfficiency);

/// <summary>A worsening against the participant's own baseline.</summary>
/// <param name="Night">The last night of the rolling window that crossed the threshold.</param>
/// <param name="Measure">scratch or sleepEfficiency.</param>
/// <param name="Baseline">Baseline mean.</param>
/// <param name="RollingMean">The rolling mean that crossed.</param>
/// <param name="Message">What the site reads.</param>
public sealed record NightAlert(DateOnly Night, string Measure, double Baseline, double RollingMean, string Message);

/// <summary>
/// Worsening of nocturnal scratch or sleep against the participant's own baseline: the mean of the
/// first <see cref="NightAlertRules.BaselineNights"/> nights, compared with the mean of every later
/// window of <see cref="NightAlertRules.RollingNights"/> consecutive recorded nights. An alert is
/// raised on the first window that crosses, and again only after a window back below the threshold.
/// </summary>
public static class NightAlerts
{
    /// <summary>The alerts of a series (nights in any order; one point per night).</summary>
    public static IReadOnlyList<NightAlert> Evaluate(IReadOnlyList<NightPoint> nights, NightAlertRules rules)
    {
        ArgumentNullException.ThrowIfNull(nights);
        ArgumentNullException.ThrowIfNull(rules);
        var ordered = nights.OrderBy(n => n.Night).ToList();
        var alerts = new List<NightAlert>();
        if (ordered.Count < rules.BaselineNights + rules.RollingNights)
        {
            return alerts;
        }

        var baseline = ordered.Take(rules.BaselineNights).ToList();
        var scratchBaseline = baseline.Average(n => n.ScratchSecondsPerHour);
        var efficiencyBaseline = baseline.Average(n => n.SleepEfficiency);
        bool scratchHigh = false, sleepLow = false;
        for (var end = rules.BaselineNights + rules.RollingNights; end <= ordered.Count; end++)
        {
            var window = ordered.Skip(end - rules.RollingNights).Take(rules.RollingNights).ToList();
            var scratch = window.Average(n => n.ScratchSecondsPerHour);
            var efficiency = window.Average(n => n.SleepEfficiency);
            var night = window[^1].Night;
            var scratchCrossed = scratch > scratchBaseline * (1 + (rules.ScratchIncreasePercent / 100)) && scratch - scratchBaseline >= rules.ScratchIncreaseMinimumSecondsPerHour;
            if (scratchCrossed && !scratchHigh)
            {
                alerts.Add(new NightAlert(night, "scratch", scratchBaseline, scratch,
                    $"Nocturnal scratch rose to {scratch:0} s/h (mean of the {rules.RollingNights} nights to {night:yyyy-MM-dd}) from a baseline of {scratchBaseline:0} s/h (+{(scratch / Math.Max(scratchBaseline, 1e-9) - 1) * 100:0} %)."));
            }

            // A drop of exactly the threshold counts: compare with a tolerance far below any reported precision.
            var sleepCrossed = ((efficiencyBaseline - efficiency) * 100) >= rules.SleepEfficiencyDropPoints - 1e-9;
            if (sleepCrossed && !sleepLow)
            {
                alerts.Add(new NightAlert(night, "sleepEfficiency", efficiencyBaseline, efficiency,
                    $"Sleep efficiency fell to {efficiency * 100:0} % (mean of the {rules.RollingNights} nights to {night:yyyy-MM-dd}) from a baseline of {efficiencyBaseline * 100:0} %."));
            }

            (scratchHigh, sleepLow) = (scratchCrossed, sleepCrossed);
        }

        return alerts;
    }
}
