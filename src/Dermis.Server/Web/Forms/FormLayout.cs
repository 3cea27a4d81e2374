using System.Globalization;
using Dermis.Trials.Protocol;

namespace Dermis.Server.Web.Forms;

/// <summary>
/// The inputs of an eCRF page: a custom form's items as the protocol declares them, or the score
/// document of an instrument laid out the way the instrument's paper form reads (docs/scoring.md).
/// Only layout lives here: values are checked and scored by the same rules as the API.
/// </summary>
public static class FormLayout
{
    private static readonly KeyValuePair<string, string>[] EasiSigns = Choices(("0", "0 none"), ("1", "1 mild"), ("1.5", "1.5"), ("2", "2 moderate"), ("2.5", "2.5"), ("3", "3 severe"));
    private static readonly KeyValuePair<string, string>[] AreaScores = Choices(("0", "0 (0 %)"), ("1", "1 (1–9 %)"), ("2", "2 (10–29 %)"), ("3", "3 (30–49 %)"), ("4", "4 (50–69 %)"), ("5", "5 (70–89 %)"), ("6", "6 (90–100 %)"));
    private static readonly KeyValuePair<string, string>[] ZeroToThree = Range(0, 3);
    private static readonly KeyValuePair<string, string>[] ZeroToFour = Range(0, 4);
    private static readonly (string Id, string Name)[] BodyRegions = [("head", "Head and neck"), ("upperLimbs", "Upper limbs"), ("trunk", "Trunk"), ("lowerLimbs", "Lower limbs")];

    /// <summary>The groups of inputs of <paramref name="form"/>.</summary>
    public static IReadOnlyList<EntryGroup> For(FormDefinition form, ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(protocol);
        return form.Instrument switch
        {
            null => [new EntryGroup(null, form.Items.Select(item => Item(item, protocol)).ToList())],
            "easi" => [new EntryGroup(null, [new EntryField("ageYears", "Age", EntryKind.Integer, Units: "years", Min: 0, Max: 130)]),
                .. BodyRegions.Select(r => Region(r.Id, r.Name, ("erythema", "Erythema"), ("induration", "Induration / papulation"), ("excoriation", "Excoriation"), ("lichenification", "Lichenification")))],
            "pasi" => [.. BodyRegions.Select(r => new EntryGroup(r.Name, [
                Choice($"regions.{r.Id}.erythema", "Erythema", ZeroToFour), Choice($"regions.{r.Id}.induration", "Induration", ZeroToFour),
                Choice($"regions.{r.Id}.desquamation", "Desquamation", ZeroToFour), Choice($"regions.{r.Id}.area", "Area", AreaScores)]))],
            "scorad" or "oscorad" => Scorad(form.Instrument == "scorad"),
            "viga" => [new EntryGroup(null, [Choice("grade", "vIGA-AD grade", Choices(("0", "0 clear"), ("1", "1 almost clear"), ("2", "2 mild"), ("3", "3 moderate"), ("4", "4 severe")))])],
            "gppga" => [new EntryGroup(null, [Choice("erythema", "Erythema", ZeroToFour), Choice("pustules", "Pustules", ZeroToFour), Choice("scaling", "Scaling / crusting", ZeroToFour)])],
            "hecsi" => Hecsi(),
            "dlqi" => Dlqi(),
            "poem" => Poem(),
            "ppnrs" => PeakPruritus(),
            _ => [],
        };
    }

    private static EntryField Item(ItemDefinition item, ProtocolDefinition protocol)
    {
        var range = item.HardRange;
        return item.Type switch
        {
            ItemType.Choice => new EntryField(item.Id, item.Label, EntryKind.Choice,
                protocol.CodeLists.FirstOrDefault(c => c.Id == item.CodeListId)?.Codes.Select(c => new KeyValuePair<string, string>(c.Key, c.Value)).ToList() ?? []),
            ItemType.Text => new EntryField(item.Id, item.Label, EntryKind.Text),
            ItemType.Integer => new EntryField(item.Id, item.Label, EntryKind.Integer, Units: item.Units, Min: range?.Min, Max: range?.Max),
            ItemType.Decimal => new EntryField(item.Id, item.Label, EntryKind.Decimal, Units: item.Units, Min: range?.Min, Max: range?.Max),
            ItemType.Date => new EntryField(item.Id, item.Label, EntryKind.Date),
            ItemType.PartialDate => new EntryField(item.Id, item.Label, EntryKind.PartialDate),
            _ => new EntryField(item.Id, item.Label, EntryKind.Boolean),
        };
    }

    private static EntryGroup Region(string id, string name, params (string Id, string Name)[] signs) =>
        new(name, [.. signs.Select(s => Choice($"regions.{id}.{s.Id}", s.Name, EasiSigns)), Choice($"regions.{id}.area", "Area affected", AreaScores)]);

    private static List<EntryGroup> Scorad(bool withSymptoms)
    {
        var intensity = new (string Id, string Name)[] { ("erythema", "Erythema"), ("oedema", "Oedema / papulation"), ("oozing", "Oozing / crusts"), ("excoriation", "Excoriation"), ("lichenification", "Lichenification"), ("dryness", "Dryness") };
        var groups = new List<EntryGroup>
        {
            new("A — extent", [new EntryField("extentPercent", "Body surface affected", EntryKind.Decimal, Units: "%", Min: 0, Max: 100)]),
            new("B — intensity", intensity.Select(i => Choice($"intensity.{i.Id}", i.Name, ZeroToThree)).ToList()),
        };
        if (withSymptoms)
        {
            groups.Add(new("C — symptoms (last 3 days)", [
                new EntryField("pruritusVas", "Pruritus", EntryKind.Decimal, Units: "0–10", Min: 0, Max: 10),
                new EntryField("sleeplessnessVas", "Sleeplessness", EntryKind.Decimal, Units: "0–10", Min: 0, Max: 10)]));
        }

        return groups;
    }

    private static List<EntryGroup> Hecsi()
    {
        var locations = new (string Id, string Name)[] { ("fingertips", "Fingertips"), ("fingers", "Fingers (except tips)"), ("palms", "Palms"), ("backs", "Backs of hands"), ("wrists", "Wrists") };
        var signs = new (string Id, string Name)[] { ("erythema", "Erythema"), ("induration", "Induration / papulation"), ("vesicles", "Vesicles"), ("fissuring", "Fissuring"), ("scaling", "Scaling"), ("oedema", "Oedema") };
        var extent = Choices(("0", "0 (0 %)"), ("1", "1 (1–25 %)"), ("2", "2 (26–50 %)"), ("3", "3 (51–75 %)"), ("4", "4 (76–100 %)"));
        return locations.Select(l => new EntryGroup(l.Name,
            [.. signs.Select(s => Choice($"locations.{l.Id}.{s.Id}", s.Name, ZeroToThree)), Choice($"locations.{l.Id}.extent", "Extent", extent)])).ToList();
    }

    private static List<EntryGroup> Dlqi()
    {
        // Short forms of the ten questions (over the last week); the site transcribes the paper answers.
        string[] questions =
        [
            "Itchy, sore, painful or stinging skin", "Embarrassed or self-conscious", "Interfered with shopping, home or garden", "Influenced the clothes worn",
            "Affected social or leisure activities", "Made it difficult to do any sport", "Prevented working or studying", "Problems with partner, friends or relatives",
            "Caused sexual difficulties", "Treatment a problem (mess, time)",
        ];
        var answers = Choices(("veryMuch", "Very much"), ("aLot", "A lot"), ("aLittle", "A little"), ("notAtAll", "Not at all"), ("notRelevant", "Not relevant"));
        var work = Choices(("yes", "Yes (prevented)"), ("aLot", "No — a lot of a problem"), ("aLittle", "No — a little"), ("notAtAll", "No — not at all"), ("notRelevant", "Not relevant"));
        return [new EntryGroup(null, questions.Select((q, i) => Choice($"answers[{i}]", $"{i + 1}. {q}", i == 6 ? work : answers)).ToList())];
    }

    private static List<EntryGroup> Poem()
    {
        string[] questions =
        [
            "Itchy skin", "Sleep disturbed", "Skin bleeding", "Skin weeping or oozing clear fluid", "Skin cracked", "Skin flaking off", "Skin felt dry or rough",
        ];
        var days = Choices(("0", "No days"), ("1", "1–2 days"), ("2", "3–4 days"), ("3", "5–6 days"), ("4", "Every day"));
        return [new EntryGroup("Over the last week, on how many days…", questions.Select((q, i) => Choice($"answers[{i}]", $"{i + 1}. {q}", days)).ToList())];
    }

    private static List<EntryGroup> PeakPruritus()
    {
        var nrs = Range(0, 10);
        EntryGroup Week(string id, string title) => new(title, Enumerable.Range(0, 7).Select(d => Choice($"{id}[{d}]", $"Day {d + 1}", nrs)).ToList());
        return
        [
            Week("baseline", "Baseline week (worst itch, 0–10)"),
            Week("current", "Current week (worst itch, 0–10)"),
            new EntryGroup(null, [new EntryField("minimumDays", "Minimum days answered for a weekly mean", EntryKind.Integer, Min: 1, Max: 7, OmitWhenEmpty: true)]),
        ];
    }

    private static EntryField Choice(string path, string label, IReadOnlyList<KeyValuePair<string, string>> choices) => new(path, label, EntryKind.Choice, choices);

    private static KeyValuePair<string, string>[] Choices(params (string Value, string Label)[] choices) =>
        choices.Select(c => new KeyValuePair<string, string>(c.Value, c.Label)).ToArray();

    private static KeyValuePair<string, string>[] Range(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(i => new KeyValuePair<string, string>(i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture))).ToArray();
}
