using System.Globalization;
using System.Text.Json;
using Dermis.Instruments.Json;
using Dermis.Instruments.Scoring;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Forms;

/// <summary>A value outside an item's soft range: saved, but a query asks the site to confirm it.</summary>
/// <param name="ItemPath">The item.</param>
/// <param name="Message">The query text.</param>
public sealed record SoftRangeIssue(string ItemPath, string Message);

/// <summary>What a form's data means: rejected fields, soft-range issues, missing required items and, for instrument forms, the derived score.</summary>
/// <param name="Errors">Values that cannot be saved (hard range, type, unknown item, instrument rule).</param>
/// <param name="SoftRangeIssues">Values to confirm.</param>
/// <param name="MissingRequired">Required items without a value (block "complete", not "save").</param>
/// <param name="Derived">The instrument score document (JSON), or null for a custom form.</param>
/// <param name="InstrumentVersion">The instrument version that derived it.</param>
public sealed record FormEvaluation(
    IReadOnlyList<FieldError> Errors,
    IReadOnlyList<SoftRangeIssue> SoftRangeIssues,
    IReadOnlyList<string> MissingRequired,
    string? Derived,
    string? InstrumentVersion)
{
    /// <summary>Checks <paramref name="data"/> against <paramref name="form"/> and derives the instrument score.</summary>
    public static FormEvaluation Evaluate(ProtocolDefinition protocol, FormDefinition form, JsonElement data)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(form);
        return form.Instrument is { } instrument ? EvaluateInstrument(instrument, data) : EvaluateItems(protocol, form, data);
    }

    private static FormEvaluation EvaluateInstrument(string instrument, JsonElement data)
    {
        try
        {
            var output = ScoreJson.Score(instrument, data);
            return new FormEvaluation([], [], [], output.ToJsonString(), (string?)output["version"]);
        }
        catch (InstrumentValidationException e)
        {
            return new FormEvaluation(e.Errors, [], [], null, null);
        }
    }

    private static FormEvaluation EvaluateItems(ProtocolDefinition protocol, FormDefinition form, JsonElement data)
    {
        var errors = new List<FieldError>();
        var soft = new List<SoftRangeIssue>();
        var missing = new List<string>();
        if (data.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("(document)", $"expected an object of items: {string.Join(", ", form.Items.Select(i => i.Id))}"));
            return new FormEvaluation(errors, soft, missing, null, null);
        }

        foreach (var property in data.EnumerateObject())
        {
            if (!form.Items.Any(i => i.Id == property.Name))
            {
                errors.Add(new FieldError(property.Name, $"is not an item of form {form.Id}; allowed: {string.Join(", ", form.Items.Select(i => i.Id))}"));
            }
        }

        foreach (var item in form.Items)
        {
            if (!data.TryGetProperty(item.Id, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (item.Required)
                {
                    missing.Add(item.Id);
                }

                continue;
            }

            var error = CheckItem(protocol, item, value, out var number);
            if (error is not null)
            {
                errors.Add(new FieldError(item.Id, error));
            }
            else if (number is { } n && item.SoftRange is { } range && !Inside(range, n))
            {
                soft.Add(new SoftRangeIssue(item.Id,
                    $"{item.Label} {Format(n)}{Units(item)} is outside the expected range {Describe(range)}{Units(item)}; please confirm or correct."));
            }
        }

        return new FormEvaluation(errors, soft, missing, null, null);
    }

    private static string? CheckItem(ProtocolDefinition protocol, ItemDefinition item, JsonElement value, out decimal? number)
    {
        number = null;
        switch (item.Type)
        {
            case ItemType.Text:
                return value.ValueKind == JsonValueKind.String ? null : "expected text (a JSON string)";
            case ItemType.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "expected true or false";
            case ItemType.Integer or ItemType.Decimal:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var d))
                {
                    return $"expected a number{Units(item)}{RangeHint(item)}";
                }

                if (item.Type == ItemType.Integer && d != decimal.Truncate(d))
                {
                    return $"{Format(d)} is not a whole number{RangeHint(item)}";
                }

                if (item.HardRange is { } hard && !Inside(hard, d))
                {
                    return $"{Format(d)} is out of range; allowed: {Describe(hard)}{Units(item)}";
                }

                number = d;
                return null;
            case ItemType.Date:
                return value.ValueKind == JsonValueKind.String &&
                       DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : "expected a date yyyy-MM-dd";
            case ItemType.PartialDate:
                return value.ValueKind == JsonValueKind.String && IsPartialDate(value.GetString()!)
                    ? null
                    : "expected a partial date: yyyy, yyyy-MM or yyyy-MM-dd";
            case ItemType.Choice:
                var codes = protocol.CodeLists.First(c => c.Id == item.CodeListId).Codes;
                return value.ValueKind == JsonValueKind.String && codes.Any(c => c.Key == value.GetString())
                    ? null
                    : $"{value.GetRawText()} is not allowed; allowed: {string.Join(", ", codes.Select(c => $"{c.Key} ({c.Value})"))}";
            default:
                return $"items of type {item.Type} are not supported";
        }
    }

    private static bool IsPartialDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ||
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ||
        DateOnly.TryParseExact(text + "-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool Inside(ValueRange range, decimal value) =>
        (range.Min is null || value >= range.Min) && (range.Max is null || value <= range.Max);

    private static string Describe(ValueRange range) => (range.Min, range.Max) switch
    {
        ({ } min, { } max) => $"{Format(min)} to {Format(max)}",
        ({ } min, null) => $"{Format(min)} or more",
        (null, { } max) => $"{Format(max)} or less",
        _ => "any value",
    };

    private static string RangeHint(ItemDefinition item) => item.HardRange is { } hard ? $"; allowed: {Describe(hard)}{Units(item)}" : "";

    private static string Units(ItemDefinition item) => item.Units is { } units ? " " + units : "";

    private static string Format(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
