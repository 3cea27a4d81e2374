using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dermis.Sensing.Sweat;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis sense sweat calibrate standards.csv</c>: fit each lot's standards offline and print the fit (docs/sweat.md).</summary>
internal static class SweatCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("standards") { Description = "CSV with header lot,cytokine,concentration,response[,unit]; concentration 0 for blanks." };
        var model = new Option<string>("--model") { Description = "4pl (default), 5pl or loglinear.", DefaultValueFactory = _ => "4pl" };
        var weighting = new Option<string>("--weighting") { Description = "none (default), 1/y or 1/y2.", DefaultValueFactory = _ => "none" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for one calibration-<lot>-<cytokine>.json per fitted set." };
        var calibrate = new Command("calibrate", "Fit standard curves per sensor lot and cytokine: parameters with standard errors, R², LOD/LOQ from blanks, back-calculated standards.")
        {
            file, model, weighting, output,
        };
        calibrate.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async writer =>
        {
            var curveModel = parseResult.GetValue(model)!.ToLowerInvariant() switch
            {
                "4pl" => CurveModel.FourParameterLogistic,
                "5pl" => CurveModel.FiveParameterLogistic,
                "loglinear" => CurveModel.LogLinear,
                var other => throw new CommandLineInputException($"--model: 4pl, 5pl or loglinear; got '{other}'"),
            };
            var curveWeighting = parseResult.GetValue(weighting)!.ToLowerInvariant() switch
            {
                "none" => CurveWeighting.None,
                "1/y" => CurveWeighting.OneOverY,
                "1/y2" => CurveWeighting.OneOverY2,
                var other => throw new CommandLineInputException($"--weighting: none, 1/y or 1/y2; got '{other}'"),
            };
            var path = parseResult.GetValue(file)!;
            IReadOnlyList<CalibrationStandardSet> sets;
            try
            {
                using var reader = path.OpenText();
                sets = CalibrationStandardsCsv.Read(reader);
            }
            catch (FormatException e)
            {
                throw new CommandLineInputException($"{path.Name}: {e.Message}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineInputException($"standards: {path.FullName} cannot be read: {e.Message}");
            }

            var failed = false;
            foreach (var set in sets)
            {
                CalibrationFitResult result;
                try
                {
                    result = CalibrationFitter.Attempt(set.Standards, curveModel, curveWeighting);
                }
                catch (ArgumentException e)
                {
                    result = new CalibrationFitResult(null, new CalibrationFailure(CalibrationFailureKind.NoDirection, e.Message.Split(" (Parameter", 2)[0]));
                }

                if (result.Curve is not { } curve)
                {
                    failed = true;
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync($"{set.Lot} {set.Cytokine}: not fitted: {result.Failure!.Reason}");
                    continue;
                }

                await writer.WriteLineAsync(Describe(set, curve));
                if (parseResult.GetValue(output) is { } folder)
                {
                    folder.Create();
                    var name = $"calibration-{Safe(set.Lot)}-{Safe(Cytokines.Normalise(set.Cytokine))}.json";
                    await File.WriteAllTextAsync(Path.Combine(folder.FullName, name), JsonSerializer.Serialize(new { set.Lot, Cytokine = Cytokines.Normalise(set.Cytokine), set.Unit, curve }, Json), cancellationToken);
                }
            }

            return failed ? ExitCodes.BadInput : ExitCodes.Success;
        }));
        return new Command("sweat", "Sweat-patch cytokines.") { calibrate };
    }

    /// <summary>One set's fit in a few lines.</summary>
    internal static string Describe(CalibrationStandardSet set, CalibrationCurve curve)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{set.Lot} {Cytokines.Normalise(set.Cytokine)} ({set.Unit}): {curve.Model}, {set.Standards.Count} standards, R² {curve.RSquared:0.00000}, residual SD {curve.ResidualSd:G4}"),
        };
        foreach (var p in curve.Parameters)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {p.Name} = {p.Value:G6}{(p.StandardError is { } se ? $" ± {se:G3}" : "")}"));
        }

        lines.Add(curve.Limits.Lod is { } lod
            ? string.Create(CultureInfo.InvariantCulture, $"  LOD {lod:G4}, LOQ {curve.Limits.Loq:G4} {set.Unit} ({curve.Limits.BlankCount} blanks)")
            : $"  LOD, LOQ: {curve.Limits.Reason}");
        var recoveries = curve.Standards.Where(s => s.RecoveryPercent is not null && s.Concentration >= curve.LowestStandard && s.Concentration <= curve.HighestStandard).Select(s => s.RecoveryPercent!.Value).ToList();
        if (recoveries.Count > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  back-calculated standards: recovery {recoveries.Min():0.0}–{recoveries.Max():0.0} %"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Safe(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
