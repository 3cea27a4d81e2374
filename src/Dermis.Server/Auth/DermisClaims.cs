using System.Globalization;
using System.Security.Claims;

namespace Dermis.Server.Auth;

/// <summary>The claims Dermis puts on a signed-in principal, and how to read them back.</summary>
internal static class DermisClaims
{
    public const string AccountId = "dermis:account";
    public const string Admin = "dermis:admin";
    public const string DisplayName = "dermis:name";

    /// <summary>The account's security stamp when the cookie was issued (docs/security.md).</summary>
    public const string Stamp = "dermis:stamp";

    /// <summary>When the session began (Unix seconds): the absolute session lifetime counts from here, not from the last sliding renewal.</summary>
    public const string SignedInAt = "dermis:since";

    /// <summary>The authentication scheme that picks bearer or cookie per request.</summary>
    public const string Scheme = "Dermis";
    public const string BearerScheme = "DermisBearer";
    public const string CookieScheme = "DermisCookie";

    public static ClaimsPrincipal Principal(long accountId, string username, string displayName, bool admin, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(AccountId, accountId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, username),
                new Claim(DisplayName, displayName),
                new Claim(Admin, admin ? "true" : "false"),
            ],
            scheme));

    public static long Account(this ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(AccountId) ?? throw new InvalidOperationException("The request is not authenticated."), CultureInfo.InvariantCulture);

    public static string Username(this ClaimsPrincipal user) => user.Identity?.Name ?? throw new InvalidOperationException("The request is not authenticated.");

    public static string Name(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Username();

    public static bool IsAdmin(this ClaimsPrincipal user) => user.FindFirstValue(Admin) == "true";

    /// <summary>Web (cookie) or API (bearer token): recorded as the audit source.</summary>
    public static bool ViaApi(this ClaimsPrincipal user) => user.Identity?.AuthenticationType == BearerScheme;
}
