using System.Globalization;
using System.Text.Json;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Exchange.Odm;
using Dermis.Trials.Forms;
using Dermis.Trials.Participants;
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
internal static class OdmImport
{
    public static async Task<ImportReport> ImportAsync(TrialRequest request, Stream file)
    {
        OdmClinicalData data;
        try
        {
            data = OdmClinicalData.Read(file);
        }
        catch (FormatException e)
        {
            throw new BadInputException("ODM file refused", [new("file", e.Message)]);
        }

        var protocol = (await request.ProtocolAsync()).Definition;
        var errors = new List<Dermis.Instruments.Scoring.FieldError>();
        void Refuse(int line, string message) => errors.Add(new($"line {line.ToString(CultureInfo.InvariantCulture)}", message));
        if (data.FileType != "Snapshot")
        {
            Refuse(1, $"FileType is '{data.FileType}'; import takes a Snapshot file (the current values), not a Transactional history");
        }

        if (data.StudyOid != OdmOids.Study(request.Study.Id))
        {
            Refuse(1, $"ClinicalData is for {data.StudyOid}; this study is {OdmOids.Study(request.Study.Id)}");
        }

        var visitsByOid = protocol.Visits.ToDictionary(v => OdmOids.StudyEvent(v.Id), StringComparer.Ordinal);
        var formsByOid = protocol.Forms.ToDictionary(f => OdmOids.Form(f.Id), StringComparer.Ordinal);
        var itemsByForm = protocol.Forms.ToDictionary(f => f.Id, f => FormItems.Of(f).ToDictionary(i => OdmOids.Item(f.Id, i.Path), StringComparer.Ordinal));
        var sites = (await request.Store.ListSitesAsync(request.Study.Id, request.Access.VisibleSites)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        // First pass: decide everything, store nothing.
        var plan = new List<(string Number, string Site, string Status, List<(Dermis.Trials.Protocol.VisitDefinition Visit, DateOnly Date, List<(Dermis.Trials.Protocol.FormDefinition Form, string Status, string Json, FormEvaluation Evaluation)> Forms)> Visits)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in data.Subjects)
        {
            var site = subject.LocationOid is { } oid && oid.StartsWith("LOC.", StringComparison.Ordinal) ? oid[4..] : null;
            if (site is null || !sites.Contains(site))
            {
                Refuse(subject.Line, $"subject {subject.SubjectKey}: SiteRef '{subject.LocationOid}' is not a site of {request.Study.Id} you can see (expected LOC.<site id>)");
                continue;
            }

            if (!request.Access.Can(Capability.EnterData, site))
            {
                Refuse(subject.Line, $"subject {subject.SubjectKey}: your roles do not allow entering data at {site}");
                continue;
            }

            if (!seen.Add(subject.SubjectKey) || await request.Store.GetParticipantAsync(request.Study.Id, subject.SubjectKey) is not null)
            {
                Refuse(subject.Line, $"subject {subject.SubjectKey} already exists; an import adds new participants only");
                continue;
            }

            var status = subject.Status ?? Names.Of(ParticipantStatus.Screened);
            if (Names.Parse<ParticipantStatus>(status) is null)
            {
                Refuse(subject.Line, $"subject {subject.SubjectKey}: dermis:Status '{status}' is not a participant status; allowed: {string.Join(", ", Names.All<ParticipantStatus>())}");
            }

            var visits = new List<(Dermis.Trials.Protocol.VisitDefinition, DateOnly, List<(Dermis.Trials.Protocol.FormDefinition, string, string, FormEvaluation)>)>();
            foreach (var ev in subject.Events)
            {
                if (!visitsByOid.TryGetValue(ev.StudyEventOid, out var visit))
                {
                    Refuse(ev.Line, $"subject {subject.SubjectKey}: StudyEventOID '{ev.StudyEventOid}' is not a visit of protocol {protocol.Version}");
                    continue;
                }

                if (!DateOnly.TryParseExact(ev.VisitDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    Refuse(ev.Line, $"subject {subject.SubjectKey}, {visit.Id}: dermis:VisitDate must be a date yyyy-MM-dd; got '{ev.VisitDate}'");
                    continue;
                }

                var forms = new List<(Dermis.Trials.Protocol.FormDefinition, string, string, FormEvaluation)>();
                foreach (var f in ev.Forms)
                {
                    if (!formsByOid.TryGetValue(f.FormOid, out var form) || !visit.FormIds.Contains(form.Id))
                    {
                        Refuse(f.Line, $"subject {subject.SubjectKey}, {visit.Id}: FormOID '{f.FormOid}' is not a form of this visit; allowed: {string.Join(", ", visit.FormIds.Select(OdmOids.Form))}");
                        continue;
                    }

                    var known = itemsByForm[form.Id];
                    var values = new List<FormValue>();
                    foreach (var (itemOid, value, line) in f.Items)
                    {
                        if (known.TryGetValue(itemOid, out var item))
                        {
                            values.Add(new FormValue(item.Path, value));
                        }
                        else
                        {
                            Refuse(line, $"subject {subject.SubjectKey}, {visit.Id}, {form.Id}: ItemOID '{itemOid}' is not an item of {f.FormOid}");
                        }
                    }

                    string json;
                    try
                    {
                        json = FormDocument.Build(values, path => known.Values.First(i => i.Path == path).DataType);
                    }
                    catch (FormatException e)
                    {
                        Refuse(f.Line, $"subject {subject.SubjectKey}, {visit.Id}, {form.Id}: {e.Message}");
                        continue;
                    }

                    using var document = JsonDocument.Parse(json);
                    var evaluation = FormEvaluation.Evaluate(protocol, form, document.RootElement);
                    foreach (var error in evaluation.Errors)
                    {
                        Refuse(f.Line, $"subject {subject.SubjectKey}, {visit.Id}, {form.Id}: {error.Field} {error.Message}");
                    }

                    // Statuses that record a person's act (source verification, signature) are not imported.
                    var formStatus = f.Status is "complete" ? "complete" : Names.Of(FormStatus.InProgress);
                    forms.Add((form, formStatus, json, evaluation));
                }

                visits.Add((visit, date, forms));
            }

            plan.Add((subject.SubjectKey, site, status, visits));
        }

        if (errors.Count > 0)
        {
            throw new BadInputException($"ODM file refused: {errors.Count} problem{(errors.Count == 1 ? "" : "s")}; nothing was imported", errors);
        }

        // Second pass: store it all in this one transaction.
        int visitCount = 0, formCount = 0, queryCount = 0;
        foreach (var (number, site, status, visits) in plan)
        {
            var anchor = visits.FirstOrDefault(v => v.Visit.IsAnchor);
            var row = new ParticipantRow
            {
                StudyId = request.Study.Id, SiteId = site, ScreeningNumber = number, Status = status, ProtocolVersion = protocol.Version, Eligibility = "{}",
                AnchorDate = anchor.Visit is null ? null : UtcText.Format(anchor.Date),
            };
            await request.Store.InsertParticipantAsync(row, request.Now);
            request.Audit(new AuditEvent(site, number, "participant", number, "status", "import", null, status, "ODM import"));
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
            foreach (var visit in await request.Store.ListVisitsAsync(row.Id))
            {
                foreach (var form in (await request.Store.ListFormsAsync(row.Id)).Where(f => f.VisitRowId == visit.Id))
                {
                    foreach (var (check, message) in await FormSaving.FiringChecksAsync(request, row, visit, form))
                    {
                        await FormSaving.OpenSystemQueryAsync(request, row, form, QueryKind.EditCheck, check.Definition.Id, check.Definition.ItemPath, message);
                        queryCount++;
                    }
                }
            }
        }

        await request.Store.CommitAsync(request.Actor, Names.Of(request.Access.RoleFor(Capability.EnterData, plan.FirstOrDefault().Site) ?? StudyRole.DataManager), AuditSource.Import, request.Now);
        return new ImportReport(plan.Count, visitCount, formCount, queryCount);
    }
}
