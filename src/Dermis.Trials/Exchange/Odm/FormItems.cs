using Dermis.Instruments.Hecsi;
using Dermis.Instruments.Scoring;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Exchange.Odm;

/// <summary>
/// The items of a form for ODM metadata: a custom form's items as the protocol declares them; an
/// instrument form's score-document fields (docs/scoring.md), each a leaf of its JSON input.
/// </summary>
public static class FormItems
{
    private static readonly string[] EasiSigns = ["erythema", "induration", "excoriation", "lichenification"];
    private static readonly string[] PasiSigns = ["erythema", "induration", "desquamation"];
    private static readonly string[] ScoradIntensity = ["erythema", "oedema", "oozing", "excoriation", "lichenification", "dryness"];
    private static readonly string[] HecsiSigns = ["erythema", "induration", "vesicles", "fissuring", "scaling", "oedema"];

    /// <summary>The items of <paramref name="form"/>, in form order.</summary>
    public static IReadOnlyList<OdmItem> Of(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Instrument switch
        {
            null => form.Items.Select(Custom).ToList(),
            "easi" => [Number("ageYears", "Age (years)", OdmDataType.Integer, 0, 130),
                .. BodyRegions.Names.SelectMany(r => Signs(r, EasiSigns, 0, 3, OdmDataType.Float).Append(Number($"regions.{r}.area", $"{r}: area score", OdmDataType.Integer, 0, 6)))],
            "pasi" => [.. BodyRegions.Names.SelectMany(r => Signs(r, PasiSigns, 0, 4, OdmDataType.Integer).Append(Number($"regions.{r}.area", $"{r}: area score", OdmDataType.Integer, 0, 6)))],
            "scorad" or "oscorad" => [Number("extentPercent", "A: extent (% body surface)", OdmDataType.Float, 0, 100),
                .. ScoradIntensity.Select(s => Number($"intensity.{s}", $"B: {s}", OdmDataType.Integer, 0, 3)),
                .. form.Instrument == "scorad" ? new[] { Number("pruritusVas", "C: pruritus (0–10)", OdmDataType.Float, 0, 10), Number("sleeplessnessVas", "C: sleeplessness (0–10)", OdmDataType.Float, 0, 10) } : []],
            "viga" => [Number("grade", "vIGA-AD grade", OdmDataType.Integer, 0, 4), Number("baseline", "vIGA-AD baseline grade", OdmDataType.Integer, 0, 4), Number("current", "vIGA-AD current grade", OdmDataType.Integer, 0, 4)],
            "gppga" => [Number("erythema", "Erythema", OdmDataType.Integer, 0, 4), Number("pustules", "Pustules", OdmDataType.Integer, 0, 4), Number("scaling", "Scaling / crusting", OdmDataType.Integer, 0, 4)],
            "hecsi" => [.. HecsiInput.Names.SelectMany(l => HecsiSigns
                .Select(s => Number($"locations.{l}.{s}", $"{l}: {s}", OdmDataType.Integer, 0, 3)).Append(Number($"locations.{l}.extent", $"{l}: extent", OdmDataType.Integer, 0, 4)))],
            "dlqi" => [.. Enumerable.Range(0, 10).Select(i => new OdmItem($"answers[{i}]", $"DLQI question {i + 1}", OdmDataType.Text, null, null, null, null, false))],
            "poem" => [.. Enumerable.Range(0, 7).Select(i => Number($"answers[{i}]", $"POEM question {i + 1}", OdmDataType.Integer, 0, 4))],
            "ppnrs" => [.. Enumerable.Range(0, 7).Select(i => Number($"baseline[{i}]", $"Baseline week day {i + 1}: worst itch", OdmDataType.Integer, 0, 10)),
                .. Enumerable.Range(0, 7).Select(i => Number($"current[{i}]", $"Current week day {i + 1}: worst itch", OdmDataType.Integer, 0, 10)),
                Number("minimumDays", "Minimum days for a weekly mean", OdmDataType.Integer, 1, 7)],
            _ => [],
        };
    }

    private static IEnumerable<OdmItem> Signs(string region, string[] signs, decimal min, decimal max, OdmDataType type) =>
        signs.Select(s => Number($"regions.{region}.{s}", $"{region}: {s}", type, min, max));

    private static OdmItem Number(string path, string label, OdmDataType type, decimal min, decimal max) =>
        new(path, label, type, new ValueRange(min, max), null, null, null, false);

    private static OdmItem Custom(ItemDefinition item) => new(
        item.Id,
        item.Label,
        item.Type switch
        {
            ItemType.Integer => OdmDataType.Integer,
            ItemType.Decimal => OdmDataType.Float,
            ItemType.Date => OdmDataType.Date,
            ItemType.PartialDate => OdmDataType.PartialDate,
            ItemType.Boolean => OdmDataType.Boolean,
            _ => OdmDataType.Text,
        },
        item.HardRange,
        item.SoftRange,
        item.CodeListId,
        item.Units,
        item.Required);
}
