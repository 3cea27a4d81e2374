using System.Text.Json;
using Dermis.Server.Hosting;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Forms;
using Dermis.Trials.Protocol;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Trials;

/// <summary>eCRFs: read, save (validation, derived scores, edit checks, queries, audit), complete and source-verify.</summary>
internal static class FormEndpoints
{
    public sealed record SaveRequest(JsonElement? Data, long? RowVersion, string? Reason);

    public sealed record ActionRequest(string? Action, long? RowVersion);

    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder routes)
    {
        var forms = routes.MapGroup("/api/studies/{studyId}/participants/{participant}/visits/{visitId:long}/forms/{formId}").WithTags("eCRF");
        forms.MapGet("", GetAsync).WithSummary("A form's raw items, derived score, status, version and queries.");
        forms.MapPut("", FormSaving.SaveAsync)
            .WithSummary("Save a form: items are validated (400 names each field), instrument scores derived, edit checks run and open queries; a complete form needs a reason; a stale rowVersion gets 409 naming what changed.");
        forms.MapPost("/actions", ActAsync).WithSummary("Mark a form complete (site) or source-verified (monitor).");
        return routes;
    }

    /// <summary>The visit of the participant and the form's definition; 404 when the form is not collected at that visit.</summary>
    internal static async Task<(VisitRow Visit, FormDefinition Form, FormRow? Row, ProtocolDefinition Protocol)> LocateAsync(
        TrialRequest request, ParticipantRow participant, long visitRowId, string formId)
    {
        var visit = await request.Store.GetVisitAsync(participant.Id, visitRowId);
        return await LocateAsync(request, participant, visit, visitRowId, formId, await request.Store.GetFormAsync(visitRowId, formId));
    }

    /// <summary>As above, for a visit and form already read.</summary>
    internal static async Task<(VisitRow Visit, FormDefinition Form, FormRow? Row, ProtocolDefinition Protocol)> LocateAsync(
        TrialRequest request, ParticipantRow participant, VisitRow? visit, long visitRowId, string formId, FormRow? row)
    {
        if (visit is null)
        {
            throw new NotFoundException($"Visit {visitRowId} of participant {participant.ScreeningNumber} was not found.");
        }

        var protocol = (await request.ProtocolAsync(row?.ProtocolVersion ?? visit.ProtocolVersion)).Definition;
        var visitDefinition = protocol.FindVisit(visit.VisitId)!;
        if (!visitDefinition.FormIds.Contains(formId))
        {
            throw new NotFoundException($"Form '{formId}' is not collected at visit {visit.VisitId}; its forms: {string.Join(", ", visitDefinition.FormIds)}.");
        }

        return (visit, protocol.FindForm(formId)!, row, protocol);
    }

    internal static async Task<IResult> GetAsync(string studyId, string participant, long visitId, string formId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        var (visit, form, data, _) = await LocateAsync(request, row, visitId, formId);
        return TypedResults.Ok(await ViewAsync(request, row, visit, form, data));
    }

    internal static async Task<object> ViewAsync(TrialRequest request, ParticipantRow participant, VisitRow visit, FormDefinition form, FormRow? row, IReadOnlyList<QueryRow>? knownQueries = null)
    {
        var queries = knownQueries ?? (row is null ? [] : await request.Store.ListFormQueriesAsync(row.Id));
        var state = await CasebookGuard.StateAsync(request, participant.SiteId, participant.ScreeningNumber, visit.Id, form.Id);
        return new
        {
            Participant = participant.ScreeningNumber,
            Visit = visit.Id,
            VisitId = visit.VisitId,
            Form = form.Id,
            form.Instrument,
            Status = row?.Status ?? Names.Of(FormStatus.NotStarted),
            Lock = Names.Of(state),
            RowVersion = row?.RowVersion ?? 0,
            ProtocolVersion = row?.ProtocolVersion ?? visit.ProtocolVersion,
            Data = row is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(row.Data),
            Derived = row?.Derived is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(row.Derived),
            row?.InstrumentVersion,
            row?.UpdatedAt,
            row?.UpdatedBy,
            Queries = queries.Select(q => new { q.Id, q.Kind, q.State, q.Item, q.Text, q.CheckId }),
        };
    }

    internal static async Task<IResult> ActAsync(string studyId, string participant, long visitId, string formId, ActionRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantAsync(participant);
        var action = Names.Parse<FormAction>(body.Action);
        if (action is not (FormAction.Complete or FormAction.SourceVerify))
        {
            throw BadInputException.Field("action", $"'{body.Action}' is not allowed; allowed: complete, sourceVerify (signatures sign forms; saving changes data)");
        }

        var capability = action == FormAction.Complete ? Capability.EnterData : Capability.SourceVerify;
        request.Require(capability, row.SiteId);
        var (visit, form, data, protocol) = await LocateAsync(request, row, visitId, formId);
        await CasebookGuard.RequireOpenAsync(request, row.SiteId, row.ScreeningNumber, visit.Id, formId);
        if (data is null)
        {
            throw new DomainRuleException("form-empty", $"Form {formId} of visit {visit.VisitId} has no data yet.");
        }

        if (body.RowVersion != data.RowVersion)
        {
            throw new StaleWriteException($"Form {formId} is at version {data.RowVersion}, not {body.RowVersion}; reload it.", []);
        }

        var from = Names.Parse<FormStatus>(data.Status)!.Value;
        var to = FormWorkflow.Apply(formId, from, action.Value);
        if (action == FormAction.Complete)
        {
            using var document = JsonDocument.Parse(data.Data);
            var missing = FormEvaluation.Evaluate(protocol, form, document.RootElement).MissingRequired;
            if (missing.Count > 0)
            {
                throw new DomainRuleException("required-items-missing", $"Form {formId} cannot be complete: required items missing: {string.Join(", ", missing)}.");
            }
        }

        data.Status = Names.Of(to);
        data.UpdatedAt = UtcText.Format(request.Now);
        data.UpdatedBy = request.Actor;
        if (!await request.Store.UpdateFormAsync(data, body.RowVersion!.Value))
        {
            throw new StaleWriteException($"Form {formId} was changed meanwhile; reload it.", []);
        }

        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "form", $"{row.ScreeningNumber}/{visit.Id}/{formId}@v{data.RowVersion}", "status",
            Names.Of(action.Value), Names.Of(from), data.Status, null));
        await request.CommitAsync(capability, row.SiteId);
        return TypedResults.Ok(await ViewAsync(request, row, visit, form, data));
    }
}
