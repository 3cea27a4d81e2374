using System.Text.Json;
using System.Text.Json.Nodes;
using Dermis.Instruments.Easi;
using Dermis.Instruments.Gppga;
using Dermis.Instruments.Hecsi;
using Dermis.Instruments.Pasi;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Json;

/// <summary>Clinician-graded area and severity instruments: EASI, PASI, HECSI, GPPGA.</summary>
public static partial class ScoreJson
{
    private const string EasiSigns = "0, 1, 1.5, 2, 2.5, 3 or null";
    private const string AreaScores = "integers 0–6";

    private static JsonObject ScoreEasi(JsonElement input)
    {
        var json = new JsonInput("easi");
        json.Object(input, "", "ageYears", "regions");
        var age = json.Number(input, "ageYears", "", required: true, "0–130 (below 8: children's weights)");
        var regions = Regions(json, input, (region, path) => new EasiRegion(
            json.Number(region, "erythema", path, required: false, EasiSigns),
            json.Number(region, "induration", path, required: false, EasiSigns),
            json.Number(region, "excoriation", path, required: false, EasiSigns),
            json.Number(region, "lichenification", path, required: false, EasiSigns),
            json.Integer(region, "area", path, required: true, AreaScores)),
            "erythema", "induration", "excoriation", "lichenification", "area");
        json.ThrowIfAny();

        var score = EasiScorer.Score(new EasiInput(age!.Value, regions!));
        var output = Header("easi", score.Instrument);
        output["total"] = Exact(score.Total);
        output["band"] = Camel(score.Band);
        output["weights"] = score.ChildWeights ? "child" : "adult";
        output["regions"] = RegionsOut(score.Regions);
        return WithReason(output, score.MissingReason);
    }

    private static JsonObject ScorePasi(JsonElement input)
    {
        var json = new JsonInput("pasi");
        json.Object(input, "", "regions");
        const string Signs = "integers 0–4 or null";
        var regions = Regions(json, input, (region, path) => new PasiRegion(
            json.Integer(region, "erythema", path, required: false, Signs),
            json.Integer(region, "induration", path, required: false, Signs),
            json.Integer(region, "desquamation", path, required: false, Signs),
            json.Integer(region, "area", path, required: true, AreaScores)),
            "erythema", "induration", "desquamation", "area");
        json.ThrowIfAny();

        var score = PasiScorer.Score(regions!);
        var output = Header("pasi", score.Instrument);
        output["total"] = Exact(score.Total);
        output["regions"] = RegionsOut(score.Regions);
        return WithReason(output, score.MissingReason);
    }

    private static JsonObject ScoreHecsi(JsonElement input)
    {
        var json = new JsonInput("hecsi");
        json.Object(input, "", "locations");
        var locations = new HecsiLocation?[5];
        if (json.Member(input, "locations", "", required: true, "an object with fingertips, fingers, palms, backs, wrists") is { } all &&
            json.Object(all, "locations", [.. HecsiInput.Names]))
        {
            const string Signs = "integers 0–3";
            for (var l = 0; l < 5; l++)
            {
                var path = $"locations.{HecsiInput.Names[l]}";
                if (json.Member(all, HecsiInput.Names[l], "locations", required: true, "an object with the six signs and extent") is not { } location ||
                    !json.Object(location, path, "erythema", "induration", "vesicles", "fissuring", "scaling", "oedema", "extent"))
                {
                    continue;
                }

                int? Sign(string name) => json.Integer(location, name, path, required: true, Signs);
                var values = new[] { Sign("erythema"), Sign("induration"), Sign("vesicles"), Sign("fissuring"), Sign("scaling"), Sign("oedema"), json.Integer(location, "extent", path, required: true, "integers 0–4") };
                if (Array.TrueForAll(values, v => v is not null))
                {
                    locations[l] = new HecsiLocation(values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value, values[4]!.Value, values[5]!.Value, values[6]!.Value);
                }
            }
        }

        json.ThrowIfAny();
        var score = HecsiScorer.Score(new HecsiInput(locations[0]!, locations[1]!, locations[2]!, locations[3]!, locations[4]!));
        var output = Header("hecsi", score.Instrument);
        output["total"] = score.Total;
        output["band"] = Camel(score.Band.ToString());
        return output;
    }

    private static JsonObject ScoreGppga(JsonElement input)
    {
        var json = new JsonInput("gppga");
        json.Object(input, "", "erythema", "pustules", "scaling");
        const string Grades = "integers 0–4";
        var erythema = json.Integer(input, "erythema", "", required: true, Grades);
        var pustules = json.Integer(input, "pustules", "", required: true, Grades);
        var scaling = json.Integer(input, "scaling", "", required: true, Grades);
        json.ThrowIfAny();

        var score = GppgaScorer.Score(erythema!.Value, pustules!.Value, scaling!.Value);
        var output = Header("gppga", score.Instrument);
        output["total"] = score.Total;
        output["label"] = score.Total switch { 0 => "clear", 1 => "almostClear", 2 => "mild", 3 => "moderate", _ => "severe" };
        output["compositeMean"] = Display(score.CompositeMean);
        output["pustulationSubscore"] = score.Pustules;
        return output;
    }

    /// <summary>Reads the four EASI/PASI regions; null when any is malformed (errors recorded).</summary>
    private static RegionScores<T>? Regions<T>(JsonInput json, JsonElement input, Func<JsonElement, string, T> read, params string[] fields)
        where T : class
    {
        if (json.Member(input, "regions", "", required: true, "an object with head, upperLimbs, trunk, lowerLimbs") is not { } regions ||
            !json.Object(regions, "regions", [.. BodyRegions.Names]))
        {
            return null;
        }

        var values = new T?[4];
        for (var r = 0; r < 4; r++)
        {
            var path = $"regions.{BodyRegions.Names[r]}";
            if (json.Member(regions, BodyRegions.Names[r], "regions", required: true, $"an object with {string.Join(", ", fields)}") is { } region &&
                json.Object(region, path, fields))
            {
                values[r] = read(region, path);
            }
        }

        return Array.TrueForAll(values, v => v is not null) ? new RegionScores<T>(values[0]!, values[1]!, values[2]!, values[3]!) : null;
    }

    private static JsonObject RegionsOut(RegionScores<decimal?> regions)
    {
        var output = new JsonObject();
        for (var r = 0; r < 4; r++)
        {
            output[BodyRegions.Names[r]] = Exact(regions[r]);
        }

        return output;
    }
}
