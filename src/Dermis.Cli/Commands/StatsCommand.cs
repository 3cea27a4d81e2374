using System.CommandLine;
using System.Text;
using Dermis.Precision.Endpoints;
using Dermis.Precision.Reporting;
using Dermis.Server.Precision;
using Dermis.Storage.Database;

namespace Dermis.Cli.Commands;

/// <summary>
/// <c>dermis stats endpoints --study ID --out DIR</c>: a study's endpoint analyses as CSV tables and an HTML
/// report; <c>dermis stats power …</c>: sample size and power for a responder or continuous endpoint
/// (docs/statistics.md). The operator holds the database, so the analyses see arms.
/// </summary>
internal static partial class StatsCommand
{
    public static Command Create()
    {
        var stats = new Command("stats", "Endpoint statistics of a study, and sample size and power for a trial design.");
        stats.Subcommands.Add(Endpoints());
        stats.Subcommands.Add(Power());
        return stats;
    }

    private static Command Endpoints()
    {
        var db = DatabaseOption.Create();
        var study = new Option<string>("--study") { Description = "Study id, e.g. DERM-AD-301.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for responders.csv, lsmeans.csv, contrasts.csv, fixed_effects.csv and report.html (created if needed).", Required = true };
        var primary = new Option<string?>("--primary-visit") { Description = "Visit of the primary comparison (default: the last visit on or before day 113, week 16)." };
        var treated = new Option<string?>("--treated") { Description = "Arm compared (default: the first arm that is not the control)." };
        var control = new Option<string?>("--control") { Description = "Reference arm (default: the arm named placebo, else the last arm)." };
        var command = new Command("endpoints", "Responder endpoints (NRI and as observed; CMH, stratified Miettinen–Nurminen) and continuous endpoints (MMRM, ANCOVA) by visit.")
        {
            db, study, output, primary, treated, control,
        };
        command.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async writer =>
        {
            await using var database = DermisDatabase.Create(DatabaseOption.Resolve(parseResult, db));
            StudyStatistics statistics;
            try
            {
                statistics = await StudyStatistics.LoadAsync(database, parseResult.GetValue(study)!, TimeProvider.System.GetUtcNow(), cancellationToken);
            }
            catch (ArgumentException e)
            {
                throw new CommandLineInputException($"--study: {Message(e)}");
            }

            EndpointResults results;
            try
            {
                results = EndpointAnalysis.Run(statistics.Dataset(parseResult.GetValue(treated), parseResult.GetValue(control)),
                    new EndpointAnalysisOptions { PrimaryVisit = parseResult.GetValue(primary) });
            }
            catch (ArgumentException e)
            {
                var option = e.ParamName switch { "treated" => "--treated", "control" => "--control", _ => "--primary-visit" };
                throw new CommandLineInputException($"{option}: {Message(e)}");
            }

            var folder = parseResult.GetValue(output)!.FullName;
            try
            {
                var files = EndpointTables.WriteAll(results, folder).ToList();
                var report = Path.Combine(folder, "report.html");
                await using (var html = new StreamWriter(report, false, new UTF8Encoding(false)))
                {
                    EndpointReportHtml.Write(results, html);
                }

                files.Add(report);
                await writer.WriteLineAsync($"{results.Study}: {results.TreatedArm} (n = {results.Participants.GetValueOrDefault(results.TreatedArm)}) vs {results.ControlArm} (n = {results.Participants.GetValueOrDefault(results.ControlArm)}), primary visit {results.PrimaryVisit}");
                foreach (var line in Headline(results))
                {
                    await writer.WriteLineAsync(line);
                }

                await writer.WriteLineAsync($"→ {string.Join(", ", files.Select(Path.GetFileName))} in {folder}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineInputException($"--out: {folder} cannot be written: {e.Message}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>One line per primary-visit comparison under the primary rule.</summary>
    private static IEnumerable<string> Headline(EndpointResults results)
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var r in results.Responders.Where(r => r.Visit == results.PrimaryVisit && r.Rule == Dermis.Precision.Responders.IntercurrentEventRule.NonResponderImputation))
        {
            var rates = string.Join(" vs ", r.Arms.Select(a => string.Create(ci, $"{a.Responders}/{a.Evaluable} ({a.Rate * 100:F1} %)")));
            var difference = r.Difference is { } d ? string.Create(ci, $"; difference {d.Estimate * 100:F1} ({d.Lower * 100:F1}, {d.Upper * 100:F1})") : "";
            var p = r.Cmh is { } c ? string.Create(ci, $"; CMH p {c.P:G4}") : "";
            yield return $"  {EndpointNames.Of(r.Endpoint),-12} {rates}{difference}{p}";
        }

        foreach (var e in results.Continuous)
        {
            var c = e.Mmrm?.Contrasts.FirstOrDefault(x => x.Visit == results.PrimaryVisit);
            yield return c is null
                ? $"  {e.Endpoint}: MMRM not estimable ({e.MmrmProblem})"
                : string.Create(ci, $"  {e.Endpoint}: MMRM LS-mean difference {c.Estimate:F2} {e.Unit} ({c.Lower:F2}, {c.Upper:F2}), df {c.DegreesOfFreedom:F1}, p {c.P:G4}");
        }
    }

    /// <summary>The exception's message without .NET's parameter suffix and without a leading <c>field: </c> (the option names the field).</summary>
    private static string Message(ArgumentException e)
    {
        var message = e.Message.Split(" (Parameter", 2)[0];
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !message.AsSpan(0, colon).Contains(' ') ? message[(colon + 2)..] : message;
    }
}
