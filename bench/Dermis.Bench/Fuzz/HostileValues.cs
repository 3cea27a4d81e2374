using System.Globalization;
using System.Text;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// Values that break parsers in practice: numbers at and past the limits of every numeric type, NaN and
/// infinity spelt as text, empty and very long strings, control characters, unpaired surrogates,
/// right-to-left and zero-width marks, path and markup metacharacters.
/// </summary>
internal static class HostileValues
{
    private static readonly string[] s_texts =
    [
        "", " ", "0", "-1", "-0", "1e309", "-1e309", "1e-400", "NaN", "nan", "Infinity", "-Infinity", "+Inf", "∞",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "4294967296",
        "18446744073709551616", "79228162514264337593543950336", "0x7fffffff", "1_000", "1,5", "١٢٣", "true", "false", "null",
        "undefined", "[]", "{}", "\"", "'", "\\", "../../etc/passwd", "%00", "\0", "\u0001\u0002", "\r\n", "\t",
        "<script>alert(1)</script>", "]]>", "&amp;&#0;", "${jndi:x}", "{{7*7}}", "' OR 1=1 --", "; DROP TABLE audit;",
        "\u202Eevil", "\u200B", "\uFEFF", "e\u0301", "\uD800", "\uDFFF", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "🧪🩺", "Ⅻ", "ǅ", "İ", "ß",
        "0000-00-00", "2026-02-30", "2026-13-01", "9999-12-31", "0001-01-01", "2026-09-01T25:61:61Z", "-2026-01-01",
        "1900-01-01T00:00:00+99:00", "yyyy-MM-dd", "P1Y", "01:00", "24:00",
    ];

    /// <summary>A hostile string (from the list, or generated: long, deep or random code points).</summary>
    public static string Text(Random random)
    {
        return random.Next(10) switch
        {
            0 => new string((char)random.Next('!', '~'), random.Next(1, 4) * 1024 * random.Next(1, 70)),
            1 => RandomCodePoints(random, random.Next(1, 64)),
            _ => s_texts[random.Next(s_texts.Length)],
        };
    }

    /// <summary>A JSON number literal at or past a numeric limit (still valid JSON syntax).</summary>
    public static string NumberLiteral(Random random) => random.Next(12) switch
    {
        0 => "1e309",
        1 => "-1e309",
        2 => "1e-400",
        3 => "9223372036854775808",
        4 => "-9223372036854775809",
        5 => "2147483648",
        6 => "0.1e1",
        7 => "-0",
        8 => "1" + new string('0', random.Next(20, 400)),
        9 => "0." + new string('0', random.Next(20, 400)) + "1",
        10 => "4.9e-324",
        _ => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Random code points from every plane, surrogates and controls included.</summary>
    public static string RandomCodePoints(Random random, int count)
    {
        var text = new StringBuilder(count * 2);
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(6);
            text.Append(kind switch
            {
                0 => (char)random.Next(0, 0x20),
                1 => (char)random.Next(0xD800, 0xE000),
                2 => (char)random.Next(0x80, 0x800),
                3 => (char)random.Next(0xFFF0, 0x10000),
                4 => (char)random.Next(0x20, 0x7F),
                _ => (char)random.Next(0x800, 0xD800),
            });
        }

        return text.ToString();
    }
}
