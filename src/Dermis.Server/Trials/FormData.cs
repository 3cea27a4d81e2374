using System.Globalization;
using System.Text.Json;
using Dermis.Trials.Checks;

namespace Dermis.Server.Trials;

/// <summary>Reads item values out of stored form documents for edit checks.</summary>
internal static class FormData
{
    /// <summary>
    /// The value at <paramref name="path"/> (<c>total</c>, <c>regions.head.area</c>, <c>answers[6]</c>): the derived
    /// score document first (totals, bands), then the raw items.
    /// </summary>
    public static CheckValue Read(string? derived, string data, string path)
    {
        if (derived is not null && Find(derived, path) is { } fromDerived)
        {
            return fromDerived;
        }

        return Find(data, path) ?? CheckValue.Null;
    }

    private static CheckValue? Find(string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            int? index = null;
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0 && segment.EndsWith(']'))
            {
                name = segment[..bracket];
                index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
            }

            if (name.Length > 0)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return null;
                }
            }

            if (index is { } i)
            {
                if (element.ValueKind != JsonValueKind.Array || i >= element.GetArrayLength())
                {
                    return null;
                }

                element = element[i];
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number => CheckValue.FromNumber(element.GetDecimal()),
            JsonValueKind.True => CheckValue.True,
            JsonValueKind.False => CheckValue.False,
            JsonValueKind.String when DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => CheckValue.FromDate(date),
            JsonValueKind.String => CheckValue.FromText(element.GetString()),
            _ => CheckValue.Null,
        };
    }
}
