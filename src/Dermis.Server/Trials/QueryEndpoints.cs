using Dermis.Server.Hosting;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Queries;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Trials;

/// <summary>Data queries: list, raise (manual), answer, close, re-open. Never deleted.</summary>
internal static class QueryEndpoints
{
    public sealed record RaiseRequest(long? Visit, string? Form, string? Item, string? Text);

    public sealed record MessageRequest(string? Text);

    public static IEndpointRouteBuilder MapQueries(this IEndpointRouteBuilder routes)
    {
        var study = routes.MapGroup("/api/studies/{studyId}").WithTags("Queries");
        study.MapGet("/queries", ListAsync).WithSummary("Queries at the caller's sites; filter by state (open, answered, closed) and participant.");
        study.MapGet("/queries/{queryId:long}", GetAsync).WithSummary("One query with its thread.");
        study.MapPost("/participants/{participant}/queries", RaiseAsync).WithSummary("Raise a manual query on a form item (monitor, data manager).");
        study.MapPost("/queries/{queryId:long}/answer", (string studyId, long queryId, MessageRequest body, HttpContext http) => ActAsync(studyId, queryId, QueryAction.Answer, body, http))
            .WithSummary("Answer a query (site).");
        study.MapPost("/queries/{queryId:long}/close", (string studyId, long queryId, MessageRequest body, HttpContext http) => ActAsync(studyId, queryId, QueryAction.Close, body, http))
            .WithSummary("Close a query (monitor, data manager).");
        study.MapPost("/queries/{queryId:long}/reopen", (string studyId, long queryId, MessageRequest body, HttpContext http) => ActAsync(studyId, queryId, QueryAction.Reopen, body, http))
            .WithSummary("Re-open a query (monitor, data manager).");
        return routes;
    }

    internal static async Task<IResult> ListAsync(string studyId, string? state, string? participant, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        if (state is not null && Names.Parse<QueryState>(state) is null)
        {
            throw BadInputException.Field("state", $"'{state}' is not a query state; allowed: {string.Join(", ", Names.All<QueryState>())}");
        }

        long? participantId = participant is null ? null : (await request.ParticipantAsync(participant)).Id;
        var rows = await request.Store.ListQueriesAsync(studyId, request.Access.VisibleSites, participantId, state);
        return TypedResults.Ok(rows.Select(View));
    }

    internal static async Task<IResult> GetAsync(string studyId, long queryId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var query = await VisibleQueryAsync(request, queryId);
        return TypedResults.Ok(new { Query = View(query), Thread = await request.Store.ListQueryMessagesAsync(query.Id) });
    }

    internal static async Task<IResult> RaiseAsync(string studyId, string participant, RaiseRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantToChangeAsync(participant, Capability.RaiseQuery, allowFrozen: true);
        var errors = new Fields();
        errors.Check("visit", body.Visit is not null, "is required: the visit key");
        errors.Text("form", body.Form, 100);
        errors.Text("text", body.Text, 2000);
        errors.ThrowIfAny("Invalid query");
        var (visit, _, form, _) = await FormEndpoints.LocateAsync(request, row, body.Visit!.Value, body.Form!);
        if (form is null)
        {
            throw new DomainRuleException("form-empty", $"Form {body.Form} of visit {visit.VisitId} has no data to query yet.");
        }

        var query = new QueryRow
        {
            StudyId = studyId, SiteId = row.SiteId, ParticipantId = row.Id, ScreeningNumber = row.ScreeningNumber, FormDataId = form.Id, Item = body.Item,
            Kind = Names.Of(QueryKind.Manual), State = Names.Of(QueryState.Open), Text = body.Text!, OpenedBy = request.Actor, OpenedAt = UtcText.Format(request.Now),
        };
        var role = request.Access.RoleFor(Capability.RaiseQuery, row.SiteId);
        await request.Store.OpenQueryAsync(query, role is null ? null : Names.Of(role.Value));
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "query", $"{row.ScreeningNumber}/q{query.Id}", body.Item, "open", null, body.Text, "manual"));
        await request.CommitAsync(Capability.RaiseQuery, row.SiteId);
        return TypedResults.Created($"/api/studies/{studyId}/queries/{query.Id}", View(query));
    }

    internal static async Task<IResult> ActAsync(string studyId, long queryId, QueryAction action, MessageRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var query = await VisibleQueryAsync(request, queryId);
        var capability = action == QueryAction.Answer ? Capability.AnswerQuery : Capability.CloseQuery;
        request.Require(capability, query.SiteId);
        await CasebookGuard.RequireOpenAsync(request, query.SiteId, query.ScreeningNumber, null, null, allowFrozen: true);
        var errors = new Fields();
        errors.Text("text", body.Text, 2000);
        errors.ThrowIfAny("Invalid query message");

        var from = Names.Parse<QueryState>(query.State)!.Value;
        var to = QueryWorkflow.Apply(query.Id, from, action);
        query.State = Names.Of(to);
        await request.Store.SetQueryStateAsync(query.Id, query.State);
        var role = request.Access.RoleFor(capability, query.SiteId);
        await request.Store.AddQueryMessageAsync(query.Id, Names.Of(action), body.Text!, request.Actor, role is null ? null : Names.Of(role.Value), UtcText.Format(request.Now));
        request.Audit(new AuditEvent(query.SiteId, query.ScreeningNumber, "query", $"{query.ScreeningNumber}/q{query.Id}", query.Item, Names.Of(action), Names.Of(from), query.State, body.Text));
        await request.CommitAsync(capability, query.SiteId);
        return TypedResults.Ok(new { Query = View(query), Thread = await request.Store.ListQueryMessagesAsync(query.Id) });
    }

    private static async Task<QueryRow> VisibleQueryAsync(TrialRequest request, long queryId)
    {
        var query = await request.Store.GetQueryAsync(request.Study.Id, queryId);
        return query is not null && request.Access.CanSee(query.SiteId) ? query : throw new NotFoundException($"Query {queryId} was not found in {request.Study.Id}.");
    }

    private static object View(QueryRow q) => new
    {
        q.Id, Participant = q.ScreeningNumber, Site = q.SiteId, q.Kind, q.State, q.Item, q.Text, q.CheckId, q.OpenedBy, q.OpenedAt, Form = q.FormDataId,
    };
}
