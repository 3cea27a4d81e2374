using System.Globalization;
using System.Text.Json;

namespace Dermis.Trials.Forms;

/// <summary>One item whose value changed: the unit of the audit trail.</summary>
/// <param name="Path">Item path in the form data (<c>weight</c>, <c>regions.head.area</c>, <c>answers[6]</c>).</param>
/// <param name="OldValue">Value before, as JSON text (null when absent).</param>
/// <param name="NewValue">Value after, as JSON text (null when removed).</param>
public sealed record ItemChange(string Path, string? OldValue, string? NewValue)
{
    /// <summary>Every leaf item that differs between two form documents, in path order.</summary>
    public static IReadOnlyList<ItemChange> Between(JsonElement? before, JsonElement after)
    {
        var old = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var current = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (before is { } b)
        {
            Flatten(b, "", old);
        }

        Flatten(after, "", current);
        var changes = new List<ItemChange>();
        foreach (var path in old.Keys.Union(current.Keys).Order(StringComparer.Ordinal))
        {
            old.TryGetValue(path, out var was);
            current.TryGetValue(path, out var now);
            if (was != now)
            {
                changes.Add(new ItemChange(path, was, now));
            }
        }

        return changes;
    }

    private static void Flatten(JsonElement element, string path, SortedDictionary<string, string> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", leaves);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", leaves);
                    index++;
                }

                break;
            case JsonValueKind.Null:
                // null and absent are the same datum: "no value".
                break;
            case JsonValueKind.Number:
                // 2 and 2.0 are the same value; compare normalised decimals.
                leaves[path] = element.TryGetDecimal(out var number)
                    ? (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
                    : element.GetRawText();
                break;
            default:
                leaves[path] = element.GetRawText();
                break;
        }
    }
}
