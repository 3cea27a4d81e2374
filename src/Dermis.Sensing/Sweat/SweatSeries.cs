namespace Dermis.Sensing.Sweat;

/// <summary>
/// Per-location sweat cytokine series: hourly or daily summaries per cytokine × skin location, and the lesional against
/// non-lesional contrast per cytokine and day. Sweat cytokines are right-skewed and vary by site (King et al., Eur J Appl
/// Physiol 123:1727, 2023), so levels are summarised on the log scale (geometric mean) and sites are kept apart
/// (biomarkers.md §2.3: treat lesional and non-lesional sites as separate series).
/// </summary>
public static class SweatSeries
{
    /// <summary>Summaries per (cytokine, location, lesional, period), ordered by cytokine, location, lesional, then time.</summary>
    /// <param name="readings">One participant's readings (or a cohort's, when locations are named per participant), any order.</param>
    /// <param name="period">Hour or day (UTC).</param>
    /// <exception cref="ArgumentException">A reading is null or has an empty cytokine or location.</exception>
    public static IReadOnlyList<CytokineSummary> Summarise(IReadOnlyList<CytokineReading> readings, SummaryPeriod period)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var cells = new SortedDictionary<(string Cytokine, string Location, bool Lesional, DateTimeOffset Start), List<CytokineReading>>(CellComparer.Instance);
        for (var i = 0; i < readings.Count; i++)
        {
            var r = Check(readings[i], i, nameof(readings));
            var start = period == SummaryPeriod.Hour ? HourStart(r.TimeUtc) : new DateTimeOffset(r.TimeUtc.UtcDateTime.Date, TimeSpan.Zero);
            var key = (r.Cytokine, r.Location, r.Lesional, start);
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }

            list.Add(r);
        }

        var summaries = new List<CytokineSummary>(cells.Count);
        var values = new List<double>();
        foreach (var (key, list) in cells)
        {
            values.Clear();
            int belowLod = 0, failed = 0;
            foreach (var r in list)
            {
                belowLod += r.Flag == ReadingFlag.BelowLod ? 1 : 0;
                failed += r.Flag == ReadingFlag.ChannelFailed ? 1 : 0;
                if (r.IsQuantifiable)
                {
                    values.Add(r.Concentration!.Value);
                }
            }

            var meanLog = MeanLog10(values);
            summaries.Add(new CytokineSummary(
                key.Cytokine, key.Location, key.Lesional, period, key.Start, list.Count, values.Count, belowLod,
                list.Count > failed ? (double)belowLod / (list.Count - failed) : null,
                Median(values),
                meanLog,
                meanLog is { } m ? Math.Pow(10, m) : null));
        }

        return summaries;
    }

    /// <summary>
    /// Ratio of geometric means, lesional / non-lesional, per cytokine and UTC day, pooling locations on each side;
    /// only days with at least one quantifiable reading on both sides. Ordered by cytokine, then day.
    /// </summary>
    /// <param name="readings">One participant's readings, any order.</param>
    /// <exception cref="ArgumentException">A reading is null or has an empty cytokine or location.</exception>
    public static IReadOnlyList<LesionalContrast> LesionalContrasts(IReadOnlyList<CytokineReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var cells = new SortedDictionary<(string Cytokine, DateOnly Day), (double SumLesional, int Lesional, double SumOther, int Other)>(DayComparer.Instance);
        for (var i = 0; i < readings.Count; i++)
        {
            var r = Check(readings[i], i, nameof(readings));
            if (!r.IsQuantifiable)
            {
                continue;
            }

            var key = (r.Cytokine, DateOnly.FromDateTime(r.TimeUtc.UtcDateTime));
            cells.TryGetValue(key, out var acc);
            var log = Math.Log10(r.Concentration!.Value);
            cells[key] = r.Lesional ? (acc.SumLesional + log, acc.Lesional + 1, acc.SumOther, acc.Other) : (acc.SumLesional, acc.Lesional, acc.SumOther + log, acc.Other + 1);
        }

        var contrasts = new List<LesionalContrast>();
        foreach (var (key, acc) in cells)
        {
            if (acc.Lesional == 0 || acc.Other == 0)
            {
                continue;
            }

            var lesional = Math.Pow(10, acc.SumLesional / acc.Lesional);
            var other = Math.Pow(10, acc.SumOther / acc.Other);
            var log10Ratio = (acc.SumLesional / acc.Lesional) - (acc.SumOther / acc.Other);
            contrasts.Add(new LesionalContrast(key.Cytokine, key.Day, acc.Lesional, acc.Other, lesional, other, Math.Pow(10, log10Ratio), log10Ratio / Math.Log10(2)));
        }

        return contrasts;
    }

    internal static CytokineReading Check(CytokineReading? r, int index, string paramName)
    {
        if (r is null)
        {
            throw new ArgumentException($"Reading {index} is null.", paramName);
        }

        if (string.IsNullOrWhiteSpace(r.Cytokine) || string.IsNullOrWhiteSpace(r.Location))
        {
            throw new ArgumentException($"Reading {index} at {r.TimeUtc:O} has cytokine '{r.Cytokine}' and location '{r.Location}'; both must be non-empty.", paramName);
        }

        return r;
    }

    internal static double? MeanLog10(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += Math.Log10(v);
        }

        return sum / values.Count;
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }

    private static DateTimeOffset HourStart(DateTimeOffset t)
    {
        var utc = t.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private sealed class CellComparer : IComparer<(string Cytokine, string Location, bool Lesional, DateTimeOffset Start)>
    {
        public static readonly CellComparer Instance = new();

        public int Compare((string Cytokine, string Location, bool Lesional, DateTimeOffset Start) x, (string Cytokine, string Location, bool Lesional, DateTimeOffset Start) y)
        {
            var c = string.CompareOrdinal(x.Cytokine, y.Cytokine);
            c = c != 0 ? c : string.CompareOrdinal(x.Location, y.Location);
            c = c != 0 ? c : x.Lesional.CompareTo(y.Lesional);
            return c != 0 ? c : x.Start.CompareTo(y.Start);
        }
    }

    private sealed class DayComparer : IComparer<(string Cytokine, DateOnly Day)>
    {
        public static readonly DayComparer Instance = new();

        public int Compare((string Cytokine, DateOnly Day) x, (string Cytokine, DateOnly Day) y)
        {
            var c = string.CompareOrdinal(x.Cytokine, y.Cytokine);
            return c != 0 ? c : x.Day.CompareTo(y.Day);
        }
    }
}
