using System.Globalization;
using System.Security.Cryptography;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Auth;

/// <summary>Sign-in and sign-out: bearer tokens for API clients, a cookie for the web application (docs/security.md).</summary>
internal static class AuthEndpoints
{
    public sealed record Credentials(string? Username, string? Password);

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt, string Username, string DisplayName);

    public sealed record Me(string Username, string DisplayName, bool Admin);

    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("Authentication");
        auth.MapPost("/token", IssueTokenAsync).AllowAnonymous()
            .WithSummary("Exchange user name and password for a bearer token (12 h by default).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/login", LoginAsync).AllowAnonymous()
            .WithSummary("Sign in with a cookie (web application).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", LogoutAsync)
            .WithSummary("Sign out: ends the cookie session, or revokes the bearer token the request carries.");
        auth.MapPost("/logout-everywhere", LogoutEverywhereAsync)
            .WithSummary("Ends every session of the caller's account: all cookies and all bearer tokens, on every device.");
        auth.MapPost("/password", ChangePasswordAsync)
            .WithSummary("Change the caller's password (the current one re-entered); every session of the account ends.")
            .ProducesValidationProblem();
        auth.MapGet("/me", (HttpContext http) => TypedResults.Ok(new Me(http.User.Username(), http.User.Name(), http.User.IsAdmin())))
            .WithSummary("Who is signed in.");
        return routes;
    }

    private static async Task<IResult> IssueTokenAsync(Credentials credentials, HttpContext http, DermisDatabase database, ServerOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var outcome = await SignInCheck.CheckAsync(http, credentials.Username, credentials.Password, SignInCheck.Api);
        if (outcome.Account is not { } account)
        {
            return Refused(http, outcome, time.GetUtcNow());
        }

        var now = time.GetUtcNow();
        var expires = now + options.Security.TokenLifetime;
        await using var store = await TrialStore.BeginAsync(database, write: true, cancellationToken);
        var token = BearerTokenHandler.NewToken();
        await store.AddTokenAsync(BearerTokenHandler.HashToken(token), account.Id, now, expires, cancellationToken);
        await store.CommitAsync(account.Username, null, Dermis.Trials.Audit.AuditSource.Api, now, cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, expires, account.Username, account.DisplayName));
    }

    private static async Task<IResult> LoginAsync(Credentials credentials, HttpContext http, TimeProvider time)
    {
        var outcome = await SignInCheck.CheckAsync(http, credentials.Username, credentials.Password, SignInCheck.Web);
        if (outcome.Account is not { } account)
        {
            return Refused(http, outcome, time.GetUtcNow());
        }

        await http.SignInAsync(DermisClaims.CookieScheme,
            DermisClaims.Principal(account.Id, account.Username, account.DisplayName, account.IsAdmin == 1, DermisClaims.CookieScheme));
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, DermisDatabase database, TokenCache cache, TimeProvider time)
    {
        if (BearerTokenHandler.TokenHashOf(http.Request) is { } tokenHash)
        {
            await using var store = await TrialStore.BeginAsync(database, write: true, http.RequestAborted);
            await store.RevokeTokenAsync(tokenHash, http.RequestAborted);
            await store.CommitAsync(http.User.Username(), null, Dermis.Trials.Audit.AuditSource.Api, time.GetUtcNow(), http.RequestAborted);
            cache.Forget(tokenHash);
        }
        else
        {
            await http.SignOutAsync(DermisClaims.CookieScheme);
        }

        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutEverywhereAsync(HttpContext http, DermisDatabase database, TokenCache cache, TimeProvider time)
    {
        await using var store = await TrialStore.BeginAsync(database, write: true, http.RequestAborted);
        await RevokeAsync(store, http, cache, time.GetUtcNow());
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ChangePasswordAsync(PasswordChange body, HttpContext http, DermisDatabase database, TokenCache cache, TimeProvider time)
    {
        var errors = new Fields();
        errors.Check("currentPassword", !string.IsNullOrEmpty(body.CurrentPassword), "is required");
        if (PasswordPolicy.Violation(http.User.Username(), body.NewPassword) is { } violation)
        {
            errors.Add("newPassword", violation);
        }
        else
        {
            errors.Check("newPassword", body.NewPassword != body.CurrentPassword, "must differ from the current password");
        }

        errors.ThrowIfAny("Password not changed");

        await using var store = await TrialStore.BeginAsync(database, write: true, http.RequestAborted);
        var account = await store.FindAccountAsync(http.User.Username(), http.RequestAborted);
        if (account is null || !Passwords.Verify(account, body.CurrentPassword!))
        {
            throw BadInputException.Field("currentPassword", "is not your current password");
        }

        await store.SetPasswordHashAsync(account.Id, Passwords.Hash(body.NewPassword!), http.RequestAborted);
        // A changed password ends every session (ASVS V3.3.3): whoever knew the old one is signed out too.
        await RevokeAsync(store, http, cache, time.GetUtcNow());
        return TypedResults.NoContent();
    }

    /// <summary>A new security stamp and no tokens for the caller's account; this request's cookie is deleted too.</summary>
    private static async Task RevokeAsync(TrialStore store, HttpContext http, TokenCache cache, DateTimeOffset now)
    {
        var accountId = http.User.Account();
        await store.RevokeSessionsAsync(accountId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), http.RequestAborted);
        await store.CommitAsync(http.User.Username(), null, http.User.ViaApi() ? Dermis.Trials.Audit.AuditSource.Api : Dermis.Trials.Audit.AuditSource.Web, now, http.RequestAborted);
        cache.ForgetAccount(accountId);
        if (!http.User.ViaApi())
        {
            await http.SignOutAsync(DermisClaims.CookieScheme);
        }
    }

    /// <summary>
    /// 401 with the reason; a locked account gets its own type, <c>retryAt</c> and <c>Retry-After</c>
    /// (RFC 9110 §10.2.3), so a client can say when to try again.
    /// </summary>
    private static ProblemHttpResult Refused(HttpContext http, SignInOutcome outcome, DateTimeOffset now)
    {
        if (outcome.LockedUntil is not { } until)
        {
            return TypedResults.Problem(title: "Sign-in failed", detail: outcome.Refusal ?? SignInCheck.WrongCredentials,
                statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthenticated);
        }

        var seconds = Math.Max(1, (long)Math.Ceiling((until - now).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Account locked", detail: outcome.Refusal, statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.AccountLocked,
            extensions: new Dictionary<string, object?> { ["retryAt"] = until, ["retryAfterSeconds"] = seconds });
    }
}
