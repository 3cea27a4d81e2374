using System.Globalization;

namespace Dermis.SingleCell;

/// <summary>Makes names unique the way R's <c>make.unique(names, sep = ".")</c> does.</summary>
public static class UniqueNames
{
    /// <summary>
    /// Returns <paramref name="names"/> with every repeat renamed: the first occurrence keeps its name, later
    /// ones get <c>name.1</c>, <c>name.2</c>, … with the counter skipping names already present
    /// (R <c>make.unique(c("a", "a", "a.1"))</c> gives <c>"a" "a.2" "a.1"</c>).
    /// </summary>
    /// <param name="names">Names, possibly repeated.</param>
    /// <param name="separator">Text between the name and the counter; R's default is ".".</param>
    /// <returns>A new array of unique names.</returns>
    public static string[] MakeUnique(IReadOnlyList<string> names, string separator = ".")
    {
        ArgumentNullException.ThrowIfNull(names);
        var taken = new HashSet<string>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            taken.Add(names[i]);
        }

        var seen = new HashSet<string>(names.Count, StringComparer.Ordinal);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (seen.Add(name))
            {
                result[i] = name;
                continue;
            }

            var counter = counters.GetValueOrDefault(name, 1);
            string candidate;
            do
            {
                candidate = string.Create(CultureInfo.InvariantCulture, $"{name}{separator}{counter}");
                counter++;
            }
            while (taken.Contains(candidate));

            counters[name] = counter;
            taken.Add(candidate);
            result[i] = candidate;
        }

        return result;
    }
}
