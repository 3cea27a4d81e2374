namespace Dermis.Server.Auth;

/// <summary>
/// A small embedded deny list of passwords that are guessed first (ASVS V2.1.7). Only the form of a
/// common password matters here: it is compared lower-cased, whole, and again with digits and symbols
/// stripped from both ends ("Password2024!" is "password"), and the whole as a run of one character or of a row of
/// the keyboard or the digits is refused however long. The words are the stems that top the public
/// breach-corpus rankings (SecLists "10-million-password-list-top", NCSC "100k-most-used"); a stem
/// shorter than 12 characters still matters because of the stripping.
/// </summary>
internal static class CommonPasswords
{
    private static readonly HashSet<string> Stems = new(StringComparer.Ordinal)
    {
        "password", "passw0rd", "p@ssw0rd", "p@ssword", "pass", "passwort", "motdepasse", "contraseña", "contrasena",
        "qwerty", "qwertz", "azerty", "qwertyuiop", "qwertzuiop", "azertyuiop", "asdfghjkl", "zxcvbnm", "qazwsx", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4",
        "iloveyou", "letmein", "welcome", "willkommen", "bienvenue", "admin", "administrator", "root", "login", "changeme", "secret", "default",
        "dragon", "monkey", "football", "baseball", "soccer", "hockey", "basketball", "superman", "batman", "starwars", "pokemon", "master",
        "sunshine", "princess", "shadow", "michael", "jennifer", "jessica", "charlie", "thomas", "daniel", "andrew", "jordan", "hunter", "ashley",
        "trustno1", "whatever", "freedom", "computer", "internet", "samsung", "google", "hello", "helloworld", "abcdef", "abcdefg",
        "abcdefghijkl", "access", "mustang", "killer", "cookie", "chocolate", "flower", "summer", "winter", "spring", "autumn", "lovely", "loveme",
        "ilovemyself", "iloveu", "fuckyou", "nothing", "matrix", "liverpool", "chelsea", "arsenal", "barcelona", "bayern", "dortmund",
        "dermis", "dermatology", "clinical", "trial", "study", "hospital", "charite", "doctor", "nurse", "patient",
    };

    private static readonly string[] Rows = ["0123456789", "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "azertyuiop", "abcdefghijklmnopqrstuvwxyz"];

    /// <summary>True when <paramref name="password"/> is a listed stem (whole or with digits and symbols around it) or a run or row.</summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.ToLowerInvariant();
        if (Stems.Contains(lower) || IsRunOrRow(lower))
        {
            return true;
        }

        var stem = lower.Trim().TrimStart(NotLetter).TrimEnd(NotLetter);
        return Stems.Contains(stem);
    }

    private static readonly char[] NotLetter = [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => !char.IsAsciiLetter(c))];

    /// <summary>One character repeated, or a stretch of a keyboard row or the digits, forwards or backwards, repeated if need be.</summary>
    private static bool IsRunOrRow(string text)
    {
        if (text.Length < 3)
        {
            return false;
        }

        if (text.All(c => c == text[0]))
        {
            return true;
        }

        var reversed = new string([.. text.Reverse()]);
        foreach (var row in Rows)
        {
            // "123412341234" or "qwertyqwerty": the text is a stretch of the row, repeated.
            if (IsRepeatedStretchOf(text, row) || IsRepeatedStretchOf(reversed, row))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRepeatedStretchOf(string text, string row)
    {
        for (var period = 3; period <= Math.Min(text.Length, row.Length); period++)
        {
            if (row.Contains(text[..period], StringComparison.Ordinal) && Enumerable.Range(0, text.Length).All(i => text[i] == text[i % period]))
            {
                return true;
            }
        }

        return false;
    }
}
