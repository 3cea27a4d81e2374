using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.PeakPruritus;

/// <summary>One week's Peak Pruritus NRS diary.</summary>
/// <param name="DaysAnswered">How many of the 7 days have an entry.</param>
/// <param name="Sum">Sum of the entries.</param>
public readonly record struct PeakPruritusWeek(int DaysAnswered, int Sum)
{
    /// <summary>The weekly mean, exact to decimal's 28 digits; null when no day was answered.</summary>
    public decimal? Mean => DaysAnswered == 0 ? null : (decimal)Sum / DaysAnswered;
}

/// <summary>A PP-NRS weekly comparison.</summary>
/// <param name="Baseline">Baseline week.</param>
/// <param name="Current">Week assessed.</param>
/// <param name="MinimumDays">Entries a week needs to have a mean.</param>
/// <param name="Improvement">Baseline mean − current mean; null when a week has too few entries.</param>
/// <param name="Responder">Improvement ≥ 4 points, decided on exact fractions; null when a week has too few entries.</param>
public sealed record PeakPruritusScore(PeakPruritusWeek Baseline, PeakPruritusWeek Current, int MinimumDays, decimal? Improvement, bool? Responder)
{
    /// <summary>Instrument and rules version that produced this score (kept with it, so a later rules change is traceable).</summary>
    public InstrumentInfo Instrument { get; init; } = PeakPruritusScorer.Info;
}

/// <summary>
/// Peak Pruritus Numerical Rating Scale: worst itch in the past 24 h, 0 (no itch) – 10 (worst
/// imaginable), daily; analysed as weekly means. Responder: improvement ≥ 4 points (Yosipovitch
/// et al., Br J Dermatol 2019;181:761–9, doi:10.1111/bjd.17744).
/// </summary>
/// <remarks>
/// The responder decision compares fractions exactly: (sumB/nB − sumC/nC ≥ 4) ⇔
/// (sumB·nC − sumC·nB ≥ 4·nB·nC), so a week mean like 55/7 is never rounded before the threshold.
/// The minimum number of diary days per week is protocol-specific; the default of 1 accepts any.
/// </remarks>
public static class PeakPruritusScorer
{
    /// <summary>Instrument and rules version.</summary>
    public static InstrumentInfo Info { get; } = new(
        "ppnrs",
        "Peak Pruritus NRS (Yosipovitch 2019), weekly mean of 7 daily entries; responder: improvement of at least 4 points, unrounded; dermis-rules 1",
        "Yosipovitch G et al. Br J Dermatol 2019;181:761-9.");

    /// <summary>Days in a diary week.</summary>
    public const int DaysPerWeek = 7;

    /// <summary>Improvement that makes a responder, in NRS points.</summary>
    public const int ResponderImprovement = 4;

    /// <summary>Reads one week of daily entries (0–10 or null).</summary>
    /// <exception cref="InstrumentValidationException">Not 7 entries, or an entry outside 0–10.</exception>
    public static PeakPruritusWeek Week(IReadOnlyList<int?> days, string field = "days")
    {
        ArgumentNullException.ThrowIfNull(days);
        var errors = new InputErrors(Info.Id);
        Week(days, field, ref errors, out var week);
        errors.ThrowIfAny();
        return week;
    }

    /// <summary>Compares a week with the baseline week.</summary>
    /// <exception cref="InstrumentValidationException">A week is not 7 entries of 0–10 or null, or <paramref name="minimumDays"/> is not 1–7.</exception>
    public static PeakPruritusScore Score(IReadOnlyList<int?> baseline, IReadOnlyList<int?> current, int minimumDays = 1)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var errors = new InputErrors(Info.Id);
        Week(baseline, "baseline", ref errors, out var b);
        Week(current, "current", ref errors, out var c);
        errors.Integer(minimumDays, "minimumDays", 1, DaysPerWeek);
        errors.ThrowIfAny();

        if (b.DaysAnswered < minimumDays || c.DaysAnswered < minimumDays)
        {
            return new PeakPruritusScore(b, c, minimumDays, null, null);
        }

        var responder = ((long)b.Sum * c.DaysAnswered) - ((long)c.Sum * b.DaysAnswered) >= (long)ResponderImprovement * b.DaysAnswered * c.DaysAnswered;
        var improvement = (decimal)((b.Sum * c.DaysAnswered) - (c.Sum * b.DaysAnswered)) / (b.DaysAnswered * c.DaysAnswered);
        return new PeakPruritusScore(b, c, minimumDays, improvement, responder);
    }

    private static void Week(IReadOnlyList<int?> days, string field, ref InputErrors errors, out PeakPruritusWeek week)
    {
        week = default;
        if (days.Count != DaysPerWeek)
        {
            errors.Add(field, $"has {days.Count} entries; a diary week has exactly {DaysPerWeek} daily scores (null for a missed day)");
            return;
        }

        int answered = 0, sum = 0;
        for (var d = 0; d < DaysPerWeek; d++)
        {
            if (days[d] is { } score)
            {
                errors.Integer(score, $"{field}[{d}]", 0, 10);
                answered++;
                sum += score;
            }
        }

        week = new PeakPruritusWeek(answered, sum);
    }
}
