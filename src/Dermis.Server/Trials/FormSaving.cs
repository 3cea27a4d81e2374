using System.Text.Json;
using Dermis.Instruments.Scoring;
using Dermis.Server.Hosting;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Checks;
using Dermis.Trials.Forms;
using Dermis.Trials.Queries;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Http;

namespace Dermis.Server.Trials;

/// <summary>
/// Saving an eCRF: validate, derive, check the version, require a reason on complete forms, store,
/// audit every changed item, invalidate signatures that no longer cover the data, and open queries
/// for soft ranges and edit checks, all in one transaction.
/// </summary>
internal static class FormSaving
{
    public static async Task<IResult> SaveAsync(string studyId, string participant, long visitId, string formId, FormEndpoints.SaveRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantAsync(participant);
        request.Require(Capability.EnterData, row.SiteId);
        var (visit, form, existing, protocol) = await FormEndpoints.LocateAsync(request, row, visitId, formId);
        await CasebookGuard.RequireOpenAsync(request, row.SiteId, row.ScreeningNumber, visit.Id, formId);
        if (body.Data is not { } data)
        {
            throw BadInputException.Field("data", $"is required: the items of form {formId}" + (form.Instrument is null ? "" : $" (the {form.Instrument} score document, docs/scoring.md)"));
        }

        var evaluation = FormEvaluation.Evaluate(protocol, form, data);
        if (evaluation.Errors.Count > 0)
        {
            throw new BadInputException($"Invalid {formId} data", evaluation.Errors.Select(e => new FieldError("data." + e.Field, e.Message)).ToList());
        }

        var key = $"{row.ScreeningNumber}/{visit.Id}/{formId}";
        if (existing is not null && body.RowVersion != existing.RowVersion)
        {
            if (body.RowVersion is null)
            {
                throw BadInputException.Field("rowVersion", $"is required to change existing data: the version you loaded (now {existing.RowVersion})");
            }

            var changed = (await request.Store.ReadAuditAsync(studyId, row.ScreeningNumber, key + "@v", null))
                .Where(a => a.Item is not null && Version(a.EntityKey) > body.RowVersion)
                .Select(a => a.Item!).Distinct().ToList();
            throw new StaleWriteException(
                $"Form {formId} of visit {visit.VisitId} was changed by {existing.UpdatedBy} at {existing.UpdatedAt} (version {existing.RowVersion}; you loaded {body.RowVersion}). " +
                $"Changed since: {(changed.Count == 0 ? "status only" : string.Join(", ", changed))}. Reload and re-apply your change.", changed);
        }

        var from = existing is null ? FormStatus.NotStarted : Names.Parse<FormStatus>(existing.Status)!.Value;
        var changes = ItemChange.Between(existing is null ? null : JsonDocument.Parse(existing.Data).RootElement, data);
        if (changes.Count == 0 && existing is not null)
        {
            return TypedResults.Ok(await FormEndpoints.ViewAsync(request, row, visit, form, existing));
        }

        if (FormWorkflow.ChangeNeedsReason(from) && string.IsNullOrWhiteSpace(body.Reason))
        {
            throw BadInputException.Field("reason", $"is required: form {formId} is {Names.Of(from)}, so a change needs a reason for change");
        }

        var to = FormWorkflow.Apply(formId, from, FormAction.Save);
        var saved = existing ?? new FormRow { ParticipantId = row.Id, VisitRowId = visit.Id, FormId = formId, ProtocolVersion = protocol.Version };
        var oldDerived = existing?.Derived;
        saved.Status = Names.Of(to);
        saved.Data = data.GetRawText();
        saved.Derived = evaluation.Derived;
        saved.InstrumentVersion = evaluation.InstrumentVersion;
        saved.UpdatedAt = UtcText.Format(request.Now);
        saved.UpdatedBy = request.Actor;
        if (existing is null)
        {
            await request.Store.InsertFormAsync(saved);
        }
        else if (!await request.Store.UpdateFormAsync(saved, existing.RowVersion))
        {
            throw new StaleWriteException($"Form {formId} was changed while you saved; reload it.", []);
        }

        var versionKey = $"{key}@v{saved.RowVersion}";
        foreach (var change in changes)
        {
            request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "form", versionKey, change.Path, existing is null ? "create" : "update", change.OldValue, change.NewValue, body.Reason));
        }

        var oldTotal = oldDerived is null ? null : FormData.Read(oldDerived, "{}", "total").ToString();
        var newTotal = saved.Derived is null ? null : FormData.Read(saved.Derived, "{}", "total").ToString();
        if (oldTotal != newTotal)
        {
            request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "form", versionKey, "(derived).total", "derive", oldTotal, newTotal, saved.InstrumentVersion));
        }

        if (from != to)
        {
            request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "form", versionKey, "status", "save", Names.Of(from), saved.Status, body.Reason));
        }

        await InvalidateSignaturesAsync(request, row, visit, formId);
        await OpenSoftRangeQueriesAsync(request, row, saved, evaluation.SoftRangeIssues);
        await RunEditChecksAsync(request, row, visit, saved);
        await request.CommitAsync(Capability.EnterData, row.SiteId);
        return TypedResults.Ok(await FormEndpoints.ViewAsync(request, row, visit, form, saved));
    }

    private static long Version(string entityKey) =>
        long.TryParse(entityKey.AsSpan(entityKey.LastIndexOf("@v", StringComparison.Ordinal) + 2), out var version) ? version : 0;

    /// <summary>A signature covers the data of its visit (or the whole casebook): a change makes it invalid, visibly.</summary>
    private static async Task InvalidateSignaturesAsync(TrialRequest request, ParticipantRow row, VisitRow visit, string formId)
    {
        foreach (var signature in await request.Store.ListSignaturesAsync(row.Id))
        {
            if (signature.InvalidatedAt is null && (signature.VisitRowId is null || signature.VisitRowId == visit.Id))
            {
                var reason = $"form {formId} of visit {visit.VisitId} changed by {request.Actor}";
                await request.Store.InvalidateSignatureAsync(signature.Id, reason, UtcText.Format(request.Now));
                request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "signature", $"{row.ScreeningNumber}/{signature.Id}", null, "invalidate", "valid", "invalid", reason));
            }
        }
    }

    private static async Task OpenSoftRangeQueriesAsync(TrialRequest request, ParticipantRow row, FormRow form, IReadOnlyList<SoftRangeIssue> issues)
    {
        foreach (var issue in issues)
        {
            var checkId = "softRange:" + issue.ItemPath;
            if (!await request.Store.HasUnresolvedCheckQueryAsync(form.Id, checkId))
            {
                await OpenSystemQueryAsync(request, row, form, QueryKind.SoftRange, checkId, issue.ItemPath, issue.Message);
            }
        }
    }

    /// <summary>Runs the protocol's edit checks declared on this form (and visit); each that fires opens one query, never a duplicate.</summary>
    private static async Task RunEditChecksAsync(TrialRequest request, ParticipantRow row, VisitRow visit, FormRow form)
    {
        var loaded = await request.ProtocolAsync(form.ProtocolVersion);
        var checks = loaded.EditChecks.Where(c => c.Definition.FormId == form.FormId && (c.Definition.VisitId is null || c.Definition.VisitId == visit.VisitId)).ToList();
        if (checks.Count == 0)
        {
            return;
        }

        var visits = await request.Store.ListVisitsAsync(row.Id);
        var forms = await request.Store.ListFormsAsync(row.Id);
        CheckValue Resolve(ItemReference reference)
        {
            var visitRow = reference.VisitId is null ? visit : visits.FirstOrDefault(v => v.VisitId == reference.VisitId);
            var source = visitRow is null ? null
                : visitRow.Id == form.VisitRowId && reference.FormId == form.FormId ? form
                : forms.FirstOrDefault(f => f.VisitRowId == visitRow.Id && f.FormId == reference.FormId);
            return source is null ? CheckValue.Null : FormData.Read(source.Derived, source.Data, reference.ItemPath);
        }

        foreach (var check in checks)
        {
            bool fires;
            try
            {
                fires = check.Fires(Resolve);
            }
            catch (CheckExpressionException e)
            {
                // A type clash in the protocol's expression is the protocol's fault, not the site's: open a query that says so.
                await OpenSystemQueryAsync(request, row, form, QueryKind.EditCheck, check.Definition.Id, check.Definition.ItemPath,
                    $"Edit check {check.Definition.Id} could not be evaluated ({e.Message}); the data manager must review it.");
                continue;
            }

            if (fires && !await request.Store.HasUnresolvedCheckQueryAsync(form.Id, check.Definition.Id))
            {
                await OpenSystemQueryAsync(request, row, form, QueryKind.EditCheck, check.Definition.Id, check.Definition.ItemPath, check.Definition.Message);
            }
        }
    }

    private static async Task OpenSystemQueryAsync(TrialRequest request, ParticipantRow row, FormRow form, QueryKind kind, string checkId, string? item, string text)
    {
        var query = new QueryRow
        {
            StudyId = request.Study.Id, SiteId = row.SiteId, ParticipantId = row.Id, FormDataId = form.Id, Item = item, Kind = Names.Of(kind), CheckId = checkId,
            State = Names.Of(QueryState.Open), Text = text, OpenedBy = "system", OpenedAt = UtcText.Format(request.Now),
        };
        await request.Store.OpenQueryAsync(query, null);
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "query", $"{row.ScreeningNumber}/q{query.Id}", item, "open", null, text, $"{Names.Of(kind)} {checkId}"));
    }
}
