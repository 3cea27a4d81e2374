using System.CommandLine;
using Dermis.Server;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis serve</c>: migrate the database, then run the server until SIGTERM or Ctrl-C.</summary>
internal static partial class ServeCommand
{
    public static Command Create()
    {
        var db = DatabaseOption.Create();
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'.",
            DefaultValueFactory = _ => ServerOptions.DefaultUrls,
            HelpName = "http://host:port",
        };
        var logFormat = new Option<LogFormat>("--log-format")
        {
            Description = "Console log format: text (one line per event) or json (one object per event).",
            DefaultValueFactory = _ => LogFormat.Text,
        };

        var command = new Command("serve", "Run the Dermis server: REST API, OpenAPI document at /openapi/v1.json, GET /health.")
        {
            db, urls, logFormat,
        };
        command.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async output =>
        {
            var options = new ServerOptions
            {
                Urls = ValidateUrls(parseResult.GetValue(urls)!),
                LogFormat = parseResult.GetValue(logFormat),
            };
            await using var database = DermisDatabase.Create(DatabaseOption.Resolve(parseResult, db));
            await using var app = DermisServer.Create(database, options);

            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dermis.Cli");
            var migrator = new Migrator(database, logger: app.Services.GetRequiredService<ILogger<Migrator>>());
            var applied = await migrator.MigrateAsync(cancellationToken);
            LogStarting(logger, ProductInfo.Version, database.EngineName, database.Target.Display, applied.Count);

            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                    $"dermis: cannot listen on {options.Urls}: {e.Message} Choose another address with --urls.");
                return ExitCodes.Failure;
            }

            await app.WaitForShutdownAsync(CancellationToken.None);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string ValidateUrls(string value)
    {
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ||
                (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
                string.IsNullOrEmpty(uri.Host))
            {
                throw new CommandLineInputException(
                    $"--urls value '{part}' is not a listen address; expected http://host:port (e.g. {ServerOptions.DefaultUrls}), several separated by ';'.");
            }
        }

        return value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dermis {Version} starting on {Engine} database {Target} ({Applied} migrations applied now)")]
    private static partial void LogStarting(ILogger logger, string version, string engine, string target, int applied);
}
