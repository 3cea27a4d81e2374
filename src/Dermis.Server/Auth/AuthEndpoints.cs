using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Auth;

/// <summary>Sign-in: bearer tokens for API clients, a cookie for the web application.</summary>
internal static class AuthEndpoints
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    public sealed record Credentials(string? Username, string? Password);

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt, string Username, string DisplayName);

    public sealed record Me(string Username, string DisplayName, bool Admin);

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("Authentication");
        auth.MapPost("/token", IssueTokenAsync).AllowAnonymous()
            .WithSummary("Exchange user name and password for a bearer token (12 h).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/login", LoginAsync).AllowAnonymous()
            .WithSummary("Sign in with a cookie (web application).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(DermisClaims.CookieScheme);
            return TypedResults.NoContent();
        }).WithSummary("Sign out of the cookie session.");
        auth.MapGet("/me", (HttpContext http) => TypedResults.Ok(new Me(http.User.Username(), http.User.Name(), http.User.IsAdmin())))
            .WithSummary("Who is signed in.");
        return routes;
    }

    private static async Task<IResult> IssueTokenAsync(Credentials credentials, DermisDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (account, refusal) = await SignInCheck.CheckAsync(database, credentials.Username, credentials.Password, now, cancellationToken);
        if (account is null)
        {
            return Refused(refusal);
        }

        await using var store = await TrialStore.BeginAsync(database, write: true, cancellationToken);
        var token = BearerTokenHandler.NewToken();
        await store.AddTokenAsync(BearerTokenHandler.HashToken(token), account.Id, now, now + TokenLifetime, cancellationToken);
        await store.CommitAsync(account.Username, null, Dermis.Trials.Audit.AuditSource.Api, now, cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, now + TokenLifetime, account.Username, account.DisplayName));
    }

    private static async Task<IResult> LoginAsync(Credentials credentials, HttpContext http, DermisDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var (account, refusal) = await SignInCheck.CheckAsync(database, credentials.Username, credentials.Password, time.GetUtcNow(), cancellationToken);
        if (account is null)
        {
            return Refused(refusal);
        }

        await http.SignInAsync(DermisClaims.CookieScheme,
            DermisClaims.Principal(account.Id, account.Username, account.DisplayName, account.IsAdmin == 1, DermisClaims.CookieScheme));
        return TypedResults.NoContent();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refused(string? reason) => TypedResults.Problem(
        title: "Sign-in failed",
        detail: reason ?? SignInCheck.WrongCredentials,
        statusCode: StatusCodes.Status401Unauthorized,
        type: ProblemTypes.Unauthenticated);
}
