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

                files.AddRange(await ModelsAsync(statistics, folder, writer));

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

    /// <summary>Writes early_response.json and biomarkers.csv where the data allow them; says why not otherwise.</summary>
    private static async Task<List<string>> ModelsAsync(StudyStatistics statistics, string folder, TextWriter writer)
    {
        var files = new List<string>();
        var (early, late) = StudyModels.DefaultVisits(statistics.Dataset());
        try
        {
            var prediction = StudyModels.EarlyResponse(statistics, early, late);
            var path = Path.Combine(folder, "early_response.json");
            await File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(EarlyResponseJson.Of(early, late, prediction), EndpointResultsJson.Options), new UTF8Encoding(false));
            files.Add(path);
            await writer.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  early response {early} → EASI-75 at {late}: AUC {prediction.Auc:F3} ({prediction.AucLower:F3}, {prediction.AucUpper:F3}), {prediction.Subjects} participants, {prediction.Events} responders"));
        }
        catch (ArgumentException e)
        {
            await writer.WriteLineAsync($"  early response: not estimable ({Message(e)})");
        }

        var (associations, skipped) = StudyModels.Biomarkers(statistics);
        if (associations.Count > 0)
        {
            var csv = new StringBuilder("biomarker,outcome,subjects,observations,pearson,pearson_lower,pearson_upper,spearman,spearman_p,rmcorr,rmcorr_lower,rmcorr_upper,rmcorr_p,mixed_slope,mixed_slope_se,mixed_p\r\n");
            foreach (var a in associations)
            {
                csv.AppendJoin(',', Cell(a.Biomarker), Cell(a.Outcome), a.Subjects, a.Observations, D(a.Pearson), D(a.PearsonLower), D(a.PearsonUpper), D(a.Spearman), D(a.SpearmanP),
                    D(a.RepeatedMeasuresCorrelation), D(a.RmcorrLower), D(a.RmcorrUpper), D(a.RmcorrP), D(a.MixedModelSlope), D(a.MixedModelSlopeSe), D(a.MixedModelP)).Append("\r\n");
            }

            var path = Path.Combine(folder, "biomarkers.csv");
            await File.WriteAllTextAsync(path, csv.ToString(), new UTF8Encoding(false));
            files.Add(path);
        }

        await writer.WriteLineAsync($"  biomarkers: {associations.Count} associations, {skipped.Count} pairs with too little data");
        return files;

        static string D(double v) => double.IsFinite(v) ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "";
        static string Cell(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
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
                : string.Create(ci, $"  {e.Endpoint}: MMRM LS-mean difference {c.Estimate:F2} {e.Unit} ({c.Lower:F2}, {c.Upper:F2}), df {c.DegreesOfFreedom:F1}, p {c.P:G4}{(e.CovarianceNote is null ? "" : $" ({e.CovarianceNote})")}");
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
