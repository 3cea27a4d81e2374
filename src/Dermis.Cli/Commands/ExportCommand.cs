using System.CommandLine;
using Dermis.Server.Exchange;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis export odm|sdtm|csv --study ID --out DIR</c>: a study's data in CDISC ODM, SDTM-shaped CSV, or analysis-ready CSV (docs/exports.md).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var export = new Command("export", "Export a study: odm (CDISC ODM 1.3.2), sdtm (SDTM-shaped CSV + define.csv), csv (analysis-ready).");
        foreach (var (name, description) in new[]
        {
            ("odm", "CDISC ODM 1.3.2: metadata, admin data and clinical data; --transactional for every change with its audit record."),
            ("sdtm", "SDTM-shaped datasets DM, DS, SV, EX, AE, QS, RS as CSV, with define.csv."),
            ("csv", "Analysis-ready CSV: one row per participant-visit with scores, baseline, change and responder flags."),
        })
        {
            var db = DatabaseOption.Create();
            var study = new Option<string>("--study") { Description = "Study id, e.g. DERM-AD-301.", Required = true };
            var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write into (created if needed).", Required = true };
            var unblinded = new Option<bool>("--unblinded") { Description = "Include each participant's arm (otherwise the export is blinded)." };
            var transactional = new Option<bool>("--transactional") { Description = "odm only: the full history instead of a snapshot." };
            var command = new Command(name, description) { db, study, output, unblinded };
            if (name == "odm")
            {
                command.Options.Add(transactional);
            }

            command.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async writer =>
            {
                var format = name switch
                {
                    "odm" => parseResult.GetValue(transactional) ? ExportFormat.OdmTransactional : ExportFormat.Odm,
                    "sdtm" => ExportFormat.Sdtm,
                    _ => ExportFormat.Csv,
                };
                await using var database = DermisDatabase.Create(DatabaseOption.Resolve(parseResult, db));
                Dermis.Trials.Exchange.StudyExport data;
                try
                {
                    data = await StudyExports.LoadAsync(database, parseResult.GetValue(study)!, parseResult.GetValue(unblinded), format == ExportFormat.OdmTransactional,
                        TimeProvider.System.GetUtcNow(), cancellationToken);
                }
                catch (ArgumentException e)
                {
                    throw new CommandLineInputException($"--study: {e.Message.Split(" (Parameter", 2)[0]}");
                }

                var folder = parseResult.GetValue(output)!.FullName;
                IReadOnlyList<string> files;
                try
                {
                    files = await StudyExports.WriteAsync(data, format, folder, ProductInfo.Version, cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CommandLineInputException($"--out: {folder} cannot be written: {e.Message}");
                }

                await writer.WriteLineAsync($"{data.Protocol.StudyId}: {data.Subjects.Count} participants{(data.ArmsVisible ? ", unblinded" : ", blinded")} → {string.Join(", ", files.Select(Path.GetFileName))}");
                return ExitCodes.Success;
            }));
            export.Subcommands.Add(command);
        }

        return export;
    }
}
