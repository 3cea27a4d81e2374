using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Viga;

/// <summary>vIGA-AD grades, 0–4, with no half grades.</summary>
public enum VigaGrade
{
    /// <summary>0: no inflammatory signs (post-inflammatory pigmentation may be present).</summary>
    Clear = 0,

    /// <summary>1: barely perceptible erythema, induration/papulation and/or lichenification; no oozing/crusting.</summary>
    AlmostClear = 1,

    /// <summary>2: slight but definite erythema, induration/papulation and/or lichenification; no oozing/crusting.</summary>
    Mild = 2,

    /// <summary>3: clearly perceptible dull-red erythema, induration/papulation and/or lichenification; oozing/crusting may be present.</summary>
    Moderate = 3,

    /// <summary>4: marked deep or bright-red erythema, induration/papulation and/or lichenification, widespread; oozing/crusting may be present.</summary>
    Severe = 4,
}

/// <summary>A vIGA-AD grade, with the IGA 0/1 response when a baseline grade is given.</summary>
/// <param name="Grade">The current grade.</param>
/// <param name="Baseline">The baseline grade, if a response is asked for.</param>
/// <param name="Responder">IGA 0/1 with a ≥ 2-grade reduction from baseline; null without a baseline.</param>
public sealed record VigaScore(VigaGrade Grade, VigaGrade? Baseline, bool? Responder)
{
    /// <summary>Instrument and rules version that produced this score (kept with it, so a later rules change is traceable).</summary>
    public InstrumentInfo Instrument { get; init; } = VigaScorer.Info;
}

/// <summary>
/// Validated Investigator Global Assessment for Atopic Dermatitis (vIGA-AD, Eli Lilly and Company
/// 2017; Simpson et al., J Am Acad Dermatol 2020;83:839–46, doi:10.1016/j.jaad.2020.04.104) and the
/// "IGA 0/1" response used as a regulatory co-primary endpoint: IGA 0 or 1 and a reduction of at
/// least 2 grades from baseline. Not the older 6-point IGA (0–5).
/// </summary>
public static class VigaScorer
{
    /// <summary>Instrument and rules version.</summary>
    public static InstrumentInfo Info { get; } = new(
        "viga",
        "vIGA-AD 2017 (5-point, 0-4); IGA 0/1: grade 0 or 1 and a reduction of at least 2 grades; dermis-rules 1",
        "Simpson E et al. J Am Acad Dermatol 2020;83:839-46.");

    /// <summary>Reads a grade; <paramref name="field"/> names it in the error.</summary>
    /// <exception cref="InstrumentValidationException">Not an integer 0–4.</exception>
    public static VigaGrade Grade(int grade, string field = "grade")
    {
        var errors = new InputErrors(Info.Id);
        errors.Integer(grade, field, 0, 4);
        errors.ThrowIfAny();
        return (VigaGrade)grade;
    }

    /// <summary>The grade alone.</summary>
    public static VigaScore Score(int grade) => new(Grade(grade), null, null);

    /// <summary>The grade at a visit with the IGA 0/1 response against baseline.</summary>
    /// <exception cref="InstrumentValidationException">A grade is not an integer 0–4.</exception>
    public static VigaScore Score(int baseline, int current)
    {
        var errors = new InputErrors(Info.Id);
        errors.Integer(baseline, "baseline", 0, 4);
        errors.Integer(current, "current", 0, 4);
        errors.ThrowIfAny();
        return new VigaScore((VigaGrade)current, (VigaGrade)baseline, IsResponder(baseline, current));
    }

    /// <summary>IGA 0/1 response: current grade 0 or 1 and at least 2 grades below baseline.</summary>
    public static bool IsResponder(int baseline, int current) => current <= 1 && baseline - current >= 2;
}
