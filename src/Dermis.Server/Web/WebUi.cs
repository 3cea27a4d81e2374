using System.Reflection;
using Dermis.Server.Web.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Dermis.Server.Web;

/// <summary>
/// The web application for sites and sponsor: Razor components rendered on the server (no
/// interactive runtime), plain HTML forms protected by antiforgery tokens, over the same request,
/// access and rule code as the API.
/// </summary>
internal static class WebUi
{
    private static readonly Assembly Assembly = typeof(WebUi).Assembly;

    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddAntiforgery(options => options.Cookie.Name = "dermis-af");
        return services;
    }

    /// <summary>Maps the pages and the two assets (stylesheet, live-score script).</summary>
    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/web/{file}", (string file, HttpContext http) => Asset(file, http)).AllowAnonymous().ExcludeFromDescription();
        routes.MapRazorComponents<App>();
        return routes;
    }

    private static IResult Asset(string file, HttpContext http)
    {
        var contentType = Path.GetExtension(file) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => null,
        };
        var stream = contentType is null ? null : Assembly.GetManifestResourceStream("Dermis.Web." + file);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        // Assets change only with a new build: the version in the URL busts the cache.
        http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=86400";
        return TypedResults.Stream(stream, contentType);
    }
}
