using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Exchange;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Exchange;

/// <summary>
/// Reads a study for the exports in a fixed number of queries (one per table), limited to the sites
/// the caller sees, with arms only where the blinding rules let the caller see them.
/// </summary>
internal static class StudyExportLoader
{
    /// <summary>The study as the caller may export it; <paramref name="history"/> adds every item change (Transactional ODM).</summary>
    public static async Task<StudyExport> LoadAsync(TrialRequest request, bool history)
    {
        if (request.Access.VisibleSites is { Count: 0 })
        {
            throw new ForbiddenException($"Exports are for study staff; your roles in {request.Study.Id} see no site.");
        }

        var protocol = (await request.ProtocolAsync()).Definition;
        return await LoadAsync(request.Store, protocol, request.Access.VisibleSites, await Blinding.ArmVisibilityAsync(request), request.Now, history);
    }

    /// <summary>The study of <paramref name="protocol"/> at <paramref name="visibleSites"/> (null: all), arms where <paramref name="armVisible"/> says so.</summary>
    public static async Task<StudyExport> LoadAsync(TrialStore store, Dermis.Trials.Protocol.ProtocolDefinition protocol, IReadOnlyList<string>? visibleSites,
        Func<ParticipantRow, bool> armVisible, DateTimeOffset now, bool history)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(armVisible);
        var studyId = protocol.StudyId;
        var participants = await store.ListParticipantsAsync(studyId, visibleSites);
        var sites = (await store.ListSitesAsync(studyId, visibleSites)).Select(s => new ExportSite(s.Id, s.Name, s.Country, s.Investigator)).ToList();
        // Staff of sites the caller does not see stay out, as those sites do; study-wide roles are listed.
        var users = (await store.ListStaffAsync(studyId)).Where(r => r.SiteId is null || visibleSites is null || visibleSites.Contains(r.SiteId))
            .GroupBy(s => s.Username, StringComparer.Ordinal)
            .Select(g => new ExportUser(g.Key, g.First().DisplayName, g.Select(r => r.SiteId is null ? r.Role : $"{r.Role} at {r.SiteId}").ToList())).ToList();
        var visits = (await store.ListVisitsOfStudyAsync(studyId)).ToLookup(v => v.ParticipantId);
        var forms = (await store.ListFormsOfStudyAsync(studyId)).ToLookup(f => f.VisitRowId);
        var consents = (await store.ListConsentsOfStudyAsync(studyId)).ToLookup(c => c.ParticipantId);
        var signatures = (await store.ListSignaturesOfStudyAsync(studyId)).ToLookup(s => s.ParticipantId);
        var diary = (await store.ListDiaryEntriesOfStudyAsync(studyId)).ToLookup(e => e.ParticipantId);
        var queries = (await store.ListQueriesAsync(studyId, visibleSites, null, null)).ToLookup(q => q.ParticipantId);
        var audit = (await store.ListExportAuditAsync(studyId, history)).ToLookup(a => a.Participant, StringComparer.Ordinal);
        var visitOfForm = new Dictionary<long, long>();
        var formIdOf = new Dictionary<long, string>();

        var subjects = new List<ExportSubject>(participants.Count);
        foreach (var p in participants)
        {
            var records = audit[p.ScreeningNumber].ToList();
            var changes = records.Where(r => r.Entity == "form").ToLookup(r => FormKey(r.EntityKey));
            var subjectVisits = new List<ExportVisit>();
            foreach (var visit in visits[p.Id])
            {
                var visitForms = new List<ExportForm>();
                foreach (var form in forms[visit.Id])
                {
                    visitOfForm[form.Id] = visit.Id;
                    formIdOf[form.Id] = form.FormId;
                    var itemHistory = changes[(visit.Id, form.FormId)]
                        .Select(c => new ExportItemChange(Version(c.EntityKey), c.Item!, c.OldValue, c.NewValue, c.Reason, c.Actor, UtcText.Parse(c.AtUtc))).ToList();
                    visitForms.Add(new ExportForm(form.FormId, form.ProtocolVersion, form.Status, form.Data, form.Derived, form.InstrumentVersion, form.RowVersion,
                        form.UpdatedBy, UtcText.Parse(form.UpdatedAt), itemHistory));
                }

                subjectVisits.Add(new ExportVisit(visit.Id, visit.VisitId, UtcText.ParseDate(visit.VisitDate), visit.WindowStatus, visitForms));
            }

            var events = records.Where(r => r.Entity == "participant")
                .Select(r => new ExportStatusEvent(r.Action, r.NewValue ?? "", UtcText.Parse(r.AtUtc), r.Reason)).ToList();
            subjects.Add(new ExportSubject(
                p.ScreeningNumber,
                p.SiteId,
                p.Status,
                p.StatusReason,
                p.AnchorDate is { } anchor ? UtcText.ParseDate(anchor) : null,
                p.Arm is not null && armVisible(p) ? p.Arm : null,
                consents[p.Id].Select(c => (DateOnly?)UtcText.ParseDate(c.SignedOn)).Min(),
                events,
                subjectVisits,
                signatures[p.Id].Select(s => new ExportSignature(s.Signer, s.Meaning, UtcText.Parse(s.SignedAt), s.VisitRowId, s.InvalidatedAt is null)).ToList(),
                queries[p.Id].Select(q => new ExportQuery(q.Id, q.FormDataId is { } f && visitOfForm.TryGetValue(f, out var v) ? v : null,
                    q.FormDataId is { } fd ? formIdOf.GetValueOrDefault(fd) : null, q.Item, q.Kind, q.State, q.Text, q.OpenedBy, UtcText.Parse(q.OpenedAt))).ToList(),
                diary[p.Id].Select(e => new ExportDiaryEntry(e.DiaryId, UtcText.ParseDate(e.DiaryDate), e.Data, e.Derived,
                    DateTimeOffset.Parse(e.DeviceTime, System.Globalization.CultureInfo.InvariantCulture), UtcText.Parse(e.ServerTime))).ToList()));
        }

        // Arms are "visible" for the export as a whole only when every randomised participant's arm is.
        var armsVisible = subjects.Any(s => s.Arm is not null) && participants.Where(p => p.Arm is not null).All(armVisible);
        return new StudyExport(protocol, sites, users, subjects.OrderBy(s => s.ScreeningNumber, StringComparer.Ordinal).ToList(), armsVisible, now);
    }

    /// <summary>(visit row id, form id) of a form audit key <c>{participant}/{visitRowId}/{formId}@v{n}</c>.</summary>
    private static (long Visit, string Form) FormKey(string entityKey)
    {
        var parts = entityKey.Split('/');
        var form = parts[^1];
        var at = form.LastIndexOf("@v", StringComparison.Ordinal);
        return (long.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture), at < 0 ? form : form[..at]);
    }

    private static long Version(string entityKey)
    {
        var at = entityKey.LastIndexOf("@v", StringComparison.Ordinal);
        return at < 0 ? 1 : long.Parse(entityKey.AsSpan(at + 2), System.Globalization.CultureInfo.InvariantCulture);
    }
}
