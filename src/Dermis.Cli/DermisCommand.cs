using System.CommandLine;
using Dermis.Cli.Commands;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;

namespace Dermis.Cli;

/// <summary>The <c>dermis</c> root command: every verb, parse errors and error-to-exit-code mapping.</summary>
internal static class DermisCommand
{
    public static RootCommand Create(TextReader input)
    {
        var root = new RootCommand("Dermis: decentralised clinical trials and precision medicine for skin disease.")
        {
            ServeCommand.Create(),
            DemoCommand.Create(),
            DbCommand.Create(),
            ScoreCommand.Create(input),
            AccountCommand.Create(input),
            StudyCommand.Create(),
            StudyCommand.CreateProtocol(),
            AuditCommand.Create(),
            RandomisationCommand.Create(),
            ExportCommand.Create(),
            SenseCommand.Create(),
            SingleCellCommand.Create(),
            StatsCommand.Create(),
        };
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersionAction();
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/> with <paramref name="input"/> as standard input; returns the process exit status.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parseResult = Create(input).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"dermis: {parseError.Message}");
            }

            await error.WriteLineAsync($"Run '{CommandPath(parseResult)} --help' for usage.");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // The server stops itself on SIGTERM/Ctrl-C (ASP.NET Core's console lifetime) and
            // must be allowed to finish in-flight requests; no forced exit from the parser.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Runs a verb's body, mapping the errors users can cause to a message and an exit status.</summary>
    public static async Task<int> GuardAsync(ParseResult parseResult, Func<TextWriter, Task<int>> body)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return await body(parseResult.InvocationConfiguration.Output);
        }
        catch (DatabaseConfigurationException e)
        {
            await error.WriteLineAsync($"dermis: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (MigrationIntegrityException e)
        {
            await error.WriteLineAsync($"dermis: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (CommandLineInputException e)
        {
            await error.WriteLineAsync($"dermis: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "dermis" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
