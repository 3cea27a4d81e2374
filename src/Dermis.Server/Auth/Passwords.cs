using Dermis.Storage.Trials;
using Microsoft.AspNetCore.Identity;

namespace Dermis.Server.Auth;

/// <summary>Password hashing with ASP.NET Core Identity's PBKDF2 hasher (versioned format, per-password salt).</summary>
public static class Passwords
{
    private static readonly PasswordHasher<AccountRow> Hasher = new();

    /// <summary>Minimum password length (ASVS V2.1.1: at least 12 characters); the whole rule is <see cref="PasswordPolicy"/>.</summary>
    public const int MinimumLength = PasswordPolicy.MinimumLength;

    /// <summary>The hash to store for <paramref name="password"/>.</summary>
    public static string Hash(string password) => Hasher.HashPassword(new AccountRow(), password);

    private static readonly string DummyHash = Hash("dermis-no-such-account");

    /// <summary>Spends the time of one verification, for an unknown user name; always false.</summary>
    public static bool VerifyDummy(string password)
    {
        _ = Hasher.VerifyHashedPassword(new AccountRow(), DummyHash, password);
        return false;
    }

    /// <summary>True when <paramref name="password"/> matches the account's stored hash.</summary>
    public static bool Verify(AccountRow account, string password)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
    }
}
