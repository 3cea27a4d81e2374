using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Pasi;

/// <summary>One PASI body region.</summary>
/// <param name="Erythema">0–4.</param>
/// <param name="Induration">Induration/thickness, 0–4.</param>
/// <param name="Desquamation">Desquamation/scaling, 0–4.</param>
/// <param name="Area">Area score 0–6 (0 = 0 %, 1 = &lt;10 %, 2 = 10–&lt;30 %, … 6 = 90–100 %).</param>
public sealed record PasiRegion(int? Erythema, int? Induration, int? Desquamation, int? Area);

/// <summary>A PASI result with its inputs.</summary>
/// <param name="Input">The four regions as graded.</param>
/// <param name="Total">PASI 0–72 in steps of 0.1; null when a region with area &gt; 0 lacks a sign.</param>
/// <param name="Regions">Each region's weighted contribution.</param>
/// <param name="MissingReason">Why <paramref name="Total"/> is null.</param>
public sealed record PasiScore(RegionScores<PasiRegion> Input, decimal? Total, RegionScores<decimal?> Regions, string? MissingReason)
{
    /// <summary>Instrument and rules version that produced this score (kept with it, so a later rules change is traceable).</summary>
    public InstrumentInfo Instrument { get; init; } = PasiScorer.Info;
}

/// <summary>
/// Psoriasis Area and Severity Index: PASI = Σ regions weight × (E + I + D) × area, weights head 0.1,
/// arms 0.2, trunk 0.3, legs 0.4; 0–72 (Fredriksson &amp; Pettersson, Dermatologica 1978;157:238–44;
/// Feldman &amp; Krueger, Ann Rheum Dis 2005;64 Suppl 2:ii65–8). No itch item, no paediatric weights.
/// </summary>
public static class PasiScorer
{
    /// <summary>Instrument and rules version.</summary>
    public static InstrumentInfo Info { get; } = new(
        "pasi",
        "PASI (Fredriksson 1978); dermis-rules 1",
        "Fredriksson T, Pettersson U. Dermatologica 1978;157:238-44. Feldman SR, Krueger GG. Ann Rheum Dis 2005;64 Suppl 2:ii65-8.");

    private static readonly string[] SignNames = ["erythema", "induration", "desquamation"];

    /// <summary>Scores one assessment.</summary>
    /// <exception cref="InstrumentValidationException">A sign or area is out of range, or a region with area 0 has signs.</exception>
    public static PasiScore Score(RegionScores<PasiRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var errors = new InputErrors(Info.Id);
        Span<int> tenths = stackalloc int[4];
        string? missing = null;
        for (var r = 0; r < 4; r++)
        {
            var name = BodyRegions.Names[r];
            tenths[r] = RegionTenths(regions[r], name, r + 1, ref errors);
            if (tenths[r] < 0 && missing is null)
            {
                missing = $"regions.{name} has area > 0 but a sign or the area is missing; PASI is not scored";
            }
        }

        errors.ThrowIfAny();
        var scores = new RegionScores<decimal?>(FromTenths(tenths[0]), FromTenths(tenths[1]), FromTenths(tenths[2]), FromTenths(tenths[3]));
        return missing is not null
            ? new PasiScore(regions, null, scores, missing)
            : new PasiScore(regions, FromTenths(tenths[0] + tenths[1] + tenths[2] + tenths[3]), scores, null);
    }

    private static int RegionTenths(PasiRegion? region, string name, int weightTenths, ref InputErrors errors)
    {
        if (region is null)
        {
            errors.Add($"regions.{name}", "is required: erythema, induration, desquamation and area");
            return -1;
        }

        var sum = 0;
        var signMissing = false;
        for (var s = 0; s < 3; s++)
        {
            var sign = s switch { 0 => region.Erythema, 1 => region.Induration, _ => region.Desquamation };
            errors.Integer(sign, $"regions.{name}.{SignNames[s]}", 0, 4, nullable: true);
            signMissing |= sign is null;
            sum += sign is >= 0 and <= 4 ? sign.Value : 0;
        }

        if (region.Area is not { } area)
        {
            return -1;
        }

        errors.Integer(area, $"regions.{name}.area", 0, 6);
        if (area == 0 && sum > 0)
        {
            errors.Add($"regions.{name}", "has signs but area 0; a region without psoriasis has all signs 0 (or give its area score 1–6)");
        }

        return area == 0 ? 0 : signMissing ? -1 : sum * area * weightTenths;
    }

    private static decimal? FromTenths(int tenths) => tenths < 0 ? null : new decimal(tenths, 0, 0, false, 1);
}
