using System.CommandLine;
using System.Text.Json;
using Dermis.Instruments.Json;
using Dermis.Instruments.Scoring;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis score &lt;instrument&gt; --input &lt;file.json | -&gt;</c>: score one instrument document (docs/scoring.md).</summary>
internal static class ScoreCommand
{
    public static Command Create(TextReader stdin)
    {
        var instrument = new Argument<string>("instrument")
        {
            Description = "Instrument: " + string.Join(", ", ScoreJson.Instruments) + ".",
        };
        var input = new Option<string>("--input", "-i")
        {
            Description = "The input document: a JSON file, or - for standard input.",
            HelpName = "file.json|-",
            Required = true,
        };

        var command = new Command("score", "Score a clinical instrument exactly and print the result as JSON.") { instrument, input };
        command.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async output =>
        {
            var name = parseResult.GetValue(instrument)!;
            if (!ScoreJson.Instruments.Contains(name))
            {
                throw new CommandLineInputException(new UnknownInstrumentException(name).Message);
            }

            using var document = await ReadAsync(parseResult.GetValue(input)!, stdin, cancellationToken);
            try
            {
                await output.WriteLineAsync(ScoreJson.Format(ScoreJson.Score(name, document.RootElement)));
                return ExitCodes.Success;
            }
            catch (InstrumentValidationException e)
            {
                var lines = e.Errors.Select(error => $"  {error}");
                throw new CommandLineInputException($"invalid {e.Instrument} input:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
            }
        }));
        return command;
    }

    private static async Task<JsonDocument> ReadAsync(string path, TextReader stdin, CancellationToken cancellationToken)
    {
        var source = path == "-" ? "- (standard input)" : $"'{path}'";
        try
        {
            if (path == "-")
            {
                return JsonDocument.Parse(await stdin.ReadToEndAsync(cancellationToken));
            }

            await using var stream = File.OpenRead(path);
            return await JsonDocument.ParseAsync(stream, default, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CommandLineInputException($"--input {source}: no such file.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CommandLineInputException($"--input {source}: permission denied.");
        }
        catch (JsonException e)
        {
            throw new CommandLineInputException($"--input {source} is not valid JSON: {e.Message}");
        }
    }
}
