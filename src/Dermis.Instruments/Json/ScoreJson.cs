using System.Text.Json;
using System.Text.Json.Nodes;
using Dermis.Instruments.Change;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Json;

/// <summary>
/// The score document format shared by <c>dermis score</c> and <c>POST /api/score/{instrument}</c>
/// (docs/scoring.md): one JSON object in, one out, camelCase, numbers carrying their exact decimal
/// value (20.1, never 20.099999).
/// </summary>
public static partial class ScoreJson
{
    private delegate JsonObject Scorer(JsonElement input);

    private static readonly Dictionary<string, Scorer> Scorers = new(StringComparer.Ordinal)
    {
        ["easi"] = ScoreEasi,
        ["pasi"] = ScorePasi,
        ["scorad"] = input => ScoreScorad(input, objectiveOnly: false),
        ["oscorad"] = input => ScoreScorad(input, objectiveOnly: true),
        ["viga"] = ScoreViga,
        ["hecsi"] = ScoreHecsi,
        ["dlqi"] = ScoreDlqi,
        ["poem"] = ScorePoem,
        ["ppnrs"] = ScorePeakPruritus,
        ["gppga"] = ScoreGppga,
        ["change"] = ScoreChange,
    };

    /// <summary>The instrument names accepted by <see cref="Score"/>.</summary>
    public static IReadOnlyList<string> Instruments { get; } = [.. Scorers.Keys];

    /// <summary>Scores one input document.</summary>
    /// <param name="instrument">An entry of <see cref="Instruments"/> (case-sensitive, lower case).</param>
    /// <param name="input">The input document.</param>
    /// <exception cref="UnknownInstrumentException"><paramref name="instrument"/> is not scored by Dermis.</exception>
    /// <exception cref="InstrumentValidationException">The document is malformed or a value is not allowed; every such field is named.</exception>
    public static JsonObject Score(string instrument, JsonElement input)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return Scorers.TryGetValue(instrument, out var scorer) ? scorer(input) : throw new UnknownInstrumentException(instrument);
    }

    // Relaxed escaping: the document is written to a terminal or a file, never into HTML.
    private static readonly JsonSerializerOptions FormatOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The output document as indented JSON text.</summary>
    public static string Format(JsonObject output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.ToJsonString(FormatOptions);
    }

    private static JsonObject ScoreChange(JsonElement input)
    {
        var json = new JsonInput("change");
        ChangeInstrument? instrument = null;
        if (json.Object(input, "", "instrument", "baseline", "current") &&
            json.Member(input, "instrument", "", required: true, "easi, pasi, hecsi") is { } name)
        {
            instrument = name.ValueKind == JsonValueKind.String ? name.GetString() switch
            {
                "easi" => ChangeInstrument.Easi,
                "pasi" => ChangeInstrument.Pasi,
                "hecsi" => ChangeInstrument.Hecsi,
                _ => null,
            } : null;
            if (instrument is null)
            {
                json.Error("instrument", $"{name.GetRawText()} is not allowed; allowed: \"easi\", \"pasi\", \"hecsi\"");
            }
        }

        var baseline = json.Number(input, "baseline", "", required: true, "a score above 0");
        var current = json.Number(input, "current", "", required: true, "a score of 0 or more");
        json.ThrowIfAny();
        var change = ChangeFromBaseline.Compute(instrument!.Value, baseline!.Value, current!.Value);
        var output = Header("change", change.Rules);
        output["of"] = Camel(change.Instrument.ToString());
        output["percentChange"] = Display(change.PercentChange);
        foreach (var responder in change.Responders)
        {
            output[responder.Name] = responder.Met;
        }

        return output;
    }

    private static JsonObject Header(string instrument, InstrumentInfo info) => new()
    {
        ["instrument"] = instrument,
        ["version"] = info.Version,
    };

    /// <summary>Adds why a total is null, when it is.</summary>
    private static JsonObject WithReason(JsonObject output, string? reason)
    {
        if (reason is not null)
        {
            output["reason"] = reason;
        }

        return output;
    }

    /// <summary>The exact value without trailing zeros (20.10 → 20.1).</summary>
    private static JsonValue Exact(decimal value) => JsonValue.Create(value / 1.000000000000000000000000000000000m);

    private static JsonValue? Exact(decimal? value) => value is null ? null : Exact(value.Value);

    /// <summary>A rational value for display, rounded half away from zero to 4 decimals (decisions never use it).</summary>
    private static JsonValue? Display(decimal? value) => value is null ? null : Exact(Math.Round(value.Value, 4, MidpointRounding.AwayFromZero));

    private static string Camel(string pascal) => JsonNamingPolicy.CamelCase.ConvertName(pascal);

    private static string? Camel<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is null ? null : Camel(value.Value.ToString());
}
