using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Change;

/// <summary>The instruments whose percent improvement defines responders.</summary>
public enum ChangeInstrument
{
    /// <summary>EASI-50/75/90/100.</summary>
    Easi,

    /// <summary>PASI-50/75/90/100.</summary>
    Pasi,

    /// <summary>HECSI-75/90.</summary>
    Hecsi,
}

/// <summary>One responder threshold and whether it was met.</summary>
/// <param name="Name">Endpoint name as in JSON (<c>easi75</c>).</param>
/// <param name="ImprovementPercent">Required improvement from baseline, in percent.</param>
/// <param name="Met">True when improvement ≥ threshold.</param>
public readonly record struct ResponderResult(string Name, int ImprovementPercent, bool Met);

/// <summary>Percent change from baseline and the responder endpoints.</summary>
/// <param name="Instrument">Which instrument.</param>
/// <param name="Baseline">Baseline score (&gt; 0).</param>
/// <param name="Current">Score at the visit.</param>
/// <param name="PercentChange">100 × (current − baseline) / baseline: negative is improvement. Exact to decimal's 28 digits.</param>
/// <param name="Responders">Each threshold of the instrument.</param>
public sealed record ChangeScore(ChangeInstrument Instrument, decimal Baseline, decimal Current, decimal PercentChange, IReadOnlyList<ResponderResult> Responders)
{
    /// <summary>Rules version that produced this result.</summary>
    public InstrumentInfo Rules { get; init; } = ChangeFromBaseline.Info;
}

/// <summary>
/// Percent change and responders (EASI-x, PASI-x, HECSI-x: improvement ≥ x % of baseline).
/// Decided by exact multiplication, 100 × (baseline − current) ≥ x × baseline, never by a rounded
/// or binary-floating ratio: with doubles 24.4 → 6.1 gives 0.7499999999999999 and would miss EASI-75.
/// </summary>
public static class ChangeFromBaseline
{
    /// <summary>Rules version of percent change and responders.</summary>
    public static InstrumentInfo Info { get; } = new(
        "change",
        "percent change = 100 x (current - baseline) / baseline; responder-x: improvement of at least x %, exact decimal; dermis-rules 1",
        "EASI-75 as defined in e.g. NCT05149313; PASI-75 (Feldman & Krueger 2005); HECSI-75/90 (dupilumab hand eczema trials).");

    /// <summary>Computes percent change and every responder threshold of <paramref name="instrument"/>.</summary>
    /// <exception cref="InstrumentValidationException">Baseline not above 0, or a score outside the instrument's range.</exception>
    public static ChangeScore Compute(ChangeInstrument instrument, decimal baseline, decimal current)
    {
        var (name, max, thresholds) = instrument switch
        {
            ChangeInstrument.Easi => ("easi", 72m, (int[])[50, 75, 90, 100]),
            ChangeInstrument.Pasi => ("pasi", 72m, [50, 75, 90, 100]),
            ChangeInstrument.Hecsi => ("hecsi", 360m, [75, 90]),
            _ => throw new ArgumentOutOfRangeException(nameof(instrument), instrument, "Unknown instrument."),
        };

        var errors = new InputErrors(Info.Id);
        errors.Range(baseline, "baseline", 0, max);
        errors.Range(current, "current", 0, max);
        if (baseline == 0)
        {
            errors.Add("baseline", $"0 leaves percent change undefined; allowed: above 0 to {max}");
        }

        errors.ThrowIfAny();

        var responders = new ResponderResult[thresholds.Length];
        for (var i = 0; i < thresholds.Length; i++)
        {
            responders[i] = new ResponderResult(name + thresholds[i], thresholds[i], IsResponder(baseline, current, thresholds[i]));
        }

        return new ChangeScore(instrument, baseline, current, 100m * (current - baseline) / baseline, responders);
    }

    /// <summary>True when the improvement from <paramref name="baseline"/> is at least <paramref name="improvementPercent"/> %.</summary>
    public static bool IsResponder(decimal baseline, decimal current, int improvementPercent) =>
        100m * (baseline - current) >= improvementPercent * baseline;
}
