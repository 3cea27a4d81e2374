using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dermis.Server.Auth;

/// <summary>
/// "Authorization: Bearer &lt;token&gt;" for API clients. Tokens are random 256-bit values issued by
/// <c>POST /api/auth/token</c>; only their SHA-256 is stored, so a database copy reveals no usable token.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DermisDatabase database,
    TokenCache cache,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The SHA-256 of the request's bearer token, or null when it sends none.</summary>
    public static string? TokenHashOf(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? HashToken(header["Bearer ".Length..].Trim()) : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenHashOf(Request) is not { } tokenHash)
        {
            return AuthenticateResult.NoResult();
        }

        var principal = cache.Find(tokenHash);
        if (principal is null)
        {
            await using var store = await TrialStore.BeginAsync(database, write: false, Context.RequestAborted);
            var token = await store.FindTokenAccountAsync(tokenHash, time.GetUtcNow(), Context.RequestAborted);
            if (token is null)
            {
                return AuthenticateResult.Fail("The bearer token is unknown or expired.");
            }

            principal = DermisClaims.Principal(token.Id, token.Username, token.DisplayName, token.IsAdmin == 1, DermisClaims.BearerScheme);
            cache.Add(tokenHash, principal, UtcText.Parse(token.ExpiresAt));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, DermisClaims.BearerScheme));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
