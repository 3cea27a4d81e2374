using System.Globalization;

namespace Dermis.Storage.Trials;

/// <summary>How times and dates are written in trial tables: UTC ISO-8601 with microseconds, dates yyyy-MM-dd.</summary>
public static class UtcText
{
    /// <summary>The text of <paramref name="at"/> in UTC, to the microsecond.</summary>
    public static string Format(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);

    /// <summary>Parses <see cref="Format(DateTimeOffset)"/>'s output.</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The text of a date.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses a yyyy-MM-dd date.</summary>
    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
