using System.Xml;
using System.Xml.Linq;

namespace Dermis.Trials.Exchange.Odm;

/// <summary>A subject of an ODM file's clinical data.</summary>
/// <param name="SubjectKey">Subject key (Dermis: the screening number).</param>
/// <param name="LocationOid">Site (SiteRef), or null.</param>
/// <param name="Status">Dermis status extension, or null.</param>
/// <param name="Events">Visits.</param>
/// <param name="Line">Line of the SubjectData element, for messages.</param>
public sealed record OdmSubject(string SubjectKey, string? LocationOid, string? Status, IReadOnlyList<OdmEvent> Events, int Line);

/// <summary>A visit of an ODM subject.</summary>
/// <param name="StudyEventOid">Study event.</param>
/// <param name="RepeatKey">Repeat key of a repeating event, or null.</param>
/// <param name="VisitDate">Dermis visit-date extension, or null.</param>
/// <param name="Forms">Forms.</param>
/// <param name="Line">Line, for messages.</param>
public sealed record OdmEvent(string StudyEventOid, string? RepeatKey, string? VisitDate, IReadOnlyList<OdmForm> Forms, int Line);

/// <summary>A form of an ODM visit.</summary>
/// <param name="FormOid">Form.</param>
/// <param name="Status">Dermis form-status extension, or null.</param>
/// <param name="Items">Item OID → value (null for IsNull="Yes"), in file order.</param>
/// <param name="Line">Line, for messages.</param>
public sealed record OdmForm(string FormOid, string? Status, IReadOnlyList<(string ItemOid, string? Value, int Line)> Items, int Line);

/// <summary>The clinical data of an ODM 1.3.2 file, with the file's header facts.</summary>
/// <param name="FileType">Snapshot or Transactional.</param>
/// <param name="StudyOid">ClinicalData/@StudyOID.</param>
/// <param name="Subjects">Subjects in file order.</param>
public sealed record OdmClinicalData(string FileType, string StudyOid, IReadOnlyList<OdmSubject> Subjects)
{
    /// <summary>Reads the clinical data of an ODM file.</summary>
    /// <exception cref="FormatException">Not well-formed XML (a DTD included), not ODM 1.3, no ClinicalData, or a required attribute missing; the message names the line.</exception>
    public static OdmClinicalData Read(Stream input)
    {
        XDocument document;
        try
        {
            // ODM needs no DTD, and a DTD's entities can expand a small upload into gigabytes: refused outright.
            using var reader = XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new FormatException($"line {e.LineNumber}: not well-formed XML: {e.Message}", e);
        }

        XNamespace odm = OdmOids.OdmNamespace;
        XNamespace dermis = OdmOids.DermisNamespace;
        var root = document.Root;
        if (root is null || root.Name != odm + "ODM")
        {
            throw new FormatException($"line {Line(root)}: the root element must be ODM in namespace {OdmOids.OdmNamespace}; got {root?.Name}");
        }

        var clinical = root.Elements(odm + "ClinicalData").ToList();
        if (clinical.Count != 1)
        {
            throw new FormatException($"line {Line(root)}: the file must hold exactly one ClinicalData element; it holds {clinical.Count}");
        }

        var subjects = clinical[0].Elements(odm + "SubjectData").Select(s => new OdmSubject(
            Required(s, "SubjectKey"),
            s.Element(odm + "SiteRef")?.Attribute("LocationOID")?.Value,
            s.Attribute(dermis + "Status")?.Value,
            s.Elements(odm + "StudyEventData").Select(e => new OdmEvent(
                Required(e, "StudyEventOID"),
                e.Attribute("StudyEventRepeatKey")?.Value,
                e.Attribute(dermis + "VisitDate")?.Value,
                e.Elements(odm + "FormData").Select(f => new OdmForm(
                    Required(f, "FormOID"),
                    f.Attribute(dermis + "Status")?.Value,
                    f.Elements(odm + "ItemGroupData").SelectMany(g => g.Elements(odm + "ItemData"))
                        .Select(i => (Required(i, "ItemOID"), i.Attribute("IsNull")?.Value == "Yes" ? null : i.Attribute("Value")?.Value ?? "", Line(i))).ToList(),
                    Line(f))).ToList(),
                Line(e))).ToList(),
            Line(s))).ToList();
        return new OdmClinicalData(root.Attribute("FileType")?.Value ?? "", Required(clinical[0], "StudyOID"), subjects);
    }

    private static string Required(XElement element, string attribute) =>
        element.Attribute(attribute)?.Value ?? throw new FormatException($"line {Line(element)}: {element.Name.LocalName} has no {attribute}");

    private static int Line(XElement? element) => element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
