using System.Text.Json;
using Dermis.Storage.Trials;
using Dermis.Trials.Locking;
using Dermis.Trials.Participants;
using Dermis.Trials.Schedule;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Trials;

/// <summary>A participant's casebook as the API shows it.</summary>
internal static class Casebook
{
    public static async Task<object> SummaryAsync(TrialRequest request, ParticipantRow row)
    {
        var store = request.Store;
        var current = (await request.ProtocolAsync()).Definition;
        var own = (await request.ProtocolAsync(row.ProtocolVersion)).Definition;
        var consents = await store.ListConsentsAsync(row.Id);
        var answers = JsonSerializer.Deserialize<Dictionary<string, bool>>(row.Eligibility) ?? [];
        var eligibility = Eligibility.Evaluate(own, answers);
        var visits = await store.ListVisitsAsync(row.Id);
        var forms = await store.ListFormsAsync(row.Id);
        var queries = await store.ListQueriesAsync(request.Study.Id, null, row.Id, null);
        var signatures = await store.ListSignaturesAsync(row.Id);
        var locks = await store.ListLocksAsync(request.Study.Id);
        var anchor = row.AnchorDate is null ? (DateOnly?)null : UtcText.ParseDate(row.AnchorDate);
        var armVisible = row.Arm is not null && await Blinding.CanSeeArmAsync(request, row);
        var allocation = row.Arm is null ? null : await store.GetAllocationAsync(row.Id);

        return new
        {
            row.ScreeningNumber,
            Site = row.SiteId,
            row.Status,
            row.StatusReason,
            row.ProtocolVersion,
            row.AnchorDate,
            Arm = armVisible ? row.Arm : null,
            Blinded = row.Arm is not null && !armVisible,
            allocation?.KitNumber,
            row.RowVersion,
            Lock = Names.Of(Locks.Effective(locks, row.SiteId, row.ScreeningNumber, -1, "\0")),
            Consent = new
            {
                Current = current.ConsentDocumentVersion,
                Signed = consents.Select(c => new { c.DocumentVersion, c.SignedOn, c.Method, c.RecordedBy }),
                RequiresReconsent = consents.Count > 0 && !consents.Any(c => c.DocumentVersion == current.ConsentDocumentVersion),
            },
            Eligibility = new { Answers = answers, eligibility.IsComplete, eligibility.IsEligible, eligibility.Failed, eligibility.Unanswered },
            Visits = visits.Select(v =>
            {
                var definition = (current.FindVisit(v.VisitId) ?? own.FindVisit(v.VisitId))!;
                var window = anchor is { } a ? VisitWindow.For(definition, a) : null;
                return new
                {
                    v.Id,
                    Visit = v.VisitId,
                    definition.Name,
                    Date = v.VisitDate,
                    Target = window?.Target,
                    Earliest = window?.Earliest,
                    Latest = window?.Latest,
                    v.WindowStatus,
                    v.DaysOutside,
                    Lock = Names.Of(Locks.Effective(locks, row.SiteId, row.ScreeningNumber, v.Id, "\0")),
                    Forms = definition.FormIds.Select(formId =>
                    {
                        var form = forms.FirstOrDefault(f => f.VisitRowId == v.Id && f.FormId == formId);
                        return new
                        {
                            Form = formId,
                            Status = form?.Status ?? "notStarted",
                            Lock = Names.Of(Locks.Effective(locks, row.SiteId, row.ScreeningNumber, v.Id, formId)),
                            form?.RowVersion,
                            OpenQueries = form is null ? 0 : queries.Count(q => q.FormDataId == form.Id && q.State != "closed"),
                        };
                    }),
                };
            }),
            Deviations = await store.ListDeviationsAsync(row.Id),
            Queries = queries.Select(q => new { q.Id, q.Kind, q.State, q.Item, q.Text, q.CheckId }),
            Signatures = signatures.Select(s => new
            {
                s.Id, Visit = s.VisitRowId, s.Signer, s.SignerName, s.Meaning, s.SignedAt, Valid = s.InvalidatedAt is null, s.InvalidatedAt, s.InvalidatedReason,
            }),
        };
    }
}
