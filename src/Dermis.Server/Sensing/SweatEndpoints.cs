using System.Globalization;
using System.Text;
using System.Text.Json;
using Dermis.Instruments.Scoring;
using Dermis.Sensing.Sweat;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Sensing;

/// <summary>A stored calibration in a list.</summary>
/// <param name="Lot">Sensor lot.</param>
/// <param name="Cytokine">Cytokine.</param>
/// <param name="Version">Version (1 for the first upload).</param>
/// <param name="Model">Curve model.</param>
/// <param name="Unit">Concentration unit.</param>
/// <param name="RSquared">R² of the fit.</param>
/// <param name="Lod">Limit of detection, concentration (null without blanks).</param>
/// <param name="Loq">Limit of quantification, concentration.</param>
/// <param name="Range">Lowest and highest standard.</param>
/// <param name="CreatedBy">Who uploaded it.</param>
/// <param name="CreatedAt">When.</param>
internal sealed record CalibrationSummary(string Lot, string Cytokine, long Version, string Model, string Unit, double RSquared, double? Lod, double? Loq, double[] Range,
    string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>
/// Sweat calibrations and a participant's cytokines (docs/sweat.md). Standards are uploaded as CSV
/// (<c>lot,cytokine,concentration,response[,unit]</c>, concentration 0 for blanks); each lot and cytokine
/// is fitted and stored as a new version, all or nothing: one set that cannot be fitted refuses the upload
/// with its reason. Participants' readings are quantified with the latest version whenever they are read.
/// </summary>
internal static class SweatEndpoints
{
    private const int MaxStandardsBytes = 1 << 20;

    public static IEndpointRouteBuilder MapSweat(this IEndpointRouteBuilder routes)
    {
        var study = routes.MapGroup("/api/studies/{studyId}").WithTags("Sensing");
        study.MapPost("/sweat-calibrations", UploadAsync)
            .WithSummary("Fit standards (text/csv: lot,cytokine,concentration,response[,unit]; ?model=4pl|5pl|loglinear&weighting=none|1/y|1/y2) and store each lot and cytokine as a new calibration version.");
        study.MapGet("/sweat-calibrations", ListAsync).WithSummary("The latest calibration of every sensor lot and cytokine.");
        study.MapGet("/sweat-calibrations/{lot}/{cytokine}", GetAsync).WithSummary("One calibration (latest, or ?version=) with its parameters, standard errors, back-calculated standards and limits.");
        study.MapGet("/participants/{participant}/sweat", ParticipantAsync)
            .WithSummary("A participant's sweat cytokines (?from=&to= dates, ?period=day|hour): flags, per-location summaries, lesional contrasts, inflammation index.");
        return routes;
    }

    private static async Task<IResult> UploadAsync(string studyId, string? model, string? weighting, HttpContext http)
    {
        var curveModel = (model ?? "4pl").ToLowerInvariant() switch
        {
            "4pl" => CurveModel.FourParameterLogistic,
            "5pl" => CurveModel.FiveParameterLogistic,
            "loglinear" => CurveModel.LogLinear,
            _ => throw BadInputException.Field("model", $"4pl, 5pl or loglinear; got '{model}'"),
        };
        var curveWeighting = (weighting ?? "none").ToLowerInvariant() switch
        {
            "none" => CurveWeighting.None,
            "1/y" or "oneovery" => CurveWeighting.OneOverY,
            "1/y2" or "oneovery2" => CurveWeighting.OneOverY2,
            _ => throw BadInputException.Field("weighting", $"none, 1/y or 1/y2; got '{weighting}'"),
        };

        // Who may upload is checked before the body is read or fitted.
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        request.Require(Capability.ManageStudy, null);
        IReadOnlyList<CalibrationStandardSet> sets;
        var text = await ReadBodyAsync(http);
        try
        {
            sets = CalibrationStandardsCsv.Read(new StringReader(text));
        }
        catch (FormatException e)
        {
            throw BadInputException.Field("body", e.Message);
        }

        if (sets.Count == 0)
        {
            throw BadInputException.Field("body", "no standards: send a header lot,cytokine,concentration,response and one row per standard (concentration 0 for a blank)");
        }

        var fits = new List<(CalibrationStandardSet Set, CalibrationCurve Curve)>();
        var errors = new List<FieldError>();
        foreach (var set in sets)
        {
            try
            {
                var result = CalibrationFitter.Attempt(set.Standards, curveModel, curveWeighting);
                if (result.Curve is { } curve)
                {
                    fits.Add((set, curve));
                }
                else
                {
                    errors.Add(new FieldError($"{set.Lot}/{set.Cytokine}", result.Failure!.Reason));
                }
            }
            catch (ArgumentException e)
            {
                errors.Add(new FieldError($"{set.Lot}/{set.Cytokine}", e.Message.Split(" (Parameter", 2)[0]));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException("calibration-failed", "No calibration was stored: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        var stored = new List<CalibrationSummary>();
        foreach (var (set, curve) in fits)
        {
            var row = new SweatCalibrationRow
            {
                StudyId = studyId, Lot = set.Lot, Cytokine = Cytokines.Normalise(set.Cytokine), Model = Names.Of(curve.Model), Unit = set.Unit,
                Standards = JsonSerializer.Serialize(set.Standards, SweatAnalysis.CurveJson), Curve = JsonSerializer.Serialize(curve, SweatAnalysis.CurveJson),
                CreatedBy = request.Actor, CreatedAt = UtcText.Format(request.Now),
            };
            await request.Store.AddSweatCalibrationAsync(row, http.RequestAborted);
            request.Audit(new AuditEvent(null, null, "calibration", $"{row.Lot}/{row.Cytokine}/v{row.Version}", null, "fit", null,
                string.Create(CultureInfo.InvariantCulture, $"{row.Model} on {set.Standards.Count} standards, R² {curve.RSquared:0.#####}"), null));
            stored.Add(Summary(row, curve));
        }

        await request.CommitAsync(Capability.ManageStudy, null);
        return TypedResults.Ok(stored);
    }

    private static async Task<IResult> ListAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        return TypedResults.Ok((await request.Store.ListSweatCalibrationsAsync(studyId, http.RequestAborted))
            .Select(row => Summary(row, JsonSerializer.Deserialize<CalibrationCurve>(row.Curve, SweatAnalysis.CurveJson)!)));
    }

    private static async Task<IResult> GetAsync(string studyId, string lot, string cytokine, long? version, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        // A blank name (%20 in the path) names no calibration: 404 like any other unknown one, not Normalise's ArgumentException (500).
        var row = (string.IsNullOrWhiteSpace(cytokine) ? null : await request.Store.GetSweatCalibrationAsync(studyId, lot, Cytokines.Normalise(cytokine), version, http.RequestAborted))
            ?? throw new NotFoundException($"No calibration of lot {lot} for {cytokine}{(version is null ? "" : $" version {version}")} in {studyId}.");
        var curve = JsonSerializer.Deserialize<CalibrationCurve>(row.Curve, SweatAnalysis.CurveJson)!;
        return TypedResults.Ok(new { summary = Summary(row, curve), curve });
    }

    private static async Task<IResult> ParticipantAsync(string studyId, string participant, string? from, string? to, string? period, HttpContext http)
    {
        var summaryPeriod = (period ?? "day") switch
        {
            "day" => SummaryPeriod.Day,
            "hour" => SummaryPeriod.Hour,
            _ => throw BadInputException.Field("period", $"day or hour; got '{period}'"),
        };
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        var settings = (await request.ProtocolAsync()).Definition.SensingAlerts;
        var (start, end) = (Day(from, "from") ?? DateTimeOffset.UnixEpoch, Day(to, "to")?.AddDays(1).AddTicks(-10) ?? request.Now.AddDays(1));
        return TypedResults.Ok(await SweatAnalysis.ReportAsync(request.Store, studyId, row, start, end, summaryPeriod, settings.SweatBaselineDays, http.RequestAborted));
    }

    internal static CalibrationSummary Summary(SweatCalibrationRow row, CalibrationCurve curve) =>
        new(row.Lot, row.Cytokine, row.Version, row.Model, row.Unit, curve.RSquared, curve.Limits.Lod, curve.Limits.Loq, [curve.LowestStandard, curve.HighestStandard],
            row.CreatedBy, UtcText.Parse(row.CreatedAt));

    private static DateTimeOffset? Day(string? text, string field) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        : throw BadInputException.Field(field, $"a date yyyy-MM-dd; got '{text}'");

    private static async Task<string> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxStandardsBytes)
        {
            throw BadInputException.Field("body", $"at most {MaxStandardsBytes / 1024} KiB of standards per upload");
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        return text.Length > MaxStandardsBytes ? throw BadInputException.Field("body", $"at most {MaxStandardsBytes / 1024} KiB of standards per upload") : text;
    }
}
