using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dermis.Trials.Exchange.Odm;

/// <summary>One value of a form document: its path and its text as ODM carries it (null for a JSON null).</summary>
/// <param name="Path">Path, e.g. <c>regions.head.area</c>, <c>answers[3]</c>.</param>
/// <param name="Value">Invariant text of the value (numbers exactly as stored, <c>true</c>/<c>false</c>), or null.</param>
public readonly record struct FormValue(string Path, string? Value);

/// <summary>
/// A form's JSON document as the flat list of item values ODM holds, and back: objects become dotted
/// paths, arrays indexed paths; numbers keep their digits and scale, so a round trip changes nothing.
/// </summary>
public static class FormDocument
{
    /// <summary>The leaf values of <paramref name="json"/> in document order.</summary>
    public static List<FormValue> Flatten(string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = new List<FormValue>();
        Walk(document.RootElement, "", values);
        return values;
    }

    /// <summary>The JSON document of <paramref name="values"/>, typed by <paramref name="typeOf"/> (a path's ODM data type).</summary>
    /// <exception cref="FormatException">A value is not of its item's type, a path is given twice, or two paths collide.</exception>
    public static string Build(IEnumerable<FormValue> values, Func<string, OdmDataType> typeOf)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(typeOf);
        var root = new JsonObject();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, text) in values)
        {
            if (!seen.Add(path))
            {
                throw new FormatException($"{path}: given twice; an item holds one value");
            }

            Set(root, path, text is null ? null : Node(text, typeOf(path), path));
        }

        return root.ToJsonString();
    }

    private static void Walk(JsonElement element, string path, List<FormValue> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", values);
                    index++;
                }

                break;
            case JsonValueKind.Null:
                values.Add(new FormValue(path, null));
                break;
            case JsonValueKind.String:
                values.Add(new FormValue(path, element.GetString()));
                break;
            case JsonValueKind.True:
                values.Add(new FormValue(path, "true"));
                break;
            case JsonValueKind.False:
                values.Add(new FormValue(path, "false"));
                break;
            default:
                values.Add(new FormValue(path, element.GetRawText()));
                break;
        }
    }

    private static JsonValue Node(string text, OdmDataType type, string path) => type switch
    {
        // ODM numbers are XML Schema decimals ("+5", ".5" and "5." included), which JSON's grammar refuses: written from the decimal, digits and scale kept.
        OdmDataType.Integer or OdmDataType.Float => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : throw new FormatException($"{path}: '{text}' is not a number"),
        OdmDataType.Boolean => text switch
        {
            "true" or "1" => JsonValue.Create(true),
            "false" or "0" => JsonValue.Create(false),
            _ => throw new FormatException($"{path}: '{text}' is not a boolean (true, false, 1 or 0)"),
        },
        _ => JsonValue.Create(text),
    };

    /// <summary>Sets <paramref name="value"/> at <paramref name="path"/>, creating objects and arrays on the way.</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode current = root;
        var segments = Segments(path);
        for (var i = 0; i < segments.Count; i++)
        {
            var (name, index) = segments[i];
            var last = i == segments.Count - 1;
            var obj = current as JsonObject ?? throw new FormatException($"{path}: collides with another item");
            if (index is null)
            {
                if (last)
                {
                    obj[name] = value;
                    return;
                }

                current = obj[name] ??= new JsonObject();
                continue;
            }

            var array = (obj[name] ??= new JsonArray()) as JsonArray ?? throw new FormatException($"{path}: collides with another item");
            while (array.Count <= index.Value)
            {
                array.Add(null);
            }

            if (last)
            {
                array[index.Value] = value;
                return;
            }

            current = array[index.Value] ??= new JsonObject();
        }
    }

    private static List<(string Name, int? Index)> Segments(string path)
    {
        var segments = new List<(string, int?)>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                segments.Add((part, null));
                continue;
            }

            var index = int.Parse(part.AsSpan(bracket + 1, part.Length - bracket - 2), NumberStyles.None, CultureInfo.InvariantCulture);
            segments.Add((part[..bracket], index));
        }

        return segments;
    }
}
