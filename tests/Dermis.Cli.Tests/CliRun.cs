namespace Dermis.Cli.Tests;

/// <summary>The outcome of one in-process <c>dermis</c> run.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public static async Task<CliRun> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var exitCode = await DermisCommand.RunAsync(args, reader, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>True when the error text holds a .NET stack trace, which users must never see.</summary>
    public bool ShowsStackTrace => Error.Contains("   at ", StringComparison.Ordinal) || Error.Contains("Exception", StringComparison.Ordinal);
}
