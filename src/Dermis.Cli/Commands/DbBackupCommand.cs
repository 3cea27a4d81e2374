using System.CommandLine;
using System.Globalization;
using Dermis.Storage.Backup;
using Dermis.Storage.Database;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis db backup</c> and <c>dermis db restore</c>: one file per database, checked before and after a restore.</summary>
internal static class DbBackupCommand
{
    public static Command CreateBackup()
    {
        var db = DatabaseOption.Create();
        var output = new Option<string>("--out")
        {
            Description = "The backup file to write (a zip; its folder must exist). Written under a temporary name and renamed when complete.",
            HelpName = "file",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace an existing file at --out." };
        var command = new Command("backup", "Back up the database into one file while the server keeps running (SQLite online backup; PostgreSQL snapshot dump).")
        {
            db, output, force,
        };
        command.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async writer =>
        {
            await using var database = DermisDatabase.Create(DatabaseOption.Resolve(parseResult, db));
            var file = parseResult.GetValue(output)!;
            BackupSummary summary;
            try
            {
                summary = await DatabaseBackup.BackupAsync(database, file, parseResult.GetValue(force), TimeProvider.System, cancellationToken);
            }
            catch (Exception e) when (e is BackupException or ArgumentException)
            {
                return await RefuseAsync(parseResult, e, database, ("--out", file));
            }

            await writer.WriteLineAsync($"Backup: {summary.Path}");
            await writer.WriteLineAsync($"Database: {database.EngineName} {database.Target.Display}");
            await writer.WriteLineAsync(Invariant($"Size: {summary.SizeBytes} bytes"));
            await writer.WriteLineAsync(Invariant($"Tables: {summary.Tables}"));
            await writer.WriteLineAsync(Invariant($"Rows: {summary.Rows}"));
            await writer.WriteLineAsync(Invariant($"Schema version: {summary.SchemaVersion}"));
            await writer.WriteLineAsync(Invariant($"Time: {summary.Elapsed.TotalSeconds:F2} s"));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CreateRestore()
    {
        var db = DatabaseOption.Create();
        var from = new Option<string>("--from")
        {
            Description = "A backup file written by 'dermis db backup' from the same engine.",
            HelpName = "file",
            Required = true,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace a database that holds Dermis data (stop the server first; back the data up first: it is lost).",
        };
        var command = new Command("restore", "Restore a backup into a new or empty database, check it, then verify every study's audit chain.")
        {
            db, from, force,
        };
        command.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async writer =>
        {
            await using var database = DermisDatabase.Create(DatabaseOption.Resolve(parseResult, db));
            var file = parseResult.GetValue(from)!;
            RestoreSummary summary;
            try
            {
                summary = await DatabaseBackup.RestoreAsync(database, file, parseResult.GetValue(force), TimeProvider.System, cancellationToken);
            }
            catch (Exception e) when (e is BackupException or ArgumentException)
            {
                return await RefuseAsync(parseResult, e, database, ("--from", file));
            }

            await writer.WriteLineAsync($"Restored: {Path.GetFullPath(file)}");
            await writer.WriteLineAsync($"Database: {database.EngineName} {database.Target.Display}");
            await writer.WriteLineAsync(Invariant($"Tables: {summary.Tables}"));
            await writer.WriteLineAsync(Invariant($"Rows: {summary.Rows}"));
            await writer.WriteLineAsync(Invariant($"Schema version: {summary.SchemaVersion}"));
            var records = summary.Audit.Sum(a => a.Records);
            await writer.WriteLineAsync(Invariant(
                $"Studies verified: {summary.StudiesVerified} ({summary.Audit.Count} audit chains, {records} records, {(summary.AuditIntact ? "intact" : "BROKEN")})"));
            foreach (var broken in summary.Audit.Where(a => !a.IsIntact))
            {
                await writer.WriteLineAsync(
                    $"{broken.StudyId}: BROKEN in chain '{(broken.Chain.Length == 0 ? "study" : broken.Chain)}' at record {broken.FirstBrokenSequence}: {broken.Problem}");
            }

            await writer.WriteLineAsync(Invariant($"Time: {summary.Elapsed.TotalSeconds:F2} s"));
            if (!summary.AuditIntact)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                    "dermis: the data was restored as it was backed up, but an audit chain is broken (see above): the backup holds an altered audit trail.");
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Names the option at fault: the backup file, the output file or the database; a failed check of the data is exit 1, the rest exit 2.</summary>
    private static async Task<int> RefuseAsync(ParseResult parseResult, Exception e, DermisDatabase database, (string Option, string Value) file)
    {
        var (option, value) = e switch
        {
            BackupException { Problem: BackupProblem.TargetNotEmpty or BackupProblem.TargetInUse or BackupProblem.SourceNewerThanBuild or BackupProblem.CheckFailed } =>
                ("--db", database.Target.Display),
            _ => file,
        };
        var message = e is ArgumentException argument ? argument.Message : e.Message + ".";
        await parseResult.InvocationConfiguration.Error.WriteLineAsync($"dermis: {option} '{value}': {message}");
        return e is BackupException { Problem: BackupProblem.CheckFailed } ? ExitCodes.Failure : ExitCodes.BadInput;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
