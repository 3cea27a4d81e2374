using System.CommandLine;
using Dermis.Storage.Database;

namespace Dermis.Cli.Commands;

/// <summary>The <c>--db</c> option every verb that touches the database takes.</summary>
internal static class DatabaseOption
{
    public static Option<string?> Create() => new("--db")
    {
        Description = $"Database to use; default: the SQLite file ./{DatabaseTarget.DefaultSqliteFile}. {DatabaseTarget.AcceptedForms}",
        HelpName = "path|connection string|url",
    };

    /// <summary>Parses the option's value against the current folder; throws <see cref="DatabaseConfigurationException"/> when unusable.</summary>
    public static DatabaseTarget Resolve(ParseResult parseResult, Option<string?> option) =>
        DatabaseTarget.Parse(parseResult.GetValue(option), Directory.GetCurrentDirectory());
}
