using System.Text.Json;
using Dermis.Precision.Endpoints;
using Dermis.Precision.Reporting;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Precision;

/// <summary>
/// Endpoint statistics, early-response prediction, treatment advice and biomarker association of a
/// study (docs/statistics.md). Everything that compares arms needs a caller who may see every
/// randomised participant's arm (403 otherwise) and a role that may export; data are the sites the
/// caller sees.
/// </summary>
internal static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder routes)
    {
        var study = routes.MapGroup("/api/studies/{studyId}").WithTags("Statistics");
        study.MapGet("/stats/endpoints", EndpointsAsync)
            .WithSummary("Responder endpoints (NRI and as observed; CMH, stratified Miettinen–Nurminen) and continuous endpoints (MMRM, ANCOVA) by visit. Unblinded callers only.");
        study.MapGet("/stats/report", ReportAsync)
            .WithSummary("The endpoint analyses as a self-contained HTML report: forest plot, responders and LS means over time, tables. Unblinded callers only.");
        study.MapGet("/stats/early-response", EarlyResponseAsync)
            .WithSummary("Does early response (?early=, default the primary visit) predict late response (?late=, default the last visit)? Cross-validated penalised logistic regression: AUC, calibration, feature importance.");
        study.MapGet("/stats/biomarkers", BiomarkersAsync)
            .WithSummary("Association of nightly scratch and immune-cell fractions with EASI and itch over time: Pearson, Spearman, repeated-measures correlation, mixed model.");
        study.MapGet("/participants/{participant}/advice", AdviceAsync).WithTags("Statistics")
            .WithSummary("Predicted probability of EASI-75 at the primary visit under each arm for the participant's baseline, with uncertainty and what the model was trained on. Unblinded callers only.");
        return routes;
    }

    private static async Task<IResult> EndpointsAsync(string studyId, string? primaryVisit, string? treated, string? control, HttpContext http)
    {
        var results = await RunAsync(studyId, primaryVisit, treated, control, http);
        return TypedResults.Json(EndpointResultsJson.Of(results), EndpointResultsJson.Options);
    }

    private static async Task ReportAsync(string studyId, string? primaryVisit, string? treated, string? control, HttpContext http)
    {
        var results = await RunAsync(studyId, primaryVisit, treated, control, http);
        await using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        EndpointReportHtml.Write(results, text);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(text.ToString(), http.RequestAborted);
    }

    private static async Task<EndpointResults> RunAsync(string studyId, string? primaryVisit, string? treated, string? control, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var statistics = await StudyStatistics.LoadAsync(request, withFeatures: false);
        try
        {
            return EndpointAnalysis.Run(statistics.Dataset(treated, control), new EndpointAnalysisOptions { PrimaryVisit = primaryVisit });
        }
        catch (ArgumentException e)
        {
            throw BadInputException.Field(e.ParamName is "treated" or "control" ? e.ParamName : "primaryVisit", Message(e));
        }
    }

    private static async Task<IResult> EarlyResponseAsync(string studyId, string? early, string? late, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var statistics = await StudyStatistics.LoadAsync(request);
        var (defaultEarly, defaultLate) = StudyModels.DefaultVisits(statistics.Dataset());
        early ??= defaultEarly;
        late ??= defaultLate;
        try
        {
            return TypedResults.Json(EarlyResponseJson.Of(early, late, StudyModels.EarlyResponse(statistics, early, late)), EndpointResultsJson.Options);
        }
        catch (ArgumentException e) when (e.ParamName is "early" or "late")
        {
            throw BadInputException.Field(e.ParamName, Message(e));
        }
        catch (ArgumentException e)
        {
            throw new EntryRefusedException("not-enough-data", Message(e));
        }
    }

    private static async Task<IResult> BiomarkersAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var (associations, skipped) = StudyModels.Biomarkers(await StudyStatistics.LoadAsync(request));
        return TypedResults.Json(new { associations, skipped }, EndpointResultsJson.Options);
    }

    private static async Task<IResult> AdviceAsync(string studyId, string participant, string? visit, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        await request.ParticipantAsync(participant);
        var (at, advice) = await ParticipantAdvice.ComputeAsync(request, participant, visit);
        return TypedResults.Json(new { participant, visit = at, outcome = "EASI-75 (non-responder imputation)", advice }, EndpointResultsJson.Options);
    }

    private static string Message(Exception e) => e.Message.Split(" (Parameter", 2)[0];
}
