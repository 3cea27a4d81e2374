using System.Globalization;
using System.Text.Json;
using Dermis.Instruments.Scoring;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Exchange.Odm;
using Dermis.Trials.Forms;
using Dermis.Trials.Locking;
using Dermis.Trials.Participants;
using Dermis.Trials.Protocol;
using Dermis.Trials.Queries;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Exchange;

/// <summary>What an import did.</summary>
/// <param name="Participants">Participants created.</param>
/// <param name="Visits">Visits recorded.</param>
/// <param name="Forms">Forms stored.</param>
/// <param name="QueriesOpened">Queries opened by soft ranges and edit checks.</param>
internal sealed record ImportReport(int Participants, int Visits, int Forms, int QueriesOpened);

/// <summary>
/// Imports the clinical data of an ODM 1.3.2 Snapshot file into a study (docs/exports.md): new
/// participants at sites the caller may enter data for, their visits (dated by the
/// <c>dermis:VisitDate</c> extension) and forms. Every form passes the same validation as entry;
/// soft ranges and the protocol's edit checks open queries, as on entry. All or nothing: one refused
/// value refuses the file, and the answer lists every refusal with its line.
/// </summary>
internal static partial class OdmImport
{
    /// <summary>The largest file an import reads (about 500 participants of 15 visits); larger studies import in parts.</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    private sealed record PlannedForm(FormDefinition Form, string Status, string Json, FormEvaluation Evaluation);

    private sealed record PlannedVisit(VisitDefinition Visit, DateOnly Date, List<PlannedForm> Forms);

    private sealed record PlannedSubject(string Number, string Site, string Status, List<PlannedVisit> Visits, int Line);

    /// <summary>Reads the clinical data of the file; a file that is not ODM is refused (400) naming its line.</summary>
    public static OdmClinicalData Read(Stream file)
    {
        try
        {
            return OdmClinicalData.Read(file);
        }
        catch (FormatException e)
        {
            throw new BadInputException("ODM file refused", [new("file", e.Message)]);
        }
    }

    public static async Task<ImportReport> ImportAsync(TrialRequest request, OdmClinicalData data)
    {
        var protocol = (await request.ProtocolAsync()).Definition;
        var errors = new List<FieldError>();
        void Refuse(int line, string message) => errors.Add(new($"line {line.ToString(CultureInfo.InvariantCulture)}", message));
        if (data.FileType != "Snapshot")
        {
            Refuse(1, $"FileType is '{data.FileType}'; import takes a Snapshot file (the current values), not a Transactional history");
        }

        if (data.StudyOid != OdmOids.Study(request.Study.Id))
        {
            Refuse(1, $"ClinicalData is for {data.StudyOid}; this study is {OdmOids.Study(request.Study.Id)}");
        }

        if (data.Subjects.Count == 0)
        {
            Refuse(1, "ClinicalData holds no SubjectData: there is nothing to import");
        }

        var visitsByOid = protocol.Visits.ToDictionary(v => OdmOids.StudyEvent(v.Id), StringComparer.Ordinal);
        var formsByOid = protocol.Forms.ToDictionary(f => OdmOids.Form(f.Id), StringComparer.Ordinal);
        var itemsByForm = protocol.Forms.ToDictionary(f => f.Id, f => FormItems.Of(f).ToDictionary(i => OdmOids.Item(f.Id, i.Path), StringComparer.Ordinal));
        // Every site and participant of the study, not only the visible ones: screening numbers are unique study-wide.
        var existing = await request.Store.ListParticipantsAsync(request.Study.Id, null);
        var taken = existing.Select(p => p.ScreeningNumber).ToHashSet(StringComparer.Ordinal);
        var sites = (await request.Store.ListSitesAsync(request.Study.Id, null)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        // As on entry (VisitEndpoints): a visit date may be today in any time zone, not later.
        var latestVisitDate = DateOnly.FromDateTime(request.Now.UtcDateTime.AddDays(1));

        // First pass: decide everything, store nothing.
        var plan = new List<PlannedSubject>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in data.Subjects)
        {
            var key = subject.SubjectKey;
            if (!IsScreeningNumber(key))
            {
                Refuse(subject.Line, $"SubjectKey '{key}' is not a screening number: 1–64 letters, digits, '-', '_' or '.', starting with a letter or digit");
                continue;
            }

            var site = subject.LocationOid is { } oid && oid.StartsWith("LOC.", StringComparison.Ordinal) ? oid[4..] : null;
            if (site is null || !sites.Contains(site) || !request.Access.CanSee(site))
            {
                Refuse(subject.Line, $"subject {key}: SiteRef '{subject.LocationOid}' is not a site of {request.Study.Id} you can see (expected LOC.<site id>)");
                continue;
            }

            if (!request.Access.Can(Capability.EnterData, site))
            {
                Refuse(subject.Line, $"subject {key}: your roles do not allow entering data at {site}");
                continue;
            }

            var state = await CasebookGuard.StateAsync(request, site, null, null, null);
            if (state != LockState.Open)
            {
                Refuse(subject.Line, $"subject {key}: the data of site {site} are {Names.Of(state)}: nothing can be added. A data manager can {(state == LockState.Locked ? "unlock" : "unfreeze")} it.");
                continue;
            }

            if (!seen.Add(key))
            {
                Refuse(subject.Line, $"subject {key} appears twice in the file; give each participant one SubjectData");
                continue;
            }

            if (taken.Contains(key))
            {
                Refuse(subject.Line, $"subject {key} already exists; an import adds new participants only");
                continue;
            }

            var status = Names.Parse<ParticipantStatus>(subject.Status ?? Names.Of(ParticipantStatus.Screened));
            if (status is null)
            {
                Refuse(subject.Line, $"subject {key}: dermis:Status '{subject.Status}' is not a participant status; allowed: {string.Join(", ", Names.All<ParticipantStatus>())}");
                continue;
            }

            if (status == ParticipantStatus.Randomised)
            {
                // An allocation is an act in this system (docs/exports.md): a randomised participant without an arm would be half a record.
                Refuse(subject.Line, $"subject {key}: dermis:Status 'randomised' cannot be imported (allocations are not imported); import the participant as enrolled and randomise in Dermis");
                continue;
            }

            var visits = new List<PlannedVisit>();
            var scheduled = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ev in subject.Events)
            {
                if (!visitsByOid.TryGetValue(ev.StudyEventOid, out var visit))
                {
                    Refuse(ev.Line, $"subject {key}: StudyEventOID '{ev.StudyEventOid}' is not a visit of protocol {protocol.Version}");
                    continue;
                }

                if (!DateOnly.TryParseExact(ev.VisitDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date > latestVisitDate)
                {
                    Refuse(ev.Line, $"subject {key}, {visit.Id}: dermis:VisitDate must be a date yyyy-MM-dd, not in the future; got '{ev.VisitDate}'");
                    continue;
                }

                if (!visit.IsUnscheduled && !scheduled.Add(visit.Id))
                {
                    Refuse(ev.Line, $"subject {key}: visit {visit.Id} appears twice; a scheduled visit is recorded once (a repeat is an unscheduled visit)");
                    continue;
                }

                if (status == ParticipantStatus.Screened && (visit.IsUnscheduled || visit.Day >= 1))
                {
                    Refuse(ev.Line, $"subject {key} is screened: only screening visits before enrolment, not {visit.Id} (give dermis:Status, e.g. enrolled)");
                    continue;
                }

                var forms = new List<PlannedForm>();
                var formIds = new HashSet<string>(StringComparer.Ordinal);
                foreach (var f in ev.Forms)
                {
                    if (!formsByOid.TryGetValue(f.FormOid, out var form) || !visit.FormIds.Contains(form.Id))
                    {
                        Refuse(f.Line, $"subject {key}, {visit.Id}: FormOID '{f.FormOid}' is not a form of this visit; allowed: {string.Join(", ", visit.FormIds.Select(OdmOids.Form))}");
                        continue;
                    }

                    if (!formIds.Add(form.Id))
                    {
                        Refuse(f.Line, $"subject {key}, {visit.Id}: FormOID '{f.FormOid}' appears twice in this visit; a visit holds each form once");
                        continue;
                    }

                    if (PlanForm(protocol, form, f, itemsByForm[form.Id], $"subject {key}, {visit.Id}, {form.Id}", Refuse) is { } planned)
                    {
                        forms.Add(planned);
                    }
                }

                visits.Add(new PlannedVisit(visit, date, forms));
            }

            plan.Add(new PlannedSubject(key, site, Names.Of(status.Value), visits, subject.Line));
        }

        if (errors.Count > 0)
        {
            throw new BadInputException($"ODM file refused: {errors.Count} problem{(errors.Count == 1 ? "" : "s")}; nothing was imported", errors);
        }

        // Second pass: store it all in this one transaction.
        int visitCount = 0, formCount = 0, queryCount = 0;
        foreach (var (number, site, status, visits, _) in plan)
        {
            var anchor = visits.Find(v => v.Visit.IsAnchor);
            var row = new ParticipantRow
            {
                StudyId = request.Study.Id, SiteId = site, ScreeningNumber = number, Status = status, ProtocolVersion = protocol.Version, Eligibility = "{}",
                AnchorDate = anchor is null ? null : UtcText.Format(anchor.Date),
            };
            await request.Store.InsertParticipantAsync(row, request.Now);
            request.Audit(new AuditEvent(site, number, "participant", number, "status", "import", null, status, "ODM import"));
            var stored = new List<(VisitRow Visit, FormRow Form)>();
            foreach (var (definition, date, forms) in visits)
            {
                var visit = new VisitRow { ParticipantId = row.Id, VisitId = definition.Id, VisitDate = UtcText.Format(date), ProtocolVersion = protocol.Version };
                VisitEndpoints.Classify(visit, definition, row.AnchorDate);
                await request.Store.AddVisitAsync(visit, request.Now);
                request.Audit(new AuditEvent(site, number, "visit", $"{number}/{visit.Id}", "date", "import", null, $"{definition.Id} {visit.VisitDate}", "ODM import"));
                await VisitEndpoints.RecordDeviationAsync(request, row, visit, definition);
                visitCount++;
                foreach (var (form, formStatus, json, evaluation) in forms)
                {
                    var saved = new FormRow
                    {
                        ParticipantId = row.Id, VisitRowId = visit.Id, FormId = form.Id, ProtocolVersion = protocol.Version, Status = formStatus, Data = json,
                        Derived = evaluation.Derived, InstrumentVersion = evaluation.InstrumentVersion, UpdatedAt = UtcText.Format(request.Now), UpdatedBy = request.Actor,
                    };
                    await request.Store.InsertFormAsync(saved);
                    stored.Add((visit, saved));
                    using (var document = JsonDocument.Parse(json))
                    {
                        foreach (var change in ItemChange.Between(null, document.RootElement))
                        {
                            request.Audit(new AuditEvent(site, number, "form", $"{number}/{visit.Id}/{form.Id}@v1", change.Path, "create", null, change.NewValue, "ODM import"));
                        }
                    }

                    formCount++;
                    foreach (var issue in evaluation.SoftRangeIssues)
                    {
                        await FormSaving.OpenSystemQueryAsync(request, row, saved, QueryKind.SoftRange, "softRange:" + issue.ItemPath, issue.ItemPath, issue.Message);
                        queryCount++;
                    }
                }
            }

            // Edit checks run once the casebook is complete, so cross-visit checks see every visit.
            foreach (var (visit, form) in stored)
            {
                foreach (var (check, message) in await FormSaving.FiringChecksAsync(request, row, visit, form))
                {
                    await FormSaving.OpenSystemQueryAsync(request, row, form, QueryKind.EditCheck, check.Definition.Id, check.Definition.ItemPath, message);
                    queryCount++;
                }
            }
        }

        // Every subject's site passed Can(EnterData), so a role is found.
        var role = request.Access.RoleFor(Capability.EnterData, plan[0].Site);
        await request.Store.CommitAsync(request.Actor, role is { } r ? Names.Of(r) : null, AuditSource.Import, request.Now);
        return new ImportReport(plan.Count, visitCount, formCount, queryCount);
    }
}
