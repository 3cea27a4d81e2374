using System.Globalization;

namespace Dermis.Server.Auth;

/// <summary>
/// The password rule for new accounts and password changes (OWASP ASVS 4.0.3 V2.1.1, V2.1.7; NIST SP
/// 800-63B §5.1.1.2): at least <see cref="MinimumLength"/> characters, not containing the user name,
/// and not a commonly used password (<see cref="CommonPasswords"/>), also not one with digits or
/// symbols merely added before or after. No composition rules (NIST advises against them).
/// </summary>
public static class PasswordPolicy
{
    /// <summary>Minimum length in characters (UTF-16 code units).</summary>
    public const int MinimumLength = 12;

    /// <summary>
    /// What is wrong with <paramref name="password"/> for the account <paramref name="username"/>, as a field
    /// message ("must have at least 12 characters; it has 9"), or null when it is acceptable.
    /// </summary>
    /// <param name="username">The account's user name; may be null or empty when not known yet.</param>
    /// <param name="password">The proposed password.</param>
    public static string? Violation(string? username, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return string.Create(CultureInfo.InvariantCulture, $"is required: at least {MinimumLength} characters");
        }

        if (password.Length < MinimumLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"must have at least {MinimumLength} characters; it has {password.Length}");
        }

        if (!string.IsNullOrWhiteSpace(username) && password.Contains(username.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "must not contain the user name";
        }

        return CommonPasswords.IsCommon(password) ? "is one of the most commonly used passwords (or one with digits or symbols added); choose another" : null;
    }

    /// <summary>Throws when <paramref name="password"/> breaks the rule.</summary>
    /// <exception cref="ArgumentException">The message names the field <c>password</c> and the rule broken.</exception>
    public static void Require(string? username, string? password)
    {
        if (Violation(username, password) is { } violation)
        {
            throw new ArgumentException($"password {violation}.", nameof(password));
        }
    }
}
