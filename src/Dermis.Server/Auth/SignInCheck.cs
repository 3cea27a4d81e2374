using System.Globalization;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Auth;

/// <summary>The outcome of a sign-in attempt.</summary>
/// <param name="Account">The account when the secret matched and it is not locked.</param>
/// <param name="Refusal">Why not, in words the user can act on; null on success.</param>
internal sealed record SignInOutcome(AccountRow? Account, string? Refusal)
{
    /// <summary>When a locked account may try again; null unless it is locked.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>The account's security stamp at sign-in, which its cookie carries (empty when refused).</summary>
    public string SecurityStamp { get; init; } = "";
}

/// <summary>
/// Checks a user name and secret (password or participant PIN) for the API and both web apps, and logs
/// the attempt (<c>sign_in_event</c>: user name, time, address, channel, outcome, reason). Consecutive
/// failures lock the account (<see cref="SecurityOptions.FailedSignInsBeforeLock"/> for
/// <see cref="SecurityOptions.LockoutDuration"/>; ASVS V2.2.1): a six-digit PIN has a million values, so
/// without a lockout it could be guessed online. An unknown user and a wrong secret get the same answer
/// after the same work (one PBKDF2 verification and one write); a locked account says until when, since
/// its owner needs to know.
/// </summary>
internal static class SignInCheck
{
    public const string WrongCredentials = "The user name or password is wrong.";

    /// <summary>The channel of a bearer-token sign-in.</summary>
    public const string Api = "api";

    /// <summary>The channel of a cookie sign-in (the web application, the participant app).</summary>
    public const string Web = "web";

    /// <summary>Checks a sign-in of the request <paramref name="http"/> with the server's settings, its clock and the client address.</summary>
    public static Task<SignInOutcome> CheckAsync(HttpContext http, string? username, string? secret, string channel)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        return CheckAsync(services.GetRequiredService<DermisDatabase>(), services.GetRequiredService<ServerOptions>().Security,
            new SignInAttempt(username, secret, channel, http.Connection.RemoteIpAddress?.ToString()), services.GetRequiredService<TimeProvider>().GetUtcNow(), http.RequestAborted);
    }

    /// <summary>
    /// A web sign-in with the default settings and no client address: for callers that have no request
    /// at hand. The sign-in page should use <see cref="CheckAsync(HttpContext, string?, string?, string)"/>.
    /// </summary>
    public static Task<SignInOutcome> CheckAsync(DermisDatabase database, string? username, string? secret, DateTimeOffset now, CancellationToken cancellationToken) =>
        CheckAsync(database, new SecurityOptions(), new SignInAttempt(username, secret, Web, null), now, cancellationToken);

    public static async Task<SignInOutcome> CheckAsync(DermisDatabase database, SecurityOptions policy, SignInAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(attempt);
        var errors = new Fields();
        errors.Check("username", !string.IsNullOrEmpty(attempt.Username), "is required");
        errors.Check("password", !string.IsNullOrEmpty(attempt.Secret), "is required");
        errors.ThrowIfAny("Invalid sign-in request");
        var username = attempt.Username!;
        var secret = attempt.Secret!;

        // Verified before the write transaction (VerifiedSecret), which on SQLite would hold up every other writer meanwhile.
        var secretCheck = await VerifiedSecret.VerifyAsync(database, username, secret, cancellationToken);
        await using var store = await TrialStore.BeginAsync(database, write: true, cancellationToken);
        var account = await store.FindAccountAsync(username, cancellationToken);
        if (account is null)
        {
            return await FinishAsync(store, attempt, null, "unknownUser", new SignInOutcome(null, WrongCredentials), now, cancellationToken);
        }

        var matches = secretCheck.Matches(account);
        if (await store.GetLockedUntilAsync(account.Id, cancellationToken) is { } lockedText)
        {
            var lockedUntil = UtcText.Parse(lockedText);
            if (lockedUntil > now)
            {
                // The answer does not depend on the secret (verified above all the same, for equal timing).
                return await FinishAsync(store, attempt, account, "locked", LockedOutcome(lockedUntil, policy), now, cancellationToken);
            }

            // The lock has run out: counting starts again, so one more slip does not lock at once.
            await store.ResetFailedSignInsAsync(account.Id, cancellationToken);
        }

        if (!matches)
        {
            var lockUntil = now + policy.LockoutDuration;
            var failures = await store.RecordFailedSignInAsync(account.Id, policy.FailedSignInsBeforeLock, lockUntil, cancellationToken);
            var outcome = failures >= policy.FailedSignInsBeforeLock ? LockedOutcome(lockUntil, policy) : new SignInOutcome(null, WrongCredentials);
            return await FinishAsync(store, attempt, account, "wrongPassword", outcome, now, cancellationToken);
        }

        await store.ResetFailedSignInsAsync(account.Id, cancellationToken);
        var stamp = await store.GetSecurityStampAsync(account.Id, cancellationToken) ?? "";
        return await FinishAsync(store, attempt, account, null, new SignInOutcome(account, null) { SecurityStamp = stamp }, now, cancellationToken);
    }

    /// <summary>Logs the attempt and commits, in one transaction with the failure count.</summary>
    private static async Task<SignInOutcome> FinishAsync(
        TrialStore store, SignInAttempt attempt, AccountRow? account, string? reason, SignInOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await store.RecordSignInAsync(new SignInEventRow
        {
            AtUtc = UtcText.Format(now),
            Username = attempt.Username!,
            AccountId = account?.Id,
            Channel = attempt.Channel,
            Outcome = reason is null ? "succeeded" : "failed",
            Reason = reason,
            Ip = attempt.Ip,
        }, cancellationToken);
        await store.CommitAsync(account?.Username ?? attempt.Username!, null, Dermis.Trials.Audit.AuditSource.System, now, cancellationToken);
        return outcome;
    }

    private static SignInOutcome LockedOutcome(DateTimeOffset until, SecurityOptions policy) => new(null, string.Create(CultureInfo.InvariantCulture,
        $"Too many failed sign-ins: the account is locked until {until.UtcDateTime:HH:mm} UTC ({policy.FailedSignInsBeforeLock} wrong attempts lock it for {policy.LockoutDuration.TotalMinutes:0} minutes)."))
    {
        LockedUntil = until,
    };
}

/// <summary>A sign-in attempt as it arrived.</summary>
/// <param name="Username">The user name typed.</param>
/// <param name="Secret">Password or PIN.</param>
/// <param name="Channel"><see cref="SignInCheck.Api"/> or <see cref="SignInCheck.Web"/>.</param>
/// <param name="Ip">The client address, or null when unknown.</param>
internal sealed record SignInAttempt(string? Username, string? Secret, string Channel, string? Ip);
