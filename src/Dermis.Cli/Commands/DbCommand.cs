using System.CommandLine;
using System.Globalization;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis db migrate</c>, <c>status</c>, <c>backup</c> and <c>restore</c>.</summary>
internal static class DbCommand
{
    public static Command Create() => new("db", "Inspect and migrate the database; back it up and restore it.")
    {
        CreateMigrate(),
        CreateStatus(),
        DbBackupCommand.CreateBackup(),
        DbBackupCommand.CreateRestore(),
    };

    private static Command CreateMigrate()
    {
        var db = DatabaseOption.Create();
        var command = new Command("migrate", "Apply pending migrations (the server also does this at start-up).") { db };
        command.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async output =>
        {
            await using var database = DermisDatabase.Create(DatabaseOption.Resolve(parseResult, db));
            var applied = await new Migrator(database).MigrateAsync(cancellationToken);
            await output.WriteLineAsync($"Database: {database.EngineName} {database.Target.Display}");
            foreach (var migration in applied)
            {
                await output.WriteLineAsync($"Applied {migration.FileName}");
            }

            var status = await new Migrator(database).GetStatusAsync(cancellationToken);
            await output.WriteLineAsync(applied.Count == 0
                ? $"Already at schema version {status.CurrentVersion}; nothing to apply."
                : $"Now at schema version {status.CurrentVersion}.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateStatus()
    {
        var db = DatabaseOption.Create();
        var command = new Command("status", "List applied and pending migrations; exit 1 if an applied migration was changed.") { db };
        command.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async output =>
        {
            await using var database = DermisDatabase.Create(DatabaseOption.Resolve(parseResult, db));
            var status = await new Migrator(database).GetStatusAsync(cancellationToken);

            await output.WriteLineAsync($"Database: {database.EngineName} {database.Target.Display}");
            await output.WriteLineAsync($"Schema version: {status.CurrentVersion}");
            await output.WriteLineAsync($"{"VERSION",-8} {"NAME",-32} {"STATE",-8} APPLIED AT (UTC)");
            foreach (var entry in status.Entries)
            {
                var appliedAt = entry.AppliedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
                var state = entry.State.ToString().ToLowerInvariant();
                await output.WriteLineAsync($"{entry.Version,-8:D4} {entry.Name,-32} {state,-8} {appliedAt}");
            }

            if (status.IsInconsistent)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                    "dermis: the database does not match this build (see 'changed' or 'unknown' above); the server will refuse to start.");
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
