using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Exchange.Odm;

/// <summary>
/// Writes a study as CDISC ODM 1.3.2 (docs/exports.md): <c>Study/MetaDataVersion</c> from the protocol
/// (visits, forms, one item group per form, items with data types, range checks and code lists),
/// <c>AdminData</c> (users, sites as locations, signature meanings) and <c>ClinicalData</c> with audit
/// records and signatures — a Snapshot (current values, each form with its last audit record) or a
/// Transactional file (every change, in order, each item with its own audit record). What ODM 1.3.2
/// has no element for — visit windows, statuses, protocol versions, queries, home diaries — goes in
/// the <see cref="OdmOids.DermisNamespace"/> extension namespace.
/// </summary>
public static class OdmWriter
{
    private const string D = OdmOids.DermisNamespace;

    /// <summary>Writes <paramref name="study"/> to <paramref name="output"/> (UTF-8).</summary>
    public static void Write(StudyExport study, OdmFileType fileType, Stream output, string sourceSystemVersion)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(output);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = " " };
        using var xml = XmlWriter.Create(output, settings);
        var protocol = study.Protocol;
        var studyOid = OdmOids.Study(protocol.StudyId);
        var mdv = OdmOids.MetaDataVersion(protocol.Version);
        var items = protocol.Forms.ToDictionary(f => f.Id, FormItems.Of);
        var meanings = study.Subjects.SelectMany(s => s.Signatures).Select(s => s.Meaning).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        xml.WriteStartDocument();
        xml.WriteStartElement("ODM", OdmOids.OdmNamespace);
        xml.WriteAttributeString("xmlns", "dermis", null, D);
        xml.WriteAttributeString("FileType", fileType.ToString());
        xml.WriteAttributeString("Granularity", "All");
        xml.WriteAttributeString("Archival", "Yes");
        xml.WriteAttributeString("FileOID", $"{studyOid}.{fileType}.{study.CreatedAt.UtcDateTime:yyyyMMddTHHmmssZ}");
        xml.WriteAttributeString("CreationDateTime", Stamp(study.CreatedAt));
        xml.WriteAttributeString("ODMVersion", "1.3.2");
        xml.WriteAttributeString("Originator", protocol.Sponsor);
        xml.WriteAttributeString("SourceSystem", "Dermis");
        xml.WriteAttributeString("SourceSystemVersion", sourceSystemVersion);

        WriteStudy(xml, protocol, studyOid, mdv, items);
        WriteAdminData(xml, study, studyOid, mdv, meanings);
        WriteClinicalData(xml, study, fileType, studyOid, mdv, items, meanings);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteStudy(XmlWriter xml, ProtocolDefinition protocol, string studyOid, string mdv, Dictionary<string, IReadOnlyList<OdmItem>> items)
    {
        xml.WriteStartElement("Study");
        xml.WriteAttributeString("OID", studyOid);
        xml.WriteStartElement("GlobalVariables");
        xml.WriteElementString("StudyName", protocol.StudyId);
        xml.WriteElementString("StudyDescription", protocol.Name);
        xml.WriteElementString("ProtocolName", protocol.StudyId);
        xml.WriteEndElement();

        var units = items.Values.SelectMany(i => i).Select(i => i.Units).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (units.Count > 0)
        {
            xml.WriteStartElement("BasicDefinitions");
            foreach (var unit in units)
            {
                xml.WriteStartElement("MeasurementUnit");
                xml.WriteAttributeString("OID", UnitOid(unit));
                xml.WriteAttributeString("Name", unit);
                xml.WriteStartElement("Symbol");
                Translated(xml, unit);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("MetaDataVersion");
        xml.WriteAttributeString("OID", mdv);
        xml.WriteAttributeString("Name", $"{protocol.StudyId} protocol {protocol.Version}");
        xml.WriteStartElement("Protocol");
        for (var i = 0; i < protocol.Visits.Count; i++)
        {
            xml.WriteStartElement("StudyEventRef");
            xml.WriteAttributeString("StudyEventOID", OdmOids.StudyEvent(protocol.Visits[i].Id));
            xml.WriteAttributeString("OrderNumber", Int(i + 1));
            xml.WriteAttributeString("Mandatory", protocol.Visits[i].IsUnscheduled ? "No" : "Yes");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        foreach (var visit in protocol.Visits)
        {
            xml.WriteStartElement("StudyEventDef");
            xml.WriteAttributeString("OID", OdmOids.StudyEvent(visit.Id));
            xml.WriteAttributeString("Name", visit.Name);
            xml.WriteAttributeString("Repeating", visit.IsUnscheduled ? "Yes" : "No");
            xml.WriteAttributeString("Type", visit.IsUnscheduled ? "Unscheduled" : "Scheduled");
            if (!visit.IsUnscheduled)
            {
                // ODM 1.3.2 has no timing elements (ODM 2.0 adds them): the window is an extension.
                xml.WriteAttributeString("dermis", "Day", D, Int(visit.Day));
                xml.WriteAttributeString("dermis", "WindowBefore", D, Int(visit.WindowBeforeDays));
                xml.WriteAttributeString("dermis", "WindowAfter", D, Int(visit.WindowAfterDays));
                if (visit.IsAnchor)
                {
                    xml.WriteAttributeString("dermis", "Anchor", D, "Yes");
                }
            }

            for (var i = 0; i < visit.FormIds.Count; i++)
            {
                xml.WriteStartElement("FormRef");
                xml.WriteAttributeString("FormOID", OdmOids.Form(visit.FormIds[i]));
                xml.WriteAttributeString("OrderNumber", Int(i + 1));
                xml.WriteAttributeString("Mandatory", "No");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        foreach (var form in protocol.Forms)
        {
            xml.WriteStartElement("FormDef");
            xml.WriteAttributeString("OID", OdmOids.Form(form.Id));
            xml.WriteAttributeString("Name", form.Name);
            xml.WriteAttributeString("Repeating", "No");
            if (form.Instrument is { } instrument)
            {
                xml.WriteAttributeString("dermis", "Instrument", D, instrument);
            }

            xml.WriteStartElement("ItemGroupRef");
            xml.WriteAttributeString("ItemGroupOID", OdmOids.ItemGroup(form.Id));
            xml.WriteAttributeString("Mandatory", "Yes");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        foreach (var form in protocol.Forms)
        {
            xml.WriteStartElement("ItemGroupDef");
            xml.WriteAttributeString("OID", OdmOids.ItemGroup(form.Id));
            xml.WriteAttributeString("Name", form.Name);
            xml.WriteAttributeString("Repeating", "No");
            var order = 1;
            foreach (var item in items[form.Id])
            {
                xml.WriteStartElement("ItemRef");
                xml.WriteAttributeString("ItemOID", OdmOids.Item(form.Id, item.Path));
                xml.WriteAttributeString("OrderNumber", Int(order++));
                xml.WriteAttributeString("Mandatory", item.Required ? "Yes" : "No");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        foreach (var form in protocol.Forms)
        {
            foreach (var item in items[form.Id])
            {
                WriteItemDef(xml, form, item);
            }
        }

        foreach (var codeList in protocol.CodeLists)
        {
            xml.WriteStartElement("CodeList");
            xml.WriteAttributeString("OID", OdmOids.CodeList(codeList.Id));
            xml.WriteAttributeString("Name", codeList.Id);
            xml.WriteAttributeString("DataType", "text");
            foreach (var (code, label) in codeList.Codes)
            {
                xml.WriteStartElement("CodeListItem");
                xml.WriteAttributeString("CodedValue", code);
                xml.WriteStartElement("Decode");
                Translated(xml, label);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteItemDef(XmlWriter xml, FormDefinition form, OdmItem item)
    {
        xml.WriteStartElement("ItemDef");
        xml.WriteAttributeString("OID", OdmOids.Item(form.Id, item.Path));
        xml.WriteAttributeString("Name", item.Path);
        xml.WriteAttributeString("DataType", DataType(item.DataType));
        xml.WriteAttributeString("dermis", "Path", D, item.Path);
        xml.WriteStartElement("Question");
        Translated(xml, item.Label);
        xml.WriteEndElement();
        if (item.Units is { } unit)
        {
            xml.WriteStartElement("MeasurementUnitRef");
            xml.WriteAttributeString("MeasurementUnitOID", UnitOid(unit));
            xml.WriteEndElement();
        }

        foreach (var (range, softHard) in new[] { (item.HardRange, "Hard"), (item.SoftRange, "Soft") })
        {
            if (range?.Min is { } min)
            {
                RangeCheck(xml, "GE", min, softHard);
            }

            if (range?.Max is { } max)
            {
                RangeCheck(xml, "LE", max, softHard);
            }
        }

        if (item.CodeListId is { } codeList)
        {
            xml.WriteStartElement("CodeListRef");
            xml.WriteAttributeString("CodeListOID", OdmOids.CodeList(codeList));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void RangeCheck(XmlWriter xml, string comparator, decimal value, string softHard)
    {
        xml.WriteStartElement("RangeCheck");
        xml.WriteAttributeString("Comparator", comparator);
        xml.WriteAttributeString("SoftHard", softHard);
        xml.WriteElementString("CheckValue", value.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("ErrorMessage");
        Translated(xml, $"{(softHard == "Hard" ? "must be" : "expected")} {(comparator == "GE" ? "at least" : "at most")} {value.ToString(CultureInfo.InvariantCulture)}");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteAdminData(XmlWriter xml, StudyExport study, string studyOid, string mdv, List<string> meanings)
    {
        xml.WriteStartElement("AdminData");
        xml.WriteAttributeString("StudyOID", studyOid);
        // Every account that appears in the data, staff or participant, is a User the audit records can reference.
        var users = study.Users.ToDictionary(u => u.Username, StringComparer.Ordinal);
        foreach (var actor in Actors(study).Where(a => !users.ContainsKey(a)))
        {
            users[actor] = new ExportUser(actor, actor, []);
        }

        foreach (var user in users.Values.OrderBy(u => u.Username, StringComparer.Ordinal))
        {
            xml.WriteStartElement("User");
            xml.WriteAttributeString("OID", OdmOids.User(user.Username));
            if (user.Roles.Count > 0)
            {
                xml.WriteAttributeString("dermis", "Roles", D, string.Join("; ", user.Roles));
            }

            xml.WriteElementString("LoginName", user.Username);
            xml.WriteElementString("DisplayName", user.DisplayName);
            xml.WriteElementString("FullName", user.DisplayName);
            xml.WriteEndElement();
        }

        foreach (var site in study.Sites)
        {
            xml.WriteStartElement("Location");
            xml.WriteAttributeString("OID", OdmOids.Location(site.Id));
            xml.WriteAttributeString("Name", site.Name);
            xml.WriteAttributeString("LocationType", "Site");
            xml.WriteAttributeString("dermis", "Country", D, site.Country);
            xml.WriteAttributeString("dermis", "Investigator", D, site.Investigator);
            xml.WriteStartElement("MetaDataVersionRef");
            xml.WriteAttributeString("StudyOID", studyOid);
            xml.WriteAttributeString("MetaDataVersionOID", mdv);
            xml.WriteAttributeString("EffectiveDate", study.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        for (var i = 0; i < meanings.Count; i++)
        {
            xml.WriteStartElement("SignatureDef");
            xml.WriteAttributeString("OID", OdmOids.SignatureDef(i));
            xml.WriteAttributeString("Methodology", "Electronic");
            xml.WriteElementString("Meaning", meanings[i]);
            xml.WriteElementString("LegalReason", "21 CFR Part 11 electronic signature: user name and password re-entered at signing");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static IEnumerable<string> Actors(StudyExport study) =>
        study.Subjects.SelectMany(s => s.Visits.SelectMany(v => v.Forms.SelectMany(f => f.History.Select(h => h.Actor).Append(f.UpdatedBy)))
            .Concat(s.Signatures.Select(g => g.Signer))).Distinct(StringComparer.Ordinal);

    private static void WriteClinicalData(XmlWriter xml, StudyExport study, OdmFileType fileType, string studyOid, string mdv, Dictionary<string, IReadOnlyList<OdmItem>> items, List<string> meanings)
    {
        xml.WriteStartElement("ClinicalData");
        xml.WriteAttributeString("StudyOID", studyOid);
        xml.WriteAttributeString("MetaDataVersionOID", mdv);
        var order = items.ToDictionary(f => f.Key, f => f.Value.Select((item, i) => (item.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal));
        var repeating = study.Protocol.Visits.Where(v => v.IsUnscheduled).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var subject in study.Subjects)
        {
            xml.WriteStartElement("SubjectData");
            xml.WriteAttributeString("SubjectKey", subject.ScreeningNumber);
            xml.WriteAttributeString("TransactionType", "Insert");
            xml.WriteAttributeString("dermis", "Status", D, subject.Status);
            if (subject.AnchorDate is { } anchor)
            {
                xml.WriteAttributeString("dermis", "AnchorDate", D, Date(anchor));
            }

            if (subject.Arm is { } arm)
            {
                xml.WriteAttributeString("dermis", "Arm", D, arm);
            }

            // ODM 1.3.2 allows one Signature per level: the casebook signature (the latest valid one) here, visit signatures on their visit.
            if (subject.Signatures.Where(s => s.VisitKey is null && s.Valid).MaxBy(s => s.At) is { } casebookSignature)
            {
                Signature(xml, casebookSignature, subject.SiteId, meanings);
            }

            xml.WriteStartElement("SiteRef");
            xml.WriteAttributeString("LocationOID", OdmOids.Location(subject.SiteId));
            xml.WriteEndElement();
            foreach (var visit in subject.Visits)
            {
                StartEvent(xml, visit, repeating, subject, meanings);
                foreach (var form in visit.Forms)
                {
                    var known = order.GetValueOrDefault(form.FormId) ?? [];
                    if (fileType == OdmFileType.Snapshot)
                    {
                        WriteSnapshotForm(xml, form, known, subject.SiteId);
                    }
                    else
                    {
                        WriteTransactionalForm(xml, form, known, subject.SiteId);
                    }
                }

                xml.WriteEndElement();
            }

            foreach (var query in subject.Queries)
            {
                xml.WriteStartElement("dermis", "Query", D);
                xml.WriteAttributeString("ID", Int(query.Id));
                xml.WriteAttributeString("Kind", query.Kind);
                xml.WriteAttributeString("State", query.State);
                if (query.VisitKey is { } visitKey)
                {
                    xml.WriteAttributeString("VisitKey", Int(visitKey));
                }

                if (query.FormId is { } formId)
                {
                    xml.WriteAttributeString("FormOID", OdmOids.Form(formId));
                }

                if (query.Item is { } item && query.FormId is { } f)
                {
                    xml.WriteAttributeString("ItemOID", OdmOids.Item(f, item));
                }

                xml.WriteAttributeString("OpenedBy", query.OpenedBy);
                xml.WriteAttributeString("OpenedAt", Stamp(query.OpenedAt));
                xml.WriteString(query.Text);
                xml.WriteEndElement();
            }

            foreach (var entry in subject.Diary)
            {
                xml.WriteStartElement("dermis", "DiaryEntry", D);
                xml.WriteAttributeString("Diary", entry.DiaryId);
                xml.WriteAttributeString("Date", Date(entry.Date));
                xml.WriteAttributeString("DeviceTime", entry.DeviceTime.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
                xml.WriteAttributeString("ServerTime", Stamp(entry.ServerTime));
                xml.WriteString(entry.Data);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void StartEvent(XmlWriter xml, ExportVisit visit, HashSet<string> repeating, ExportSubject subject, List<string> meanings)
    {
        xml.WriteStartElement("StudyEventData");
        xml.WriteAttributeString("StudyEventOID", OdmOids.StudyEvent(visit.VisitId));
        if (repeating.Contains(visit.VisitId))
        {
            // 1, 2, … per subject and event, in date order: the same in every database, unlike row keys.
            var ordinal = subject.Visits.Where(v => v.VisitId == visit.VisitId).TakeWhile(v => v != visit).Count() + 1;
            xml.WriteAttributeString("StudyEventRepeatKey", Int(ordinal));
        }

        xml.WriteAttributeString("TransactionType", "Insert");
        xml.WriteAttributeString("dermis", "VisitDate", D, Date(visit.Date));
        xml.WriteAttributeString("dermis", "WindowStatus", D, visit.WindowStatus);
        if (subject.Signatures.Where(s => s.VisitKey == visit.Key && s.Valid).MaxBy(s => s.At) is { } signature)
        {
            Signature(xml, signature, subject.SiteId, meanings);
        }
    }

    private static void WriteSnapshotForm(XmlWriter xml, ExportForm form, Dictionary<string, int> known, string siteId)
    {
        xml.WriteStartElement("FormData");
        xml.WriteAttributeString("FormOID", OdmOids.Form(form.FormId));
        xml.WriteAttributeString("TransactionType", "Insert");
        FormExtensions(xml, form);
        Audit(xml, form.UpdatedBy, siteId, form.UpdatedAt, null);
        xml.WriteStartElement("ItemGroupData");
        xml.WriteAttributeString("ItemGroupOID", OdmOids.ItemGroup(form.FormId));
        xml.WriteAttributeString("TransactionType", "Insert");
        foreach (var value in FormDocument.Flatten(form.Data).OrderBy(v => known.TryGetValue(v.Path, out var i) ? i : int.MaxValue))
        {
            ItemData(xml, form.FormId, value.Path, value.Value, null);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteTransactionalForm(XmlWriter xml, ExportForm form, Dictionary<string, int> known, string siteId)
    {
        foreach (var version in form.History.GroupBy(h => h.Version).OrderBy(g => g.Key))
        {
            xml.WriteStartElement("FormData");
            xml.WriteAttributeString("FormOID", OdmOids.Form(form.FormId));
            xml.WriteAttributeString("TransactionType", version.Key == 1 ? "Insert" : "Update");
            xml.WriteAttributeString("dermis", "Version", D, Int(version.Key));
            xml.WriteStartElement("ItemGroupData");
            xml.WriteAttributeString("ItemGroupOID", OdmOids.ItemGroup(form.FormId));
            xml.WriteAttributeString("TransactionType", version.Key == 1 ? "Insert" : "Update");
            foreach (var change in version.OrderBy(c => known.TryGetValue(c.Item, out var i) ? i : int.MaxValue))
            {
                ItemData(xml, form.FormId, change.Item, AuditText(change.NewValue), (change.OldValue is null ? "Insert" : change.NewValue is null ? "Remove" : "Update", change, siteId));
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        // The form's state after the last change (status, versions) as one context record.
        xml.WriteStartElement("FormData");
        xml.WriteAttributeString("FormOID", OdmOids.Form(form.FormId));
        xml.WriteAttributeString("TransactionType", "Context");
        FormExtensions(xml, form);
        Audit(xml, form.UpdatedBy, siteId, form.UpdatedAt, null);
        xml.WriteEndElement();
    }

    private static void FormExtensions(XmlWriter xml, ExportForm form)
    {
        xml.WriteAttributeString("dermis", "Status", D, form.Status);
        xml.WriteAttributeString("dermis", "ProtocolVersion", D, form.ProtocolVersion);
        xml.WriteAttributeString("dermis", "Version", D, Int(form.RowVersion));
        if (form.InstrumentVersion is { } instrument)
        {
            xml.WriteAttributeString("dermis", "InstrumentVersion", D, instrument);
        }
    }

    private static void ItemData(XmlWriter xml, string formId, string path, string? value, (string Transaction, ExportItemChange Change, string SiteId)? audit)
    {
        xml.WriteStartElement("ItemData");
        xml.WriteAttributeString("ItemOID", OdmOids.Item(formId, path));
        if (audit is { } a)
        {
            xml.WriteAttributeString("TransactionType", a.Transaction);
        }

        if (value is null)
        {
            xml.WriteAttributeString("IsNull", "Yes");
        }
        else
        {
            xml.WriteAttributeString("Value", value);
        }

        if (audit is { } record)
        {
            Audit(xml, record.Change.Actor, record.SiteId, record.Change.At, record.Change.Reason);
        }

        xml.WriteEndElement();
    }

    private static void Audit(XmlWriter xml, string user, string siteId, DateTimeOffset at, string? reason)
    {
        xml.WriteStartElement("AuditRecord");
        xml.WriteAttributeString("EditPoint", "DataManagement");
        xml.WriteAttributeString("UsedImputationMethod", "No");
        xml.WriteStartElement("UserRef");
        xml.WriteAttributeString("UserOID", OdmOids.User(user));
        xml.WriteEndElement();
        xml.WriteStartElement("LocationRef");
        xml.WriteAttributeString("LocationOID", OdmOids.Location(siteId));
        xml.WriteEndElement();
        xml.WriteElementString("DateTimeStamp", Stamp(at));
        if (reason is not null)
        {
            xml.WriteElementString("ReasonForChange", reason);
        }

        xml.WriteEndElement();
    }

    private static void Signature(XmlWriter xml, ExportSignature signature, string siteId, List<string> meanings)
    {
        xml.WriteStartElement("Signature");
        xml.WriteStartElement("UserRef");
        xml.WriteAttributeString("UserOID", OdmOids.User(signature.Signer));
        xml.WriteEndElement();
        xml.WriteStartElement("LocationRef");
        xml.WriteAttributeString("LocationOID", OdmOids.Location(siteId));
        xml.WriteEndElement();
        xml.WriteStartElement("SignatureRef");
        xml.WriteAttributeString("SignatureOID", OdmOids.SignatureDef(meanings.IndexOf(signature.Meaning)));
        xml.WriteEndElement();
        xml.WriteElementString("DateTimeStamp", Stamp(signature.At));
        xml.WriteEndElement();
    }

    /// <summary>An audit value (JSON text) as ODM text: strings unquoted, null stays null.</summary>
    private static string? AuditText(string? json)
    {
        if (json is null || json == "null")
        {
            return null;
        }

        if (json.StartsWith('"'))
        {
            return JsonSerializer.Deserialize<string>(json);
        }

        return json;
    }

    private static void Translated(XmlWriter xml, string text)
    {
        xml.WriteStartElement("TranslatedText");
        xml.WriteAttributeString("xml", "lang", null, "en");
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static string DataType(OdmDataType type) => type switch
    {
        OdmDataType.Integer => "integer",
        OdmDataType.Float => "float",
        OdmDataType.Date => "date",
        OdmDataType.PartialDate => "partialDate",
        OdmDataType.Boolean => "boolean",
        _ => "text",
    };

    private static string UnitOid(string unit)
    {
        var oid = new StringBuilder("MU.");
        foreach (var c in unit)
        {
            oid.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return oid.ToString();
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
}
