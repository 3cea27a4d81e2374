using System.Globalization;

namespace Dermis.Sensing.Sweat;

/// <summary>When a participant's sweat inflammation index should alert the site (the protocol's sweat alert rule).</summary>
/// <param name="IndexThreshold">Alert when the index is ≥ this many baseline SDs (z), finite; default 2.</param>
/// <param name="ConsecutiveDays">…on this many consecutive calendar days after the baseline, ≥ 1; default 3.</param>
public sealed record SweatAlertRules(double IndexThreshold, int ConsecutiveDays)
{
    /// <summary>Defaults: index ≥ 2 on 3 consecutive days.</summary>
    public static SweatAlertRules Default { get; } = new(2, 3);
}

/// <summary>A sustained rise of the sweat inflammation index.</summary>
/// <param name="Day">The day the run reached <see cref="SweatAlertRules.ConsecutiveDays"/>.</param>
/// <param name="RunStart">The first day of the run.</param>
/// <param name="Index">The index on <paramref name="Day"/>.</param>
/// <param name="Message">What the site reads.</param>
public sealed record SweatAlert(DateOnly Day, DateOnly RunStart, double Index, string Message);

/// <summary>
/// Alerts on the sweat inflammation index (<see cref="InflammationIndex"/>): one alert when the index stays at or above
/// the threshold for K consecutive calendar days after the baseline, raised on the K-th day; no further alert until a
/// day with the index below the threshold (once per crossing, as <see cref="Nights.NightAlerts"/>). A day without an
/// index breaks the run but does not re-arm the alert.
/// </summary>
public static class SweatAlerts
{
    /// <summary>The alerts of one participant's index series.</summary>
    /// <param name="days">The index days (any order; baseline days are skipped).</param>
    /// <param name="rules">Threshold and run length; default <see cref="SweatAlertRules.Default"/>.</param>
    /// <exception cref="ArgumentException">The threshold is not finite or ConsecutiveDays &lt; 1.</exception>
    public static IReadOnlyList<SweatAlert> Evaluate(IReadOnlyList<InflammationIndexDay> days, SweatAlertRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        rules ??= SweatAlertRules.Default;
        if (!double.IsFinite(rules.IndexThreshold) || rules.ConsecutiveDays < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"IndexThreshold {rules.IndexThreshold} and ConsecutiveDays {rules.ConsecutiveDays}; allowed: a finite threshold and ≥ 1 day."), nameof(rules));
        }

        var ordered = new List<InflammationIndexDay>(days.Count);
        foreach (var d in days)
        {
            if (d is not null && !d.IsBaseline)
            {
                ordered.Add(d);
            }
        }

        ordered.Sort((a, b) => a.Day.CompareTo(b.Day));
        var alerts = new List<SweatAlert>();
        var armed = true;
        var run = 0;
        DateOnly runStart = default, previous = default;
        foreach (var d in ordered)
        {
            if (d.Index is not { } index)
            {
                run = 0;
                continue;
            }

            if (index < rules.IndexThreshold)
            {
                (run, armed) = (0, true);
                previous = d.Day;
                continue;
            }

            run = run > 0 && d.Day == previous.AddDays(1) ? run + 1 : 1;
            runStart = run == 1 ? d.Day : runStart;
            previous = d.Day;
            if (run >= rules.ConsecutiveDays && armed)
            {
                alerts.Add(new SweatAlert(d.Day, runStart, index, string.Create(CultureInfo.InvariantCulture,
                    $"The sweat inflammation index has been ≥ {rules.IndexThreshold:0.##} baseline SDs for {run} consecutive days ({runStart:yyyy-MM-dd} to {d.Day:yyyy-MM-dd}); today {index:0.0}.")));
                armed = false;
            }
        }

        return alerts;
    }
}
