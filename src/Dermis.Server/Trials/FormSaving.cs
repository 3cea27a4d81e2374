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
        // Decide everything in a read phase; take the write lock only to store (SQLite has one writer).
        var (started, context) = await TrialRequest.BeginFormSaveAsync(http, studyId, participant, visitId, formId);
        await using var request = started;
        var row = request.Visible(context.Participant, participant);
        request.Require(Capability.EnterData, row.SiteId);
        request.KnowLocks(context.Locks);
        var (visit, form, existing, protocol) = await FormEndpoints.LocateAsync(request, row, context.Visit, visitId, formId, context.Form);
        await CasebookGuard.RequireOpenAsync(request, row.SiteId, row.ScreeningNumber, visit.Id, formId);
        if (body.Data is not { } data)
        {
            throw BadInputException.Field("data", $"is required: the items of form {formId}" + (form.Instrument is null ? "" : $" (the {form.Instrument} score document, docs/scoring.md)"));
        }

        JsonStrings.RequireValid(data, "data");

        var evaluation = FormEvaluation.Evaluate(protocol, form, data);
        if (evaluation.Errors.Count > 0)
        {
            throw new BadInputException($"Invalid {formId} data", evaluation.Errors.Select(e => new FieldError("data." + e.Field, e.Message)).ToList());
        }

        var key = $"{row.ScreeningNumber}/{visit.Id}/{formId}";
        if (existing is not null && body.RowVersion != existing.RowVersion)
        {
            // No rowVersion: the client loaded the form empty (version 0), and someone has entered it since.
            var loaded = body.RowVersion ?? 0;
            var changed = (await request.Store.ReadAuditAsync(studyId, row.ScreeningNumber, key + "@v", null))
                .Where(a => a.Item is not null && Version(a.EntityKey) > loaded)
                .Select(a => a.Item!).Distinct().ToList();
            throw new StaleWriteException(
                $"Form {formId} of visit {visit.VisitId} was changed by {existing.UpdatedBy} at {existing.UpdatedAt} (version {existing.RowVersion}; you loaded {(loaded == 0 ? "it empty" : $"version {loaded}")}). " +
                $"Changed since: {(changed.Count == 0 ? "status only" : string.Join(", ", changed))}. Reload and re-apply your change.", changed);
        }

        var from = existing is null ? FormStatus.NotStarted : Names.Parse<FormStatus>(existing.Status)!.Value;
        using var previous = existing is null ? null : JsonDocument.Parse(existing.Data);
        var changes = ItemChange.Between(previous?.RootElement, data);
        if (changes.Count == 0 && existing is not null)
        {
            return TypedResults.Ok(await FormEndpoints.ViewAsync(request, row, visit, form, existing, context.Queries));
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
        var firing = await FiringChecksAsync(request, row, visit, saved);

        await request.BeginWritingAsync();
        await CasebookGuard.RequireOpenAsync(request, row.SiteId, row.ScreeningNumber, visit.Id, formId);
        if (existing is null)
        {
            if (await request.Store.GetFormAsync(visit.Id, formId) is { } raced)
            {
                throw new StaleWriteException($"Form {formId} of visit {visit.VisitId} was just entered by {raced.UpdatedBy}; reload it.", []);
            }

            await request.Store.InsertFormAsync(saved);
        }
        else
        {
            request.Store.UpdateFormAtCommit(saved, existing.RowVersion);
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

        // The count read with the context is current unless the request had a read phase, in which
        // an investigator may have signed meanwhile.
        if (context.ValidSignatures > 0 || request.Store.ReadBeforeWriting)
        {
            await InvalidateSignaturesAsync(request, row, visit, formId);
        }

        // The queries read with the context are current unless the request had a read phase.
        var queries = context.Queries.ToList();
        async Task<bool> UnresolvedAsync(string checkId) => request.Store.ReadBeforeWriting
            ? await request.Store.HasUnresolvedCheckQueryAsync(saved.Id, checkId)
            : queries.Any(q => q.CheckId == checkId && q.State != Names.Of(QueryState.Closed));

        foreach (var issue in evaluation.SoftRangeIssues)
        {
            var checkId = "softRange:" + issue.ItemPath;
            if (!await UnresolvedAsync(checkId))
            {
                queries.Add(await OpenSystemQueryAsync(request, row, saved, QueryKind.SoftRange, checkId, issue.ItemPath, issue.Message));
            }
        }

        foreach (var (check, message) in firing)
        {
            if (!await UnresolvedAsync(check.Definition.Id))
            {
                queries.Add(await OpenSystemQueryAsync(request, row, saved, QueryKind.EditCheck, check.Definition.Id, check.Definition.ItemPath, message));
            }
        }

        await request.CommitAsync(Capability.EnterData, row.SiteId);
        return TypedResults.Ok(await FormEndpoints.ViewAsync(request, row, visit, form, saved, request.Store.ReadBeforeWriting ? null : queries));
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

    /// <summary>
    /// Runs the protocol's edit checks declared on this form (and visit) against the data being saved;
    /// returns those that fire with their query text. Each opens one query, never a duplicate.
    /// </summary>
    internal static async Task<List<(CompiledEditCheck Check, string Message)>> FiringChecksAsync(TrialRequest request, ParticipantRow row, VisitRow visit, FormRow form)
    {
        var firing = new List<(CompiledEditCheck, string)>();
        var loaded = await request.ProtocolAsync(form.ProtocolVersion);
        var checks = loaded.EditChecks.Where(c => c.Definition.FormId == form.FormId && (c.Definition.VisitId is null || c.Definition.VisitId == visit.VisitId)).ToList();
        if (checks.Count == 0)
        {
            return firing;
        }

        // Other visits' and forms' data are read only when a check refers to them, once each, before evaluating.
        var sources = new Dictionary<(string? Visit, string Form), FormRow?>();
        List<VisitRow>? visits = null;
        foreach (var reference in checks.SelectMany(c => c.Condition.References))
        {
            var key = (reference.VisitId == visit.VisitId ? null : reference.VisitId, reference.FormId);
            if ((key.Item1 is null && reference.FormId == form.FormId) || sources.ContainsKey(key))
            {
                continue;
            }

            visits ??= await request.Store.ListVisitsAsync(row.Id);
            var visitRow = key.Item1 is null ? visit : visits.FirstOrDefault(v => v.VisitId == key.Item1);
            sources[key] = visitRow is null ? null : await request.Store.GetFormAsync(visitRow.Id, reference.FormId);
        }

        CheckValue Resolve(ItemReference reference)
        {
            var visitKey = reference.VisitId == visit.VisitId ? null : reference.VisitId;
            var source = visitKey is null && reference.FormId == form.FormId ? form : sources.GetValueOrDefault((visitKey, reference.FormId));
            return source is null ? CheckValue.Null : FormData.Read(source.Derived, source.Data, reference.ItemPath);
        }

        foreach (var check in checks)
        {
            try
            {
                if (check.Fires(Resolve))
                {
                    firing.Add((check, check.Definition.Message));
                }
            }
            catch (CheckExpressionException e)
            {
                // A type clash in the protocol's expression is the protocol's fault, not the site's: a query says so.
                firing.Add((check, $"Edit check {check.Definition.Id} could not be evaluated ({e.Message}); the data manager must review it."));
            }
        }

        return firing;
    }

    internal static async Task<QueryRow> OpenSystemQueryAsync(TrialRequest request, ParticipantRow row, FormRow form, QueryKind kind, string checkId, string? item, string text)
    {
        var query = new QueryRow
        {
            StudyId = request.Study.Id, SiteId = row.SiteId, ParticipantId = row.Id, ScreeningNumber = row.ScreeningNumber, FormDataId = form.Id, Item = item, Kind = Names.Of(kind), CheckId = checkId,
            State = Names.Of(QueryState.Open), Text = text, OpenedBy = "system", OpenedAt = UtcText.Format(request.Now),
        };
        await request.Store.OpenQueryAsync(query, null);
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "query", $"{row.ScreeningNumber}/q{query.Id}", item, "open", null, text, $"{Names.Of(kind)} {checkId}"));
        return query;
    }
}
