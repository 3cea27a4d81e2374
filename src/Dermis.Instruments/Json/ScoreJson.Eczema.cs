using System.Text.Json;
using System.Text.Json.Nodes;
using Dermis.Instruments.Scorad;
using Dermis.Instruments.Viga;

namespace Dermis.Instruments.Json;

/// <summary>SCORAD, objective SCORAD and vIGA-AD.</summary>
public static partial class ScoreJson
{
    private static JsonObject ScoreScorad(JsonElement input, bool objectiveOnly)
    {
        var id = objectiveOnly ? "oscorad" : "scorad";
        var json = new JsonInput(id);
        if (objectiveOnly)
        {
            json.Object(input, "", "extentPercent", "intensity");
        }
        else
        {
            json.Object(input, "", "extentPercent", "intensity", "pruritusVas", "sleeplessnessVas");
        }

        var extent = json.Number(input, "extentPercent", "", required: true, "0–100 (% of body surface, rule of nines)");
        ScoradIntensity? intensity = null;
        string[] items = ["erythema", "oedema", "oozing", "excoriation", "lichenification", "dryness"];
        if (json.Member(input, "intensity", "", required: true, "an object with " + string.Join(", ", items)) is { } b &&
            json.Object(b, "intensity", items))
        {
            var grades = Array.ConvertAll(items, item => json.Integer(b, item, "intensity", required: true, "integers 0–3"));
            if (Array.TrueForAll(grades, g => g is not null))
            {
                intensity = new ScoradIntensity(grades[0]!.Value, grades[1]!.Value, grades[2]!.Value, grades[3]!.Value, grades[4]!.Value, grades[5]!.Value);
            }
        }

        decimal? pruritus = null, sleeplessness = null;
        if (!objectiveOnly)
        {
            pruritus = json.Number(input, "pruritusVas", "", required: true, "0–10 (decimals allowed)");
            sleeplessness = json.Number(input, "sleeplessnessVas", "", required: true, "0–10 (decimals allowed)");
        }

        json.ThrowIfAny();
        var score = ScoradScorer.Score(new ScoradInput(extent!.Value, intensity!, pruritus, sleeplessness));
        var output = Header(id, score.Instrument);
        if (objectiveOnly)
        {
            output["total"] = Exact(score.Objective);
        }
        else
        {
            output["total"] = Exact(score.Total);
            output["objective"] = Exact(score.Objective);
        }

        output["band"] = Camel(score.Band.ToString());
        return output;
    }

    private static JsonObject ScoreViga(JsonElement input)
    {
        var json = new JsonInput("viga");
        const string Grades = "integers 0–4 (clear, almost clear, mild, moderate, severe)";
        VigaScore? score = null;
        if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty("grade", out _))
        {
            json.Object(input, "", "grade");
            var grade = json.Integer(input, "grade", "", required: true, Grades);
            json.ThrowIfAny();
            score = VigaScorer.Score(grade!.Value);
        }
        else
        {
            json.Object(input, "", "baseline", "current");
            var baseline = json.Integer(input, "baseline", "", required: true, Grades + "; or give {\"grade\": n} alone");
            var current = json.Integer(input, "current", "", required: true, Grades);
            json.ThrowIfAny();
            score = VigaScorer.Score(baseline!.Value, current!.Value);
        }

        var output = Header("viga", score.Instrument);
        output["grade"] = (int)score.Grade;
        output["label"] = Camel(score.Grade.ToString());
        if (score.Responder is { } responder)
        {
            output["baseline"] = (int)score.Baseline!.Value;
            output["responder"] = responder;
        }

        return output;
    }
}
