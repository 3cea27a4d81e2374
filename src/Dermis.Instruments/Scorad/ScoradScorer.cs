using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Scorad;

/// <summary>The six SCORAD intensity items, each 0 (absent) – 3 (severe), graded on a representative area.</summary>
/// <param name="Erythema">0–3.</param>
/// <param name="Oedema">Oedema/papulation, 0–3.</param>
/// <param name="Oozing">Oozing/crusts, 0–3.</param>
/// <param name="Excoriation">0–3.</param>
/// <param name="Lichenification">0–3.</param>
/// <param name="Dryness">Dryness of uninvolved skin, 0–3.</param>
public sealed record ScoradIntensity(int Erythema, int Oedema, int Oozing, int Excoriation, int Lichenification, int Dryness)
{
    /// <summary>B, the intensity sum 0–18.</summary>
    public int Sum => Erythema + Oedema + Oozing + Excoriation + Lichenification + Dryness;
}

/// <summary>A SCORAD assessment; the two VAS are absent for objective SCORAD.</summary>
/// <param name="ExtentPercent">A: body surface with inflammatory lesions by the rule of nines, 0–100 %.</param>
/// <param name="Intensity">B: the six intensity items.</param>
/// <param name="PruritusVas">Pruritus VAS 0–10, mean of the last 3 days and nights; null for objective SCORAD.</param>
/// <param name="SleeplessnessVas">Sleeplessness VAS 0–10; null for objective SCORAD.</param>
public sealed record ScoradInput(decimal ExtentPercent, ScoradIntensity Intensity, decimal? PruritusVas, decimal? SleeplessnessVas);

/// <summary>SCORAD severity bands (Kunz 1997; Oranje 2007).</summary>
public enum ScoradBand
{
    /// <summary>SCORAD &lt; 25 (objective &lt; 15).</summary>
    Mild,

    /// <summary>SCORAD 25–50 (objective 15–40).</summary>
    Moderate,

    /// <summary>SCORAD &gt; 50 (objective &gt; 40).</summary>
    Severe,
}

/// <summary>A SCORAD result.</summary>
/// <param name="Input">What was graded.</param>
/// <param name="Total">SCORAD = A/5 + 7B/2 + C (0–103); null for an objective-only assessment.</param>
/// <param name="Objective">Objective SCORAD = A/5 + 7B/2 (0–83).</param>
/// <param name="Band">Band of <paramref name="Total"/>, or of <paramref name="Objective"/> for objective SCORAD.</param>
public sealed record ScoradScore(ScoradInput Input, decimal? Total, decimal Objective, ScoradBand Band)
{
    /// <summary>Instrument and rules version that produced this score (kept with it, so a later rules change is traceable).</summary>
    public InstrumentInfo Instrument { get; init; } = Input.PruritusVas is null ? ScoradScorer.ObjectiveInfo : ScoradScorer.Info;
}

/// <summary>
/// SCORing Atopic Dermatitis (European Task Force on Atopic Dermatitis, Dermatology 1993;186:23–31):
/// SCORAD = A/5 + 7B/2 + C, objective SCORAD = A/5 + 7B/2 (Kunz et al., Dermatology 1997;195:10–19).
/// Bands: SCORAD &lt; 25 mild, 25–50 moderate, &gt; 50 severe; objective &lt; 15, 15–40, &gt; 40
/// (Oranje et al., Br J Dermatol 2007;157:645–8). Oranje's optional +10 points for severe
/// disfiguring eczema of face and hands is not applied.
/// </summary>
public static class ScoradScorer
{
    /// <summary>SCORAD: instrument and rules version.</summary>
    public static InstrumentInfo Info { get; } = new(
        "scorad",
        "SCORAD (ETFAD 1993); bands Kunz 1997/Oranje 2007; dermis-rules 1",
        "European Task Force on Atopic Dermatitis. Dermatology 1993;186:23-31. Oranje AP et al. Br J Dermatol 2007;157:645-8.");

    /// <summary>Objective SCORAD: instrument and rules version.</summary>
    public static InstrumentInfo ObjectiveInfo { get; } = new(
        "oscorad",
        "objective SCORAD (Kunz 1997); bands Oranje 2007; dermis-rules 1",
        "Kunz B et al. Dermatology 1997;195:10-19. Oranje AP et al. Br J Dermatol 2007;157:645-8.");

    /// <summary>Scores SCORAD (both VAS given) or objective SCORAD (both VAS null).</summary>
    /// <exception cref="InstrumentValidationException">A value is out of range, or only one VAS is given.</exception>
    public static ScoradScore Score(ScoradInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var objectiveOnly = input.PruritusVas is null && input.SleeplessnessVas is null;
        var errors = new InputErrors(objectiveOnly ? ObjectiveInfo.Id : Info.Id);
        errors.Range(input.ExtentPercent, "extentPercent", 0, 100);
        if (input.Intensity is null)
        {
            errors.Add("intensity", "is required: erythema, oedema, oozing, excoriation, lichenification, dryness (each 0–3)");
        }
        else
        {
            errors.Integer(input.Intensity.Erythema, "intensity.erythema", 0, 3);
            errors.Integer(input.Intensity.Oedema, "intensity.oedema", 0, 3);
            errors.Integer(input.Intensity.Oozing, "intensity.oozing", 0, 3);
            errors.Integer(input.Intensity.Excoriation, "intensity.excoriation", 0, 3);
            errors.Integer(input.Intensity.Lichenification, "intensity.lichenification", 0, 3);
            errors.Integer(input.Intensity.Dryness, "intensity.dryness", 0, 3);
        }

        if (!objectiveOnly)
        {
            errors.Range(input.PruritusVas, "pruritusVas", 0, 10);
            errors.Range(input.SleeplessnessVas, "sleeplessnessVas", 0, 10);
        }

        errors.ThrowIfAny();

        var objective = (input.ExtentPercent / 5m) + (7m * input.Intensity!.Sum / 2m);
        if (objectiveOnly)
        {
            return new ScoradScore(input, null, objective, objective switch { < 15m => ScoradBand.Mild, <= 40m => ScoradBand.Moderate, _ => ScoradBand.Severe });
        }

        var total = objective + input.PruritusVas!.Value + input.SleeplessnessVas!.Value;
        return new ScoradScore(input, total, objective, total switch { < 25m => ScoradBand.Mild, <= 50m => ScoradBand.Moderate, _ => ScoradBand.Severe });
    }
}
