using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Auth;

/// <summary>
/// A password or PIN re-entered to sign (e-signature, e-consent, countersignature), verified before the request
/// takes its write transaction: PBKDF2 costs ~45 ms, and on SQLite every other writer of the installation would
/// wait that long behind it. Inside the transaction <see cref="Matches"/> trusts that verification only if the
/// account's stored hash is still the one verified against, else it verifies again.
/// </summary>
internal sealed class ReenteredSecret
{
    private readonly string _secret;
    private readonly string? _verifiedHash;
    private readonly bool _matched;

    private ReenteredSecret(string secret, string? verifiedHash, bool matched)
    {
        _secret = secret;
        _verifiedHash = verifiedHash;
        _matched = matched;
    }

    /// <summary>Verifies <paramref name="secret"/> against the calling account, read outside any write transaction.</summary>
    public static async Task<ReenteredSecret> VerifyAsync(HttpContext http, string? secret)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (string.IsNullOrEmpty(secret))
        {
            return new ReenteredSecret("", null, false);
        }

        AccountRow? account;
        await using (var store = await TrialStore.BeginAsync(http.RequestServices.GetRequiredService<DermisDatabase>(), write: false, http.RequestAborted))
        {
            account = await store.FindAccountAsync(http.User.Username(), http.RequestAborted);
        }

        return account is null ? new ReenteredSecret(secret, null, false) : new ReenteredSecret(secret, account.PasswordHash, Passwords.Verify(account, secret));
    }

    /// <summary>True when the secret is <paramref name="account"/>'s (as read inside the write transaction).</summary>
    public bool Matches(AccountRow account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (_secret.Length == 0)
        {
            return false;
        }

        return account.PasswordHash == _verifiedHash ? _matched : Passwords.Verify(account, _secret);
    }
}
