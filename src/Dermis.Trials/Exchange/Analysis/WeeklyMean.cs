namespace Dermis.Trials.Exchange.Analysis;

/// <summary>
/// A weekly itch mean kept as a fraction (sum of daily scores over days answered), so that the
/// ≥ 4-point responder rule is decided exactly (trials.md §4.9: compare unrounded): 55/7 − 27/7 is
/// exactly 4, which 28-digit decimals could miss.
/// </summary>
/// <param name="Sum">Sum of the daily scores (or a mean when <paramref name="Days"/> is 1).</param>
/// <param name="Days">Days answered, ≥ 1.</param>
internal readonly record struct WeeklyMean(decimal Sum, int Days)
{
    /// <summary>The mean, to decimal's 28 significant digits.</summary>
    public decimal Value => Sum / Days;

    /// <summary>This − <paramref name="baseline"/>, with one division.</summary>
    public decimal Minus(WeeklyMean baseline) => ((Sum * baseline.Days) - (baseline.Sum * Days)) / (Days * baseline.Days);

    /// <summary>True when baseline − this ≥ <paramref name="points"/>, compared on integers-over-integers without division.</summary>
    public bool ImprovedBy(WeeklyMean baseline, decimal points) =>
        (baseline.Sum * Days) - (Sum * baseline.Days) >= points * baseline.Days * Days;
}
