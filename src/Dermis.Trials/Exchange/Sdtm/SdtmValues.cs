using System.Globalization;
using System.Text.Json;

namespace Dermis.Trials.Exchange.Sdtm;

/// <summary>
/// How export values become text (SDTMIG v3.4 §4.4: ISO 8601 dates, numbers without
/// locale), and how stored eCRF / diary JSON is read.
/// </summary>
internal static class SdtmValues
{
    /// <summary>ISO 8601 calendar date (yyyy-MM-dd), or empty.</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The UTC calendar date of an instant (yyyy-MM-dd).</summary>
    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>The value in invariant culture without trailing zeros (20.10 → 20.1, 6.0 → 6), or empty.</summary>
    public static string Number(decimal? value) =>
        value is { } v ? Normalise(v).ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>The integer in invariant culture, or empty.</summary>
    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>The same value with the smallest scale that represents it (20.10 → 20.1).</summary>
    public static decimal Normalise(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>
    /// Study day of <paramref name="date"/> relative to <paramref name="reference"/> (RFSTDTC),
    /// SDTMIG v3.4 §4.4.4: date − reference + 1 on or after the reference, date − reference before it;
    /// there is no day 0. Null when either date is unknown.
    /// </summary>
    public static int? StudyDay(DateOnly? date, DateOnly? reference)
    {
        if (date is not { } d || reference is not { } r)
        {
            return null;
        }

        var difference = d.DayNumber - r.DayNumber;
        return difference >= 0 ? difference + 1 : difference;
    }

    /// <summary>The stored JSON document's root, or null for null or empty text.</summary>
    public static JsonElement? Json(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>A member of an object, or null when absent, JSON null or not an object.</summary>
    public static JsonElement? Member(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A string member, the raw text of a number member, or null.</summary>
    public static string? Text(JsonElement? element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    /// <summary>A numeric member as decimal, or null.</summary>
    public static decimal? Decimal(JsonElement? element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetDecimal(out var value) ? value : null;

    /// <summary>A boolean member, or null.</summary>
    public static bool? Boolean(JsonElement? element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>The elements of an array member (empty when absent).</summary>
    public static IReadOnlyList<JsonElement> Array(JsonElement? element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Array } a ? [.. a.EnumerateArray()] : [];

    /// <summary>A date member (yyyy-MM-dd), or null when absent or not a full date.</summary>
    public static DateOnly? FullDate(JsonElement? element, string name) =>
        Text(element, name) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
