using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Auth;

/// <summary>
/// A password or PIN verified before the request takes its write transaction (sign-in, e-signature, e-consent,
/// countersignature): PBKDF2 costs ~45 ms, and on SQLite every other writer of the installation would wait that long
/// behind it. Inside the transaction <see cref="Matches"/> trusts that verification only if the account's stored hash is
/// still the one verified against, else it verifies again. An unknown user name costs one verification against a dummy
/// hash, so timing does not tell it from a wrong secret.
/// </summary>
internal sealed class VerifiedSecret
{
    private readonly string _secret;
    private readonly string? _verifiedHash;
    private readonly bool _matched;

    private VerifiedSecret(string secret, string? verifiedHash, bool matched)
    {
        _secret = secret;
        _verifiedHash = verifiedHash;
        _matched = matched;
    }

    /// <summary>Verifies <paramref name="secret"/> against the calling account (a re-entered password or PIN).</summary>
    public static Task<VerifiedSecret> OfCallerAsync(HttpContext http, string? secret)
    {
        ArgumentNullException.ThrowIfNull(http);
        return VerifyAsync(http.RequestServices.GetRequiredService<DermisDatabase>(), http.User.Username(), secret, http.RequestAborted);
    }

    /// <summary>Verifies <paramref name="secret"/> against account <paramref name="username"/>, read outside any write transaction.</summary>
    public static async Task<VerifiedSecret> VerifyAsync(DermisDatabase database, string username, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return new VerifiedSecret("", null, false);
        }

        AccountRow? account;
        await using (var store = await TrialStore.BeginAsync(database, write: false, cancellationToken))
        {
            account = await store.FindAccountAsync(username, cancellationToken);
        }

        return account is null
            ? new VerifiedSecret(secret, null, Passwords.VerifyDummy(secret))
            : new VerifiedSecret(secret, account.PasswordHash, Passwords.Verify(account, secret));
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
