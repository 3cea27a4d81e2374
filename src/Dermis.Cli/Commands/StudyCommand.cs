using System.CommandLine;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Trials.Audit;
using Dermis.Trials.Protocol;
using Dermis.Trials.Workflow;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis study create --protocol file.yaml</c> and <c>dermis protocol check file.yaml</c>.</summary>
internal static class StudyCommand
{
    public static Command Create()
    {
        var db = DatabaseOption.Create();
        var protocol = new Option<FileInfo>("--protocol") { Description = "The protocol YAML file (docs/protocol.md).", Required = true };
        var admin = new Option<string>("--admin") { Description = "Account that becomes the study's sponsor administrator.", Required = true };
        var create = new Command("create", "Create a study from its protocol file.") { db, protocol, admin };
        create.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async output =>
        {
            var file = parseResult.GetValue(protocol)!;
            var yaml = await ReadAsync(file, cancellationToken);
            await using var database = DermisDatabase.Create(DatabaseOption.Resolve(parseResult, db));
            await new Dermis.Storage.Migrations.Migrator(database).MigrateAsync(cancellationToken);
            try
            {
                var created = await StudyCreation.CreateAsync(database, yaml, file.Name, parseResult.GetValue(admin)!, AuditSource.Import, TimeProvider.System.GetUtcNow(), cancellationToken);
                await output.WriteLineAsync($"Created study {created.StudyId} (protocol {created.Version}): {created.Visits.Count} visits, {created.Forms.Count} forms, {created.EditChecks.Count} edit checks.");
                return ExitCodes.Success;
            }
            catch (ProtocolException e)
            {
                throw new CommandLineInputException(e.FormatAll());
            }
            catch (DomainRuleException e)
            {
                throw new CommandLineInputException(e.Message);
            }
        }));
        return new Command("study", "Manage studies.") { create };
    }

    public static Command CreateProtocol()
    {
        var file = new Argument<FileInfo>("file") { Description = "The protocol YAML file." };
        var check = new Command("check", "Check a protocol file; every error is printed as file:line:column: reason.") { file };
        check.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async output =>
        {
            var path = parseResult.GetValue(file)!;
            try
            {
                var parsed = ProtocolParser.Parse(await ReadAsync(path, cancellationToken), path.Name);
                Dermis.Trials.Checks.CompiledEditCheck.Compile(parsed);
                await output.WriteLineAsync($"{path.Name}: {parsed.StudyId} {parsed.Version} is valid: {parsed.Arms.Count} arms, {parsed.Visits.Count} visits, {parsed.Forms.Count} forms, {parsed.EditChecks.Count} edit checks.");
                return ExitCodes.Success;
            }
            catch (ProtocolException e)
            {
                throw new CommandLineInputException(e.FormatAll());
            }
        }));
        return new Command("protocol", "Work with protocol files.") { check };
    }

    private static async Task<string> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new CommandLineInputException($"--protocol '{file}' cannot be read: {e.Message}");
        }
    }
}
