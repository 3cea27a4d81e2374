using System.Text.Json;
using Dermis.Server.Auth;
using Dermis.Server.Exchange;
using Dermis.Server.Health;
using Dermis.Server.Hosting;
using Dermis.Server.Participation;
using Dermis.Server.Precision;
using Dermis.Server.Sensing;
using Dermis.Server.SingleCell;
using Dermis.Server.Scoring;
using Dermis.Server.Trials;
using Dermis.Server.Web;
using Dermis.Storage.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dermis.Server;

/// <summary>Builds the Dermis web application: API endpoints, web pages, ProblemDetails, OpenAPI, logging.</summary>
public static class DermisServer
{
    /// <summary>
    /// Creates the application over an already migrated <paramref name="database"/>; the caller
    /// runs it and disposes the database after it stops.
    /// </summary>
    /// <param name="database">The migrated database.</param>
    /// <param name="options">Listen addresses and log format.</param>
    /// <param name="configure">Last changes to the builder (tests swap in a test server here).</param>
    public static WebApplication Create(DermisDatabase database, ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        options.Security.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DermisServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        ConfigureLogging(builder.Logging, options.LogFormat);

        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProtocolCache>();
        builder.Services.AddSingleton<TokenCache>();
        // Allocations must be unpredictable: a cryptographic source (tests may swap in a seeded one).
        builder.Services.AddSingleton(Dermis.Trials.Randomisation.RandomSource.Cryptographic());
        builder.Services.AddSingleton<NightAnalysisWorker>();
        if (options.BackgroundJobs)
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<NightAnalysisWorker>());
        }

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail ??= ProblemMapping.DefaultDetail(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode));
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        AddAuthentication(builder.Services, options.Security);
        builder.Services.AddDermisRateLimits();
        builder.Services.AddWebUi();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Dermis API";
            document.Info.Version = ProductInfo.Version;
            return Task.CompletedTask;
        }));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(15));
        configure?.Invoke(builder);

        var app = builder.Build();
        // Unhandled errors become ProblemDetails without internals; details go to the log only.
        // First, so that every answer carries them: errors, redirects, 401s and 429s included.
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // Bodiless errors become ProblemDetails, except on web pages, which render their own.
        app.UseWhen(http => http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null,
            api => api.UseStatusCodePages());
        // Before authentication: a throttled sign-in costs no password hash and no database read.
        app.UseDermisRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealth();
        app.MapScoring();
        app.MapAuth();
        app.MapSignInLog();
        app.MapStudies();
        app.MapParticipants();
        app.MapVisits();
        app.MapForms();
        app.MapQueries();
        app.MapSignatures();
        app.MapLocks();
        app.MapAudit();
        app.MapRandomisation();
        app.MapParticipantApp();
        app.MapExports();
        app.MapDeviceIngest();
        app.MapNights();
        app.MapSweatIngest();
        app.MapSweat();
        app.MapComposition();
        app.MapStatistics();
        app.MapWebUi();
        return app;
    }

    /// <summary>
    /// Bearer tokens for API clients and a cookie for the web application, chosen per request; every
    /// endpoint requires a signed-in caller unless it is marked anonymous (health, scoring, sign-in).
    /// </summary>
    private static void AddAuthentication(IServiceCollection services, SecurityOptions security)
    {
        services.AddAuthentication(DermisClaims.Scheme)
            .AddPolicyScheme(DermisClaims.Scheme, "Bearer token or cookie", options => options.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? DermisClaims.BearerScheme : DermisClaims.CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(DermisClaims.BearerScheme, null)
            .AddCookie(DermisClaims.CookieScheme, cookie => CookieSessions.Configure(cookie, security, IsApi));
        // Session lifetimes are measured on the server's clock (a test's ManualClock included).
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(DermisClaims.CookieScheme)
            .Configure<TimeProvider>((cookie, time) => cookie.TimeProvider = time);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(DermisClaims.Scheme).RequireAuthenticatedUser().Build());
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private static void ConfigureLogging(ILoggingBuilder logging, LogFormat format)
    {
        logging.ClearProviders();
        if (format == LogFormat.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.IncludeScopes = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(text =>
            {
                text.SingleLine = true;
                text.UseUtcTimestamp = true;
                text.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        // Per-request routing chatter drowns the events an operator needs.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
    }
}
