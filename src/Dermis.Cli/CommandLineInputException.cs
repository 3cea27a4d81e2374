namespace Dermis.Cli;

/// <summary>An option value the parser accepted but the verb cannot use; exit code 2.</summary>
internal sealed class CommandLineInputException(string message) : Exception(message);
