using System.Text.Json;
using Dermis.Server.Health;
using Dermis.Server.Hosting;
using Dermis.Server.Scoring;
using Dermis.Storage.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dermis.Server;

/// <summary>Builds the Dermis web application: endpoints, ProblemDetails, OpenAPI, logging.</summary>
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

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DermisServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        ConfigureLogging(builder.Logging, options.LogFormat);

        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
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
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealth();
        app.MapScoring();
        return app;
    }

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
