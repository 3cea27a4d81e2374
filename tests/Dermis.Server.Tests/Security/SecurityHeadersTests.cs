using System.Text.RegularExpressions;
using Dermis.Server.Hosting;

namespace Dermis.Server.Tests.Security;

/// <summary>Response headers on every kind of answer (ASVS V14.4), and the pages' fitness for a CSP without 'unsafe-inline'.</summary>
public sealed partial class SecurityHeadersTests
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Theory]
    [InlineData("/health", 200)]
    [InlineData("/api/auth/me", 401)]
    [InlineData("/login", 200)]
    [InlineData("/studies/DERM-T-201", 302)]
    [InlineData("/api/no-such-route", 401)]
    public async Task Every_answer_carries_the_security_headers_and_no_store(string path, int status)
    {
        await using var host = await SecurityHost.StartAsync(new SecurityOptions());
        var (actual, response) = await host.GetAsync(path);
        Assert.Equal(status, actual);
        Assert.Equal(Csp, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        // The sign-in page's antiforgery token adds no-cache to no-store.
        Assert.StartsWith("no-store", Header(response, "Cache-Control"), StringComparison.Ordinal);
        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Strict_transport_security_only_over_https()
    {
        await using var host = await SecurityHost.StartAsync(new SecurityOptions());
        using var https = host.Client("https://localhost/");
        using var secure = await https.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal("max-age=31536000; includeSubDomains", Header(secure, "Strict-Transport-Security"));
        using var plain = host.Client("http://localhost/");
        using var insecure = await plain.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Null(Header(insecure, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Versioned_assets_keep_their_own_caching()
    {
        await using var host = await SecurityHost.StartAsync(new SecurityOptions());
        var (status, response) = await host.GetAsync("/web/site.css");
        Assert.Equal(200, status);
        Assert.Equal("public, max-age=86400", Header(response, "Cache-Control"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/")]
    [InlineData("/studies/DERM-T-201")]
    public async Task Pages_have_no_inline_script_or_style_so_the_policy_needs_no_unsafe_inline(string path)
    {
        await using var host = await SecurityHost.StartAsync(new SecurityOptions());
        var cookie = await host.CookieAsync();
        var (_, response) = await host.GetAsync(path, cookie: cookie);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<", html, StringComparison.Ordinal);
        Assert.Empty(InlineScript().Matches(html));
        Assert.Empty(InlineStyle().Matches(html));
        Assert.Empty(EventHandler().Matches(html));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : null;

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style\\b|\\sstyle=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("\\son[a-z]+=\"", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
