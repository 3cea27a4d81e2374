using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dermis.Server.Web.Forms;

/// <summary>
/// Between HTML inputs and a form's JSON document: posted strings become the typed document the API
/// takes (numbers as numbers, yes/no as booleans, empty as null), and a stored document gives each
/// input its value back.
/// </summary>
public static class FormValues
{
    /// <summary>The document for the posted values (<paramref name="posted"/> maps input name = item path to its text).</summary>
    /// <remarks>A number that does not parse is kept as text so that the server's rules name it, rather than being dropped silently.</remarks>
    public static JsonElement ToDocument(IEnumerable<EntryGroup> groups, Func<string, string?> posted)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(posted);
        var root = new JsonObject();
        foreach (var field in groups.SelectMany(g => g.Fields))
        {
            var text = posted(field.Path)?.Trim();
            if (string.IsNullOrEmpty(text) && field.OmitWhenEmpty)
            {
                continue;
            }

            Set(root, field.Path, string.IsNullOrEmpty(text) ? null : Value(field, text));
        }

        return JsonSerializer.SerializeToElement(root);
    }

    /// <summary>The input text of every item path present in <paramref name="document"/> (JSON), for re-displaying stored data.</summary>
    public static Dictionary<string, string> FromDocument(IEnumerable<EntryGroup> groups, string? document)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document is null)
        {
            return values;
        }

        using var parsed = JsonDocument.Parse(document);
        foreach (var field in groups.SelectMany(g => g.Fields))
        {
            if (Find(parsed.RootElement, field.Path) is { } element)
            {
                values[field.Path] = element.ValueKind switch
                {
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => element.GetDecimal().ToString(CultureInfo.InvariantCulture),
                    JsonValueKind.String => element.GetString()!,
                    _ => "",
                };
            }
        }

        return values;
    }

    private static JsonValue Value(EntryField field, string text)
    {
        var numeric = field.Kind is EntryKind.Integer or EntryKind.Decimal || (field.Kind == EntryKind.Choice && field.NumericChoices);
        if (numeric)
        {
            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
        }

        if (field.Kind == EntryKind.Boolean)
        {
            return text switch { "true" => JsonValue.Create(true), "false" => JsonValue.Create(false), _ => JsonValue.Create(text) };
        }

        return JsonValue.Create(text);
    }

    /// <summary>Sets <paramref name="path"/> (<c>a.b</c>, <c>a[2]</c>) under <paramref name="root"/>, creating objects and null-padded arrays on the way.</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode container = root;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, index) = Segment(segments[i]);
            var last = i == segments.Length - 1;
            var obj = (JsonObject)container;
            if (index is not { } at)
            {
                if (last)
                {
                    obj[name] = value;
                    return;
                }

                container = obj[name] ??= new JsonObject();
                continue;
            }

            var array = (JsonArray)(obj[name] ??= new JsonArray());
            while (array.Count <= at)
            {
                array.Add(null);
            }

            if (last)
            {
                array[at] = value;
                return;
            }

            container = array[at] ??= new JsonObject();
        }
    }

    private static JsonElement? Find(JsonElement element, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var (name, index) = Segment(segment);
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }

            if (index is { } at)
            {
                if (element.ValueKind != JsonValueKind.Array || at >= element.GetArrayLength())
                {
                    return null;
                }

                element = element[at];
            }
        }

        return element;
    }

    private static (string Name, int? Index) Segment(string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (segment, null) : (segment[..bracket], int.Parse(segment.AsSpan(bracket + 1, segment.Length - bracket - 2), CultureInfo.InvariantCulture));
    }
}
