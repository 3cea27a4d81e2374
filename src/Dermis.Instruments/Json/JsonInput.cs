using System.Text.Json;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Json;

/// <summary>
/// Reads a score JSON document field by field, recording a <see cref="FieldError"/> with the JSON
/// path for every missing, mistyped or unknown field instead of stopping at the first.
/// </summary>
internal sealed class JsonInput(string instrument)
{
    private InputErrors _errors = new(instrument);

    public void ThrowIfAny() => _errors.ThrowIfAny();

    public void Error(string path, string message) => _errors.Add(path, message);

    /// <summary>Rejects fields other than <paramref name="allowed"/>; a typo must not pass as "missing".</summary>
    public bool Object(JsonElement element, string path, params ReadOnlySpan<string> allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(Root(path), $"expected an object with {string.Join(", ", allowed.ToArray())}; got {Describe(element)}");
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                _errors.Add(Join(path, property.Name), $"is not a field of {instrument}; expected {string.Join(", ", allowed.ToArray())}");
            }
        }

        return true;
    }

    /// <summary>The member, or null when absent (recording "required" when it must be there).</summary>
    public JsonElement? Member(JsonElement parent, string name, string path, bool required, string allowedValues)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            return null; // Object() has already said the parent is not an object.
        }

        if (parent.TryGetProperty(name, out var value))
        {
            return value;
        }

        if (required)
        {
            _errors.Add(Join(path, name), $"is required; allowed: {allowedValues}");
        }

        return null;
    }

    /// <summary>
    /// A number. A required field must be present and not null; an optional one that is absent or
    /// null gives null (missing data, where the instrument has a rule for it).
    /// </summary>
    public decimal? Number(JsonElement parent, string name, string path, bool required, string allowedValues)
    {
        if (Member(parent, name, path, required, allowedValues) is not { } value || IsNull(value, Join(path, name), required, allowedValues))
        {
            return null;
        }

        return Number(value, Join(path, name), allowedValues);
    }

    public decimal? Number(JsonElement value, string path, string allowedValues)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind != JsonValueKind.Null)
        {
            _errors.Add(path, $"expected a number; got {Describe(value)}; allowed: {allowedValues}");
        }

        return null;
    }

    /// <summary>An integer; a fraction such as 1.5 is rejected with the allowed values.</summary>
    public int? Integer(JsonElement parent, string name, string path, bool required, string allowedValues)
    {
        if (Member(parent, name, path, required, allowedValues) is not { } value || IsNull(value, Join(path, name), required, allowedValues))
        {
            return null;
        }

        return Integer(value, Join(path, name), allowedValues);
    }

    public int? Integer(JsonElement value, string path, string allowedValues)
    {
        if (Number(value, path, allowedValues) is not { } number)
        {
            return null;
        }

        if (number != decimal.Truncate(number) || number < int.MinValue || number > int.MaxValue)
        {
            _errors.Add(path, $"{InputErrors.Format(number)} is not allowed; allowed: {allowedValues}");
            return null;
        }

        return (int)number;
    }

    /// <summary>An array of exactly <paramref name="length"/> elements, or null (error recorded).</summary>
    public JsonElement[]? Array(JsonElement parent, string name, string path, int length, string allowedValues)
    {
        if (Member(parent, name, path, required: true, allowedValues) is not { } value)
        {
            return null;
        }

        var field = Join(path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(field, $"expected an array of {length} answers ({allowedValues}); got {Describe(value)}");
            return null;
        }

        if (value.GetArrayLength() != length)
        {
            _errors.Add(field, $"has {value.GetArrayLength()} entries; expected exactly {length} ({allowedValues})");
            return null;
        }

        return [.. value.EnumerateArray()];
    }

    private bool IsNull(JsonElement value, string path, bool required, string allowedValues)
    {
        if (value.ValueKind != JsonValueKind.Null)
        {
            return false;
        }

        if (required)
        {
            _errors.Add(path, $"is null; allowed: {allowedValues}");
        }

        return true;
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Root(string path) => path.Length == 0 ? "(document)" : path;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };
}
