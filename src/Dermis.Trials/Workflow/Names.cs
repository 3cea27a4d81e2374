using System.Text.Json;

namespace Dermis.Trials.Workflow;

/// <summary>Enum values as they appear in the API, files and the audit trail: camelCase.</summary>
public static class Names
{
    /// <summary>The camelCase name of <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Parses a camelCase (or PascalCase) name; null when it is not exactly one member (no numbers, no "a,b" combinations).</summary>
    public static TEnum? Parse<TEnum>(string? name)
        where TEnum : struct, Enum =>
        name is not null && !name.Contains(',', StringComparison.Ordinal) && !int.TryParse(name, out _) &&
        Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    /// <summary>All member names, camelCase, for "allowed:" messages.</summary>
    public static IEnumerable<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of);
}
