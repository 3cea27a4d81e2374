using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Gppga;

/// <summary>A GPPGA result.</summary>
/// <param name="Erythema">0–4.</param>
/// <param name="Pustules">0–4; also reported alone as the pustulation subscore.</param>
/// <param name="Scaling">0–4 (scaling/crusting).</param>
/// <param name="CompositeMean">(erythema + pustules + scaling) / 3, unrounded.</param>
/// <param name="Total">GPPGA 0–4 from the composite mean.</param>
public sealed record GppgaScore(int Erythema, int Pustules, int Scaling, decimal CompositeMean, int Total)
{
    /// <summary>Instrument and rules version that produced this score (kept with it, so a later rules change is traceable).</summary>
    public InstrumentInfo Instrument { get; init; } = GppgaScorer.Info;
}

/// <summary>
/// Generalized Pustular Psoriasis Physician Global Assessment (Burden et al., Am J Clin Dermatol
/// 2022;23(Suppl 1):39–50, doi:10.1007/s40257-021-00653-0): erythema, pustules and scaling each
/// 0–4; composite mean = sum / 3; GPPGA 0 when all three are 0, 1 when 0 &lt; mean &lt; 1.5,
/// 2 when 1.5 ≤ mean &lt; 2.5, 3 when 2.5 ≤ mean &lt; 3.5, 4 when mean ≥ 3.5. The pustulation
/// subscore alone (0 = no visible pustules) was the primary endpoint of Effisayil 1.
/// </summary>
public static class GppgaScorer
{
    /// <summary>Instrument and rules version.</summary>
    public static InstrumentInfo Info { get; } = new(
        "gppga",
        "GPPGA (Burden 2022): composite mean of erythema, pustules, scaling 0-4; dermis-rules 1",
        "Burden AD et al. Am J Clin Dermatol 2022;23(Suppl 1):39-50.");

    /// <summary>Scores one assessment.</summary>
    /// <exception cref="InstrumentValidationException">A component is not an integer 0–4.</exception>
    public static GppgaScore Score(int erythema, int pustules, int scaling)
    {
        var errors = new InputErrors(Info.Id);
        errors.Integer(erythema, "erythema", 0, 4);
        errors.Integer(pustules, "pustules", 0, 4);
        errors.Integer(scaling, "scaling", 0, 4);
        errors.ThrowIfAny();

        // Thresholds on the integer sum: mean < 1.5 ⇔ sum ≤ 4, < 2.5 ⇔ sum ≤ 7, < 3.5 ⇔ sum ≤ 10.
        var sum = erythema + pustules + scaling;
        var total = sum switch { 0 => 0, <= 4 => 1, <= 7 => 2, <= 10 => 3, _ => 4 };
        return new GppgaScore(erythema, pustules, scaling, sum / 3m, total);
    }
}
