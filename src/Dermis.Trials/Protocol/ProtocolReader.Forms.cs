using System.Globalization;
using Dermis.Instruments.Json;
using YamlDotNet.RepresentationModel;

namespace Dermis.Trials.Protocol;

internal sealed partial class ProtocolReader
{
    private static readonly string[] FormKeys = ["id", "name", "instrument", "items"];
    private static readonly string[] ItemKeys = ["id", "label", "type", "required", "units", "range", "softRange", "codeList"];
    private static readonly string[] RangeKeys = ["min", "max"];
    private static readonly string[] CodeListKeys = ["id", "codes"];

    /// <summary>Instruments a form may name: every scored instrument except <c>change</c>, which is derived from two visits, not collected.</summary>
    internal static readonly string[] FormInstruments = [.. ScoreJson.Instruments.Where(i => i != "change")];

    private static readonly string[] TypeNames = ["text", "integer", "decimal", "date", "partialDate", "choice", "boolean"];

    private List<CodeList> ReadCodeLists(YamlMap top)
    {
        var codeLists = new List<CodeList>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var codeList in Entries(top.Sequence("codeLists", required: false), "codeLists", "code list", CodeListKeys))
        {
            var id = Id(codeList, "code list", seen);
            var codes = new List<KeyValuePair<string, string>>();
            if (codeList.Mapping("codes", required: true) is { } mapping)
            {
                if (mapping.Children.Count == 0)
                {
                    Error(mapping, $"{codeList.Context}: 'codes' is empty; list code: label pairs, e.g. {{ F: Female, M: Male }}");
                }

                // YamlMappingNode keeps file order, which is the display order of the codes.
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } code } || IsNull(key) || code.Trim().Length == 0)
                    {
                        Error(key, $"{codeList.Context}: a code must be a non-empty single value");
                    }
                    else if (value is not YamlScalarNode { Value: { } label } || IsNull(value) || label.Trim().Length == 0)
                    {
                        Error(value, $"{codeList.Context}: code '{code}' needs a label; got {Kind(value)}");
                    }
                    else
                    {
                        codes.Add(new KeyValuePair<string, string>(code, label));
                    }
                }
            }

            codeLists.Add(new CodeList(id ?? "", codes));
        }

        return codeLists;
    }

    private List<FormDefinition> ReadForms(YamlMap top, List<CodeList> codeLists)
    {
        var forms = new List<FormDefinition>();
        var list = top.Sequence("forms", required: true);
        if (list is { Children.Count: 0 })
        {
            Error(list, "forms: the list is empty; define the forms the visits collect");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var form in Entries(list, "forms", "form", FormKeys))
        {
            var id = Id(form, "form", seen);
            var name = form.Text("name", required: true);
            var instrument = form.Text("instrument", required: false);
            var items = new List<ItemDefinition>();
            if (instrument is not null && Array.IndexOf(FormInstruments, instrument) < 0)
            {
                Error(form.ValueNode("instrument")!, $"{form.Context}: instrument '{instrument}' is not known; allowed: {string.Join(", ", FormInstruments)}");
            }

            if (form.Has("instrument") && form.Has("items"))
            {
                Error(form.KeyNode("items")!, $"{form.Context}: has both 'instrument' and 'items'; an instrument form takes its fields from the instrument, a custom form lists items");
            }
            else if (!form.Has("instrument") && !form.Has("items"))
            {
                Error(form.Node, $"{form.Context}: needs 'instrument' (one of {string.Join(", ", FormInstruments)}) or 'items'");
            }
            else if (form.Has("items"))
            {
                ReadItems(form, codeLists, items);
            }

            forms.Add(new FormDefinition(id ?? "", name ?? "", instrument, items));
        }

        return forms;
    }

    private void ReadItems(YamlMap form, List<CodeList> codeLists, List<ItemDefinition> items)
    {
        var list = form.Sequence("items", required: true);
        if (list is { Children.Count: 0 })
        {
            Error(list, $"{form.Context}: 'items' is empty; a custom form has at least one item");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in Entries(list, $"{form.Context} items", $"{form.Context} item", ItemKeys))
        {
            var id = Id(item, "item", seen);
            if (id is not null)
            {
                item.Context = $"{form.Context} item '{id}'";
            }

            var label = item.Text("label", required: true);
            var typeName = item.Text("type", required: true);
            ItemType? type = typeName switch
            {
                "text" => ItemType.Text,
                "integer" => ItemType.Integer,
                "decimal" => ItemType.Decimal,
                "date" => ItemType.Date,
                "partialDate" => ItemType.PartialDate,
                "choice" => ItemType.Choice,
                "boolean" => ItemType.Boolean,
                _ => null,
            };
            if (typeName is not null && type is null)
            {
                Error(item.ValueNode("type")!, $"{item.Context}: type '{typeName}' is not known; allowed: {string.Join(", ", TypeNames)}");
            }

            var numeric = type is ItemType.Integer or ItemType.Decimal;
            foreach (var key in (string[])["units", "range", "softRange"])
            {
                if (type is not null && !numeric && item.KeyNode(key) is { } keyNode)
                {
                    Error(keyNode, $"{item.Context}: '{key}' applies to integer and decimal items only; this item is {typeName}");
                }
            }

            var codeListId = ReadItemCodeList(item, type, codeLists);
            var hard = ReadRange(item, "range");
            var soft = ReadRange(item, "softRange");
            CheckSoftInsideHard(item, hard, soft);
            items.Add(new ItemDefinition(id ?? "", label ?? "", type ?? ItemType.Text, item.Flag("required"), item.Text("units", required: false), hard, soft, codeListId));
        }
    }

    private string? ReadItemCodeList(YamlMap item, ItemType? type, List<CodeList> codeLists)
    {
        var codeListId = item.Text("codeList", required: false);
        if (type == ItemType.Choice && codeListId is null && !item.Has("codeList"))
        {
            Error(item.ValueNode("type")!, $"{item.Context}: a choice item needs 'codeList' naming one of: {string.Join(", ", codeLists.Select(c => c.Id))}");
        }
        else if (type is not null && type != ItemType.Choice && item.KeyNode("codeList") is { } keyNode)
        {
            Error(keyNode, $"{item.Context}: 'codeList' applies to choice items only");
        }
        else if (codeListId is not null && !codeLists.Exists(c => c.Id == codeListId))
        {
            var known = codeLists.Count == 0 ? "none are defined (add a codeLists section)" : string.Join(", ", codeLists.Select(c => c.Id));
            Error(item.ValueNode("codeList")!, $"{item.Context}: code list '{codeListId}' is not defined; code lists: {known}");
        }

        return codeListId;
    }

    private ValueRange? ReadRange(YamlMap item, string key)
    {
        if (item.Mapping(key, required: false) is not { } node)
        {
            return null;
        }

        var range = new YamlMap(this, node, $"{item.Context} {key}", RangeKeys);
        var min = range.Number("min");
        var max = range.Number("max");
        if (!range.Has("min") && !range.Has("max"))
        {
            Error(node, $"{range.Context}: needs 'min', 'max' or both");
        }
        else if (min > max)
        {
            Error(range.ValueNode("min")!, $"{range.Context}: min {min} is above max {max}");
        }

        return new ValueRange(min, max);
    }

    private void CheckSoftInsideHard(YamlMap item, ValueRange? hard, ValueRange? soft)
    {
        if (hard is null || soft is null || item.ValueNode("softRange") is not YamlMappingNode node)
        {
            return;
        }

        var minNode = ValueOf(node, "min");
        var maxNode = ValueOf(node, "max");
        // Lifted comparisons are false when either bound is open, so only given bounds are compared.
        if (minNode is not null && (soft.Min < hard.Min || soft.Min > hard.Max))
        {
            Error(minNode, $"{item.Context}: softRange min {soft.Min} is outside range {Show(hard)}; the soft range lies inside the hard range");
        }

        if (maxNode is not null && (soft.Max > hard.Max || soft.Max < hard.Min))
        {
            Error(maxNode, $"{item.Context}: softRange max {soft.Max} is outside range {Show(hard)}; the soft range lies inside the hard range");
        }
    }

    private static string Show(ValueRange range) => $"{range.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}–{range.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}";
}
