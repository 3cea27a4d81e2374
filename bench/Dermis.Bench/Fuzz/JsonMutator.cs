using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// Structure-aware mutations of a JSON request body: a field removed or duplicated, a value's type
/// confused (string, number, array, object, null, boolean), numbers past every limit, NaN and Infinity as
/// bare tokens, nesting a thousand levels deep, very long strings and Unicode edge cases. One case in
/// five falls back to the text and byte mutations of <see cref="Mutator"/>.
/// </summary>
internal static class JsonMutator
{
    // Raw text that JsonNode cannot hold (1e309, NaN, deep nesting) goes in as this marker and is spliced in after serialising.
    private const string Marker = "\u0001fuzz-raw\u0001";

    /// <summary>A mutated copy of <paramref name="json"/> as UTF-8 bytes.</summary>
    public static byte[] Mutate(Mutator mutator, string json)
    {
        var random = mutator.Random;
        if (random.Next(5) == 0)
        {
            return mutator.MutateText(json);
        }

        JsonNode root;
        try
        {
            root = JsonNode.Parse(json) ?? new JsonObject();
        }
        catch (JsonException)
        {
            // A seed that is not JSON (an empty body) is mutated as text.
            return mutator.MutateText(json);
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        string? raw = null;
        string? duplicate = null;
        var rounds = 1 + random.Next(2);
        for (var r = 0; r < rounds; r++)
        {
            var node = nodes[random.Next(nodes.Count)];
            switch (random.Next(6))
            {
                case 0 when node.Parent is JsonObject parent:
                    parent.Remove(node.GetPropertyName());
                    nodes = [];
                    Collect(root, nodes);
                    break;
                case 1 when node.Parent is JsonObject:
                    duplicate = node.GetPropertyName();
                    break;
                case 2:
                    raw = RawToken(random);
                    Replace(node, JsonValue.Create(Marker), ref root);
                    nodes = [];
                    Collect(root, nodes);
                    break;
                default:
                    Replace(node, Confused(random, node), ref root);
                    nodes = [];
                    Collect(root, nodes);
                    break;
            }
        }

        var text = root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (raw is not null)
        {
            text = text.Replace(JsonSerializer.Serialize(Marker), raw, StringComparison.Ordinal);
        }

        if (duplicate is not null)
        {
            // A JSON object with the same name twice: the text is built by hand, JsonNode refuses it.
            var key = JsonSerializer.Serialize(duplicate) + ":";
            var at = text.IndexOf(key, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = text.Insert(at, key + RawToken(random) + ",");
            }
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static JsonNode? Confused(Random random, JsonNode node) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(HostileValues.Text(random)),
        2 => JsonValue.Create(random.Next(2) == 0 ? long.MaxValue : long.MinValue),
        3 => new JsonArray(node.DeepClone(), node.DeepClone()),
        4 => new JsonObject { ["value"] = node.DeepClone() },
        5 => JsonValue.Create(random.Next(2) == 0),
        6 => JsonValue.Create(node.ToJsonString()),
        7 => JsonValue.Create(random.NextDouble() * Math.Pow(10, random.Next(-300, 300))),
        _ => JsonValue.Create(new string('x', random.Next(1, 1 << 16))),
    };

    private static string RawToken(Random random) => random.Next(6) switch
    {
        0 => random.Next(4) switch { 0 => "NaN", 1 => "Infinity", 2 => "-Infinity", _ => "undefined" },
        1 => new string('[', 1000 + random.Next(5000)) + new string(']', 1000 + random.Next(5000)),
        2 => string.Concat(Enumerable.Repeat("{\"a\":", 600)) + "1" + new string('}', 600),
        3 => "\"" + HostileValues.RandomCodePoints(random, random.Next(1, 40)).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        4 => "\"\\ud800\\u0000\"",
        _ => HostileValues.NumberLiteral(random),
    };

    private static void Replace(JsonNode node, JsonNode? replacement, ref JsonNode root)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
            default:
                root = replacement ?? JsonValue.Create(Marker);
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, nodes);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, nodes);
                }

                break;
        }
    }
}
