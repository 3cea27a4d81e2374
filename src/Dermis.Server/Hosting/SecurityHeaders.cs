using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dermis.Server.Hosting;

/// <summary>
/// Response headers every answer carries (OWASP ASVS V14.4, OWASP Secure Headers Project), errors and
/// redirects included, since they are set just before the response starts.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Only this origin's scripts, styles, images and connections; no plug-ins, no framing, forms post
    /// only here. No 'unsafe-inline' anywhere: the pages are static server-rendered HTML with their
    /// script and style sheet in files under /web, no inline script, no style attribute and no style
    /// element (a test checks every page), and the SVG charts use presentation attributes, which CSP
    /// does not govern. data: images are allowed for inline SVG icons.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>One year, subdomains included; sent only over HTTPS (RFC 6797 §7.2: a plain-HTTP answer must not carry it).</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Adds the headers to every response of the pipeline after this point.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            // Participant data must not stay in browser or proxy caches (ASVS V8.2.1). Only the
            // versioned static assets set their own caching; every other answer is no-store.
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, http);
        return next(http);
    });
}
