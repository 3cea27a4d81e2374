using System.Globalization;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;

namespace Dermis.Server.Auth;

/// <summary>The outcome of a sign-in attempt.</summary>
/// <param name="Account">The account when the secret matched and it is not locked.</param>
/// <param name="Refusal">Why not, in words the user can act on; null on success.</param>
internal sealed record SignInOutcome(AccountRow? Account, string? Refusal);

/// <summary>
/// Checks a user name and secret (password or participant PIN) for the API and both web apps.
/// Five failures in a row lock the account for 15 minutes: a six-digit PIN has a million values,
/// so without a lockout it could be guessed online. The same answer for an unknown user and a wrong
/// secret; a locked account says until when, since its owner needs to know.
/// </summary>
internal static class SignInCheck
{
    public const int FailuresBeforeLock = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);
    public const string WrongCredentials = "The user name or password is wrong.";

    public static async Task<SignInOutcome> CheckAsync(DermisDatabase database, string? username, string? secret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new Fields();
        errors.Check("username", !string.IsNullOrEmpty(username), "is required");
        errors.Check("password", !string.IsNullOrEmpty(secret), "is required");
        errors.ThrowIfAny("Invalid sign-in request");

        await using var store = await TrialStore.BeginAsync(database, write: true, cancellationToken);
        var account = await store.FindAccountAsync(username!, cancellationToken);
        if (account is null)
        {
            // Verify against a dummy hash anyway, so timing does not tell unknown users from wrong passwords.
            Passwords.VerifyDummy(secret!);
            return new SignInOutcome(null, WrongCredentials);
        }

        if (await store.GetLockedUntilAsync(account.Id, cancellationToken) is { } lockedText)
        {
            var lockedUntil = UtcText.Parse(lockedText);
            if (lockedUntil > now)
            {
                return new SignInOutcome(null, Locked(lockedUntil));
            }

            // The lock has run out: counting starts again, so one more slip does not lock at once.
            await store.ResetFailedSignInsAsync(account.Id, cancellationToken);
        }

        if (!Passwords.Verify(account, secret!))
        {
            var failures = await store.RecordFailedSignInAsync(account.Id, FailuresBeforeLock, now + LockDuration, cancellationToken);
            await store.CommitAsync(account.Username, null, Dermis.Trials.Audit.AuditSource.System, now, cancellationToken);
            return new SignInOutcome(null, failures >= FailuresBeforeLock ? Locked(now + LockDuration) : WrongCredentials);
        }

        await store.ResetFailedSignInsAsync(account.Id, cancellationToken);
        await store.CommitAsync(account.Username, null, Dermis.Trials.Audit.AuditSource.System, now, cancellationToken);
        return new SignInOutcome(account, null);
    }

    private static string Locked(DateTimeOffset until) => string.Create(CultureInfo.InvariantCulture,
        $"Too many failed sign-ins: the account is locked until {until.UtcDateTime:HH:mm} UTC ({FailuresBeforeLock} wrong attempts lock it for {LockDuration.TotalMinutes:0} minutes).");
}
