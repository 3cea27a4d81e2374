using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Easi;

/// <summary>
/// Eczema Area and Severity Index: EASI = Σ regions (E + I + Ex + L) × area × weight, 0–72
/// (Hanifin et al., Exp Dermatol 2001;10:11–18, doi:10.1034/j.1600-0625.2001.100102.x).
/// Signs 0–3 in half points from 1 up (1.5, 2.5; never 0.5: "any sign present is at least mild",
/// EASI practical guide 2022); weights 0.1/0.2/0.3/0.4, or 0.2/0.2/0.3/0.3 below age 8.
/// </summary>
/// <remarks>
/// Arithmetic runs in integers of 0.05 EASI points (half-point × area × tenth-weight), so the total
/// is exact and fast; the decimal is built from those units without division.
/// </remarks>
public static class EasiScorer
{
    /// <summary>Instrument and rules version.</summary>
    public static InstrumentInfo Info { get; } = new(
        "easi",
        "EASI (Hanifin 2001; Leshem 2015 bands; half points per 2022 practical guide); dermis-rules 1",
        "Hanifin JM et al. Exp Dermatol 2001;10:11-18. Leshem YA et al. Br J Dermatol 2015;172:1353-7.");

    /// <summary>Age below which the children's weights apply (the 0–7-year band).</summary>
    public const decimal ChildWeightsBelowAgeYears = 8m;

    private const string AllowedSigns = "allowed: 0, 1, 1.5, 2, 2.5, 3 (no 0.5: a sign present is at least mild)";
    private static readonly string[] SignNames = ["erythema", "induration", "excoriation", "lichenification"];

    /// <summary>Scores one assessment.</summary>
    /// <exception cref="InstrumentValidationException">A sign, area or age is outside its allowed values, or a region with area 0 has signs.</exception>
    public static EasiScore Score(EasiInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new InputErrors(Info.Id);
        errors.Range(input.AgeYears, "ageYears", 0, 130);
        var child = input.AgeYears < ChildWeightsBelowAgeYears;

        // Weights in tenths: adult 1,2,3,4; child 2,2,3,3.
        ReadOnlySpan<int> weights = child ? [2, 2, 3, 3] : [1, 2, 3, 4];
        Span<int> units = stackalloc int[4];
        string? missing = null;
        for (var r = 0; r < 4; r++)
        {
            units[r] = RegionUnits(input.Regions[r], BodyRegions.Names[r], weights[r], ref errors);
            if (units[r] < 0 && missing is null)
            {
                missing = $"regions.{BodyRegions.Names[r]} has area > 0 but a sign or the area is missing; EASI is not scored";
            }
        }

        errors.ThrowIfAny();

        var regions = new RegionScores<decimal?>(FromUnits(units[0]), FromUnits(units[1]), FromUnits(units[2]), FromUnits(units[3]));
        if (missing is not null)
        {
            return new EasiScore(input, child, null, null, regions, missing);
        }

        var total = units[0] + units[1] + units[2] + units[3];
        return new EasiScore(input, child, FromUnits(total), BandOf(total), regions, null);
    }

    /// <summary>The severity stratum of an EASI total.</summary>
    public static EasiBand BandOf(decimal total) => total switch
    {
        0m => EasiBand.Clear,
        <= 1.0m => EasiBand.AlmostClear,
        <= 7.0m => EasiBand.Mild,
        <= 21.0m => EasiBand.Moderate,
        <= 50.0m => EasiBand.Severe,
        _ => EasiBand.VerySevere,
    };

    private static EasiBand BandOf(int units) => units switch
    {
        0 => EasiBand.Clear,
        <= 20 => EasiBand.AlmostClear,
        <= 140 => EasiBand.Mild,
        <= 420 => EasiBand.Moderate,
        <= 1000 => EasiBand.Severe,
        _ => EasiBand.VerySevere,
    };

    /// <summary>Region contribution in units of 0.05 EASI, or -1 when it cannot be scored.</summary>
    private static int RegionUnits(EasiRegion? region, string name, int weightTenths, ref InputErrors errors)
    {
        if (region is null)
        {
            errors.Add($"regions.{name}", "is required: erythema, induration, excoriation, lichenification and area");
            return -1;
        }

        var halfPoints = 0;
        var signMissing = false;
        var signPresent = false;
        for (var s = 0; s < 4; s++)
        {
            var sign = s switch { 0 => region.Erythema, 1 => region.Induration, 2 => region.Excoriation, _ => region.Lichenification };
            if (sign is null)
            {
                signMissing = true;
                continue;
            }

            var half = HalfPoints(sign.Value);
            if (half < 0)
            {
                errors.Add($"regions.{name}.{SignNames[s]}", $"{InputErrors.Format(sign.Value)} is not allowed; {AllowedSigns}");
                continue;
            }

            halfPoints += half;
            signPresent |= half > 0;
        }

        if (region.Area is not { } area)
        {
            return -1;
        }

        if (area is < 0 or > 6)
        {
            errors.Add($"regions.{name}.area", $"{area} is out of range; allowed: integers 0–6 (0 = none, 1 = <10 %, 2 = 10–<30 %, 3 = 30–<50 %, 4 = 50–<70 %, 5 = 70–<90 %, 6 = 90–100 %)");
            return 0;
        }

        if (area == 0)
        {
            if (signPresent)
            {
                errors.Add($"regions.{name}", "has signs but area 0; a region without eczema has all signs 0 (or give its area score 1–6)");
            }

            return 0;
        }

        // Half points × area × tenths = units of 0.05.
        return signMissing ? -1 : halfPoints * area * weightTenths;
    }

    private static readonly decimal[] SignByHalfPoints = [0m, 0.5m, 1m, 1.5m, 2m, 2.5m, 3m];

    /// <summary>The sign in half points (0, 2, 3, 4, 5, 6), or -1 when it is not on the EASI scale.</summary>
    private static int HalfPoints(decimal sign)
    {
        // A double guess picks the one candidate; one exact decimal comparison confirms it. This is
        // several times cheaper than comparing against each allowed value in decimal.
        var guess = (double)sign * 2;
        if (guess is < 0 or > 6)
        {
            return -1;
        }

        var half = (int)guess;
        return half != 1 && SignByHalfPoints[half] == sign ? half : -1;
    }

    // units × 0.05 = units × 5 / 100: built with scale 2, exact, no division.
    private static decimal? FromUnits(int units) => units < 0 ? null : new decimal(units * 5, 0, 0, false, 2);
}
