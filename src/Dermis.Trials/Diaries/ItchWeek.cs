namespace Dermis.Trials.Diaries;

/// <summary>One study week of the daily Peak Pruritus NRS diary (see <see cref="ItchWeeks.Compute"/>).</summary>
/// <param name="Week">Study week: 0 is the baseline week (study days −7 … −1), week k ≥ 1 is study days 7(k−1)+1 … 7k.</param>
/// <param name="From">The week's first date.</param>
/// <param name="To">The week's last date (From + 6).</param>
/// <param name="DaysAnswered">Days of the week with an entry, 0–7.</param>
/// <param name="Mean">The mean of the entries, exact to decimal's 28 digits (55/7 is 55m / 7m); null when fewer than the protocol's minimum days were answered.</param>
/// <param name="Complete">True when the whole week lies on or before the date the weeks were computed through; false for the current, partial week.</param>
public sealed record ItchWeek(int Week, DateOnly From, DateOnly To, int DaysAnswered, decimal? Mean, bool Complete);
