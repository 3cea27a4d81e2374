using System.Globalization;

namespace Dermis.Sensing.Sweat;

/// <summary>Settings of <see cref="InflammationIndex.Compute"/> a protocol can set.</summary>
public sealed record InflammationIndexOptions
{
    /// <summary>The defaults: a 7-day baseline, every cytokine in the readings.</summary>
    public static InflammationIndexOptions Default { get; } = new();

    /// <summary>The first this many days with any quantifiable reading form the participant's baseline, ≥ 2; default 7.</summary>
    public int BaselineDays { get; init; } = 7;

    /// <summary>The cytokines in the index (canonical names); null (default) for every cytokine in the readings.</summary>
    public IReadOnlyList<string>? Cytokines { get; init; }
}

/// <summary>A cytokine's baseline: mean and SD of its daily log10 geometric means over the baseline days.</summary>
/// <param name="Cytokine">The analyte.</param>
/// <param name="Days">Baseline days with a quantifiable reading of it.</param>
/// <param name="MeanLog10">Mean of the daily log10 geometric means.</param>
/// <param name="SdLog10">Their sample SD (n − 1), &gt; 0.</param>
public sealed record CytokineBaseline(string Cytokine, int Days, double MeanLog10, double SdLog10);

/// <summary>A cytokine left out of the index, and why.</summary>
/// <param name="Cytokine">The analyte.</param>
/// <param name="Reason">The rule it failed, with its numbers.</param>
public sealed record ExcludedCytokine(string Cytokine, string Reason);

/// <summary>One cytokine's standardised level on one day.</summary>
/// <param name="Cytokine">The analyte.</param>
/// <param name="MeanLog10">The day's mean log10 concentration (log10 of the daily geometric mean), all locations pooled.</param>
/// <param name="Z">(MeanLog10 − baseline mean) / baseline SD.</param>
public sealed record CytokineZScore(string Cytokine, double MeanLog10, double Z);

/// <summary>The inflammation index of one day.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="IsBaseline">True for the baseline days (their index describes the baseline's own spread).</param>
/// <param name="Index">Mean of the cytokines' z-scores; null when no included cytokine was quantifiable that day.</param>
/// <param name="ZScores">The z-score of each included cytokine quantifiable that day, ordered by name.</param>
public sealed record InflammationIndexDay(DateOnly Day, bool IsBaseline, double? Index, IReadOnlyList<CytokineZScore> ZScores);

/// <summary>A participant's daily inflammation index with the baselines it used and the cytokines it left out.</summary>
/// <param name="Days">Every day with a quantifiable reading, in date order.</param>
/// <param name="Baselines">The cytokines in the index.</param>
/// <param name="Excluded">The cytokines left out, with reasons.</param>
public sealed record InflammationIndexResult(IReadOnlyList<InflammationIndexDay> Days, IReadOnlyList<CytokineBaseline> Baselines, IReadOnlyList<ExcludedCytokine> Excluded);

/// <summary>
/// A per-participant sweat inflammation index: for each day, the mean over cytokines of the z-score of the day's log10
/// geometric mean concentration (all skin locations pooled) against the participant's own baseline, the mean and SD
/// of the same daily value over the first <see cref="InflammationIndexOptions.BaselineDays"/> days. A composite of
/// standardised log-scale biomarkers, as inflammatory scores built from z-scored markers (e.g. the "inflammation score"
/// of van Dijk et al., summed z-scores of log-transformed markers, Eur J Epidemiol 2016; doi:10.1007/s10654-016-0128-3);
/// the self-referenced baseline follows the n-of-1 design of wearable monitoring (biomarkers.md §2.4).
/// </summary>
/// <remarks>
/// A cytokine is left out when it has fewer than 2 baseline days with a quantifiable reading (no SD) or when its
/// baseline SD is 0 (no scale); the reason is returned. Readings &lt; LOD do not enter the daily geometric mean.
/// </remarks>
public static class InflammationIndex
{
    /// <summary>Computes the daily index for one participant's readings.</summary>
    /// <param name="readings">The participant's readings, any order.</param>
    /// <param name="options">Baseline length and cytokines; default <see cref="InflammationIndexOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">A reading is invalid or BaselineDays &lt; 2.</exception>
    public static InflammationIndexResult Compute(IReadOnlyList<CytokineReading> readings, InflammationIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(readings);
        options ??= InflammationIndexOptions.Default;
        if (options.BaselineDays < 2)
        {
            throw new ArgumentException($"BaselineDays is {options.BaselineDays}; allowed: ≥ 2 (a baseline SD needs 2 days).", nameof(options));
        }

        HashSet<string>? wanted = options.Cytokines is null ? null : new HashSet<string>(options.Cytokines, StringComparer.Ordinal);

        // Daily mean log10 per cytokine.
        var daily = new SortedDictionary<string, SortedDictionary<DateOnly, (double Sum, int Count)>>(StringComparer.Ordinal);
        var days = new SortedSet<DateOnly>();
        for (var i = 0; i < readings.Count; i++)
        {
            var r = SweatSeries.Check(readings[i], i, nameof(readings));
            if (!r.IsQuantifiable || (wanted is not null && !wanted.Contains(r.Cytokine)))
            {
                continue;
            }

            var day = DateOnly.FromDateTime(r.TimeUtc.UtcDateTime);
            days.Add(day);
            if (!daily.TryGetValue(r.Cytokine, out var perDay))
            {
                daily[r.Cytokine] = perDay = [];
            }

            perDay.TryGetValue(day, out var acc);
            perDay[day] = (acc.Sum + Math.Log10(r.Concentration!.Value), acc.Count + 1);
        }

        var baselineDays = new HashSet<DateOnly>();
        foreach (var day in days)
        {
            if (baselineDays.Count == options.BaselineDays)
            {
                break;
            }

            baselineDays.Add(day);
        }

        var baselines = new List<CytokineBaseline>();
        var excluded = new List<ExcludedCytokine>();
        foreach (var (cytokine, perDay) in daily)
        {
            var values = new List<double>();
            foreach (var (day, acc) in perDay)
            {
                if (baselineDays.Contains(day))
                {
                    values.Add(acc.Sum / acc.Count);
                }
            }

            if (values.Count < 2)
            {
                excluded.Add(new ExcludedCytokine(cytokine, $"Only {values.Count} of the {baselineDays.Count} baseline days have a quantifiable {cytokine} reading; a baseline SD needs at least 2."));
                continue;
            }

            var mean = 0.0;
            foreach (var v in values)
            {
                mean += v;
            }

            mean /= values.Count;
            var ss = 0.0;
            foreach (var v in values)
            {
                ss += (v - mean) * (v - mean);
            }

            var sd = Math.Sqrt(ss / (values.Count - 1));
            // A spread below double rounding of the mean is no spread: z-scores would be noise amplified without bound.
            if (!(sd > 1e-12 * Math.Max(1, Math.Abs(mean))))
            {
                excluded.Add(new ExcludedCytokine(cytokine, string.Create(CultureInfo.InvariantCulture, $"The {values.Count} baseline days of {cytokine} have the same daily geometric mean ({Math.Pow(10, mean):G4}); with a baseline SD of 0 a z-score is undefined.")));
                continue;
            }

            baselines.Add(new CytokineBaseline(cytokine, values.Count, mean, sd));
        }

        var result = new List<InflammationIndexDay>(days.Count);
        foreach (var day in days)
        {
            var scores = new List<CytokineZScore>(baselines.Count);
            var sum = 0.0;
            foreach (var b in baselines)
            {
                if (daily[b.Cytokine].TryGetValue(day, out var acc))
                {
                    var m = acc.Sum / acc.Count;
                    var z = (m - b.MeanLog10) / b.SdLog10;
                    scores.Add(new CytokineZScore(b.Cytokine, m, z));
                    sum += z;
                }
            }

            result.Add(new InflammationIndexDay(day, baselineDays.Contains(day), scores.Count > 0 ? sum / scores.Count : null, scores));
        }

        return new InflammationIndexResult(result, baselines, excluded);
    }
}
