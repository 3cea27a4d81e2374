using Dermis.Instruments.PeakPruritus;

namespace Dermis.Trials.Diaries;

/// <summary>
/// Weekly means of the daily Peak Pruritus NRS diary, by study week, as analysed for the
/// itch responder endpoint (Yosipovitch et al., Br J Dermatol 2019;181:761–9,
/// doi:10.1111/bjd.17744): the baseline week is the 7 days before the anchor visit.
/// </summary>
public static class ItchWeeks
{
    /// <summary>The study weeks from the baseline week (week 0) to the week holding <paramref name="through"/>.</summary>
    /// <param name="scores">Daily worst-itch ratings (0–10) by local date; dates before the baseline week or after <paramref name="through"/> are ignored.</param>
    /// <param name="anchorDate">The anchor visit's date (study day 1, the first day of week 1).</param>
    /// <param name="minimumDays">Entries a week needs to have a mean (<see cref="Protocol.DiaryDefinition.MinimumDaysPerWeek"/>), 1–7.</param>
    /// <param name="through">The last date to count, inclusive (usually the participant's local today).</param>
    /// <returns>
    /// One <see cref="ItchWeek"/> per study week with a day on or before <paramref name="through"/>,
    /// in week order, starting at week 0; empty when <paramref name="through"/> is before study day −7.
    /// Week k spans anchor + 7(k−1) … anchor + 7k − 1 (no day 0, so week 0 ends the day before the anchor).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumDays"/> is not 1–7.</exception>
    /// <exception cref="Instruments.Scoring.InstrumentValidationException">A counted score is outside 0–10.</exception>
    public static IReadOnlyList<ItchWeek> Compute(IReadOnlyDictionary<DateOnly, int> scores, DateOnly anchorDate, int minimumDays, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumDays, PeakPruritusScorer.DaysPerWeek);

        var weeks = new List<ItchWeek>();
        var days = new int?[PeakPruritusScorer.DaysPerWeek];
        for (var week = 0; ; week++)
        {
            var from = anchorDate.AddDays(PeakPruritusScorer.DaysPerWeek * (week - 1));
            if (from > through)
            {
                break;
            }

            var to = from.AddDays(PeakPruritusScorer.DaysPerWeek - 1);
            for (var d = 0; d < days.Length; d++)
            {
                var date = from.AddDays(d);
                days[d] = date <= through && scores.TryGetValue(date, out var score) ? score : null;
            }

            var scored = PeakPruritusScorer.Week(days, $"scores of week {week} from {from:yyyy-MM-dd}, day");
            var mean = scored.DaysAnswered >= minimumDays ? scored.Mean : null;
            weeks.Add(new ItchWeek(week, from, to, scored.DaysAnswered, mean, to <= through));
        }

        return weeks;
    }
}
