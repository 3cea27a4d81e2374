using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Easi;

/// <summary>One EASI body region as the clinician grades it.</summary>
/// <param name="Erythema">0, 1, 1.5, 2, 2.5 or 3; null when not recorded.</param>
/// <param name="Induration">Induration/papulation/oedema, same scale.</param>
/// <param name="Excoriation">Same scale.</param>
/// <param name="Lichenification">Same scale.</param>
/// <param name="Area">Area score 0–6 (0 = 0 %, 1 = &gt;0–&lt;10 %, 2 = 10–&lt;30 %, 3 = 30–&lt;50 %, 4 = 50–&lt;70 %, 5 = 70–&lt;90 %, 6 = 90–100 %).</param>
public sealed record EasiRegion(decimal? Erythema, decimal? Induration, decimal? Excoriation, decimal? Lichenification, int? Area)
{
    /// <summary>A region with no eczema.</summary>
    public static EasiRegion Clear { get; } = new(0, 0, 0, 0, 0);
}

/// <summary>A complete EASI assessment.</summary>
/// <param name="AgeYears">Age at assessment in years (0–130); below 8 the children's weights apply.</param>
/// <param name="Regions">Head/neck, upper limbs, trunk (with axillae and genitals), lower limbs (with buttocks).</param>
public sealed record EasiInput(decimal AgeYears, RegionScores<EasiRegion> Regions);
