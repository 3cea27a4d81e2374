using System.CommandLine;
using Dermis.Server.Auth;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;
using Dermis.Trials.Workflow;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis account create</c>: the first (administrator) account, before anyone can sign in.</summary>
internal static class AccountCommand
{
    public static Command Create(TextReader input)
    {
        var db = DatabaseOption.Create();
        var username = new Option<string>("--username") { Description = "Login name.", Required = true };
        var name = new Option<string>("--name") { Description = "Printed name, shown on signatures.", Required = true };
        var admin = new Option<bool>("--admin") { Description = "Installation administrator: may create studies." };
        var create = new Command("create", $"Create an account; the password is read from standard input (at least {Passwords.MinimumLength} characters).")
        {
            db, username, name, admin,
        };
        create.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async output =>
        {
            var password = (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? "";
            if (PasswordPolicy.Violation(parseResult.GetValue(username), password) is { } weak)
            {
                throw new CommandLineInputException($"the password on standard input {weak}.");
            }

            await using var database = DermisDatabase.Create(DatabaseOption.Resolve(parseResult, db));
            await new Dermis.Storage.Migrations.Migrator(database).MigrateAsync(cancellationToken);
            await using var store = await TrialStore.BeginAsync(database, write: true, cancellationToken);
            var user = parseResult.GetValue(username)!;
            try
            {
                await store.CreateAccountAsync(user, parseResult.GetValue(name)!, Passwords.Hash(password), parseResult.GetValue(admin), TimeProvider.System.GetUtcNow(), cancellationToken);
            }
            catch (DomainRuleException e)
            {
                throw new CommandLineInputException(e.Message);
            }

            await store.CommitAsync(user, null, AuditSource.System, TimeProvider.System.GetUtcNow(), cancellationToken);
            await output.WriteLineAsync($"Created account {user}{(parseResult.GetValue(admin) ? " (administrator)" : "")}.");
            return ExitCodes.Success;
        }));
        return new Command("account", "Manage accounts.") { create };
    }
}
