using System.Globalization;
using System.Text;

namespace Dermis.Trials.Exchange.Odm;

/// <summary>
/// How Dermis names things in ODM: OIDs from protocol ids (upper case, ODM convention), and the
/// vendor-extension namespace for what ODM 1.3.2 has no element for (visit windows, statuses, queries).
/// </summary>
public static class OdmOids
{
    /// <summary>The ODM 1.3 namespace.</summary>
    public const string OdmNamespace = "http://www.cdisc.org/ns/odm/v1.3";

    /// <summary>Dermis's vendor-extension namespace (docs/exports.md).</summary>
    public const string DermisNamespace = "urn:dermis:odm:1";

    /// <summary>The study.</summary>
    public static string Study(string studyId) => "ST." + studyId;

    /// <summary>A protocol version's metadata.</summary>
    public static string MetaDataVersion(string version) => "MDV." + version;

    /// <summary>A visit.</summary>
    public static string StudyEvent(string visitId) => "SE." + visitId.ToUpperInvariant();

    /// <summary>A form.</summary>
    public static string Form(string formId) => "F." + formId.ToUpperInvariant();

    /// <summary>A form's one item group.</summary>
    public static string ItemGroup(string formId) => "IG." + formId.ToUpperInvariant();

    /// <summary>An item: form and path, brackets as dots (<c>answers[3]</c> → <c>ANSWERS.3</c>).</summary>
    public static string Item(string formId, string path)
    {
        var name = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            if (c == '[')
            {
                name.Append('.');
            }
            else if (c != ']')
            {
                name.Append(char.ToUpperInvariant(c));
            }
        }

        return $"IT.{formId.ToUpperInvariant()}.{name}";
    }

    /// <summary>A code list.</summary>
    public static string CodeList(string codeListId) => "CL." + codeListId.ToUpperInvariant();

    /// <summary>A site.</summary>
    public static string Location(string siteId) => "LOC." + siteId;

    /// <summary>A user.</summary>
    public static string User(string username) => "USR." + username;

    /// <summary>A signature meaning.</summary>
    public static string SignatureDef(int index) => "SD." + (index + 1).ToString(CultureInfo.InvariantCulture);
}
