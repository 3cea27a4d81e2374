using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Hecsi;

/// <summary>One HECSI location (both hands together): six signs 0–3 and the extent 0–4.</summary>
/// <param name="Erythema">0–3.</param>
/// <param name="Induration">Induration/papulation, 0–3.</param>
/// <param name="Vesicles">0–3.</param>
/// <param name="Fissuring">0–3.</param>
/// <param name="Scaling">0–3.</param>
/// <param name="Oedema">0–3.</param>
/// <param name="Extent">0 = 0 %, 1 = 1–25 %, 2 = 26–50 %, 3 = 51–75 %, 4 = 76–100 %.</param>
public sealed record HecsiLocation(int Erythema, int Induration, int Vesicles, int Fissuring, int Scaling, int Oedema, int Extent)
{
    /// <summary>A location without eczema.</summary>
    public static HecsiLocation Clear { get; } = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>The five HECSI locations.</summary>
/// <param name="Fingertips">Fingertips.</param>
/// <param name="Fingers">Fingers except the tips.</param>
/// <param name="Palms">Palms.</param>
/// <param name="Backs">Backs of the hands.</param>
/// <param name="Wrists">Wrists.</param>
public sealed record HecsiInput(HecsiLocation Fingertips, HecsiLocation Fingers, HecsiLocation Palms, HecsiLocation Backs, HecsiLocation Wrists)
{
    /// <summary>JSON names of the locations, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fingertips", "fingers", "palms", "backs", "wrists"];

    internal HecsiLocation? this[int index] => index switch
    {
        0 => Fingertips,
        1 => Fingers,
        2 => Palms,
        3 => Backs,
        4 => Wrists,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Location index is 0–4."),
    };
}

/// <summary>HECSI severity bands (Oosterhaven et al., Br J Dermatol 2018;178:e65).</summary>
public enum HecsiBand
{
    /// <summary>0.</summary>
    Clear,

    /// <summary>1–16.</summary>
    AlmostClear,

    /// <summary>17–37.</summary>
    Moderate,

    /// <summary>38–116.</summary>
    Severe,

    /// <summary>117–360.</summary>
    VerySevere,
}

/// <summary>A HECSI result.</summary>
/// <param name="Input">What was graded.</param>
/// <param name="Total">HECSI 0–360.</param>
/// <param name="Band">Severity band.</param>
public sealed record HecsiScore(HecsiInput Input, int Total, HecsiBand Band)
{
    /// <summary>Instrument and rules version that produced this score (kept with it, so a later rules change is traceable).</summary>
    public InstrumentInfo Instrument { get; init; } = HecsiScorer.Info;
}

/// <summary>
/// Hand Eczema Severity Index: Σ locations (sum of 6 signs) × extent, 0–360 (Held et al., Br J
/// Dermatol 2005;152:302–7, doi:10.1111/j.1365-2133.2004.06305.x); bands of Oosterhaven et al. 2018.
/// </summary>
public static class HecsiScorer
{
    /// <summary>Instrument and rules version.</summary>
    public static InstrumentInfo Info { get; } = new(
        "hecsi",
        "HECSI (Held 2005); bands Oosterhaven 2018; dermis-rules 1",
        "Held E et al. Br J Dermatol 2005;152:302-7. Oosterhaven JAF et al. Br J Dermatol 2018;178:e65.");

    private static readonly string[] SignNames = ["erythema", "induration", "vesicles", "fissuring", "scaling", "oedema"];

    /// <summary>Scores one assessment.</summary>
    /// <exception cref="InstrumentValidationException">A sign or extent is out of range, or a location with extent 0 has signs.</exception>
    public static HecsiScore Score(HecsiInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new InputErrors(Info.Id);
        var total = 0;
        for (var l = 0; l < 5; l++)
        {
            var name = HecsiInput.Names[l];
            if (input[l] is not { } location)
            {
                errors.Add($"locations.{name}", "is required: erythema, induration, vesicles, fissuring, scaling, oedema (0–3) and extent (0–4)");
                continue;
            }

            ReadOnlySpan<int> signs = [location.Erythema, location.Induration, location.Vesicles, location.Fissuring, location.Scaling, location.Oedema];
            var sum = 0;
            for (var s = 0; s < signs.Length; s++)
            {
                errors.Integer(signs[s], $"locations.{name}.{SignNames[s]}", 0, 3);
                sum += signs[s];
            }

            errors.Integer(location.Extent, $"locations.{name}.extent", 0, 4);
            if (location.Extent == 0 && sum > 0)
            {
                errors.Add($"locations.{name}", "has signs but extent 0; a location without eczema has all signs 0 (or give its extent 1–4)");
            }

            total += sum * location.Extent;
        }

        errors.ThrowIfAny();
        return new HecsiScore(input, total, BandOf(total));
    }

    /// <summary>The severity band of a HECSI total.</summary>
    public static HecsiBand BandOf(int total) => total switch
    {
        0 => HecsiBand.Clear,
        <= 16 => HecsiBand.AlmostClear,
        <= 37 => HecsiBand.Moderate,
        <= 116 => HecsiBand.Severe,
        _ => HecsiBand.VerySevere,
    };
}
