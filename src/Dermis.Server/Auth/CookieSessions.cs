using System.Globalization;
using System.Security.Claims;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Auth;

/// <summary>
/// Web sessions (ASVS V3.3): a cookie that lapses after <see cref="SecurityOptions.SessionIdleTimeout"/>
/// without a request (sliding) and <see cref="SecurityOptions.SessionAbsoluteLifetime"/> after sign-in
/// however active, and that carries the account's security stamp, so that signing out everywhere or a
/// password change ends it on its next request. Both claims are added at sign-in here, whichever page
/// or route signs in.
/// </summary>
internal static class CookieSessions
{
    /// <summary>Configures the cookie scheme: name, flags, lifetimes, redirects and the session checks.</summary>
    public static void Configure(CookieAuthenticationOptions cookie, SecurityOptions security, Func<HttpRequest, bool> isApi)
    {
        cookie.Cookie.Name = "dermis";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        // Secure whenever the request is HTTPS; plain HTTP is for loopback (the default listen address) only.
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = security.SessionIdleTimeout;
        cookie.SlidingExpiration = true;
        // The API answers 401/403, never a redirect; a web page sends the browser to the sign-in page.
        cookie.LoginPath = "/login";
        cookie.Events.OnRedirectToLogin = context =>
        {
            if (isApi(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            else
            {
                context.Response.Redirect(context.RedirectUri);
            }

            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        cookie.Events.OnSigningIn = SigningInAsync;
        cookie.Events.OnValidatePrincipal = context => ValidateAsync(context, security.SessionAbsoluteLifetime);
    }

    /// <summary>Stamps the new session with the sign-in time and the account's security stamp.</summary>
    private static async Task SigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        if (!identity.HasClaim(c => c.Type == DermisClaims.SignedInAt))
        {
            identity.AddClaim(new Claim(DermisClaims.SignedInAt, services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        if (!identity.HasClaim(c => c.Type == DermisClaims.Stamp))
        {
            identity.AddClaim(new Claim(DermisClaims.Stamp, await CurrentStampAsync(context.HttpContext, context.Principal.Account())));
        }
    }

    /// <summary>Rejects (and deletes) a cookie past its absolute lifetime or issued before the account's sessions were revoked.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context, TimeSpan absoluteLifetime)
    {
        var user = context.Principal;
        if (user?.FindFirstValue(DermisClaims.AccountId) is null)
        {
            return;
        }

        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var since = long.TryParse(user.FindFirstValue(DermisClaims.SignedInAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
        var stamp = user.FindFirstValue(DermisClaims.Stamp) ?? "";
        if (now - since >= absoluteLifetime || !string.Equals(stamp, await CurrentStampAsync(context.HttpContext, user.Account()), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DermisClaims.CookieScheme);
        }
    }

    private static async Task<string> CurrentStampAsync(HttpContext http, long accountId)
    {
        var cache = http.RequestServices.GetRequiredService<TokenCache>();
        if (cache.FindStamp(accountId) is { } cached)
        {
            return cached;
        }

        await using var store = await TrialStore.BeginAsync(http.RequestServices.GetRequiredService<DermisDatabase>(), write: false, http.RequestAborted);
        // A deleted account has no stamp: "-" matches no cookie.
        var stamp = await store.GetSecurityStampAsync(accountId, http.RequestAborted) ?? "-";
        cache.AddStamp(accountId, stamp);
        return stamp;
    }
}
