using System.Globalization;
using System.Text.Json;
using Dermis.Trials.Exchange.Odm;
using Dermis.Trials.Forms;
using Dermis.Trials.Protocol;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Exchange;

/// <summary>The rules an imported form and subject key must keep (docs/exports.md, Import).</summary>
internal static partial class OdmImport
{
    /// <summary>One form of the file as it would be stored, or null after refusing what is wrong with it.</summary>
    private static PlannedForm? PlanForm(ProtocolDefinition protocol, FormDefinition form, OdmForm f, Dictionary<string, OdmItem> known, string where, Action<int, string> refuse)
    {
        var values = new List<FormValue>(f.Items.Count);
        var types = new Dictionary<string, OdmDataType>(StringComparer.Ordinal);
        var refused = false;
        foreach (var (itemOid, value, line) in f.Items)
        {
            if (known.TryGetValue(itemOid, out var item))
            {
                values.Add(new FormValue(item.Path, value));
                types[item.Path] = item.DataType;
            }
            else
            {
                refuse(line, $"{where}: ItemOID '{itemOid}' is not an item of {f.FormOid}");
                refused = true;
            }
        }

        var formStatus = Names.Parse<FormStatus>(f.Status ?? Names.Of(FormStatus.InProgress));
        if (formStatus is null)
        {
            refuse(f.Line, $"{where}: dermis:Status '{f.Status}' is not a form status; allowed: {string.Join(", ", Names.All<FormStatus>())}");
            return null;
        }

        string json;
        try
        {
            json = FormDocument.Build(values, path => types[path]);
        }
        catch (FormatException e)
        {
            refuse(f.Line, $"{where}: {e.Message}");
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var evaluation = FormEvaluation.Evaluate(protocol, form, document.RootElement);
        foreach (var error in evaluation.Errors)
        {
            refuse(f.Line, $"{where}: {error.Field} {error.Message}");
        }

        // Source verification and signatures are acts of people in this system and are not imported: such a form arrives complete.
        var complete = formStatus is FormStatus.Complete or FormStatus.SourceVerified or FormStatus.Signed;
        if (complete && evaluation.MissingRequired.Count > 0)
        {
            refuse(f.Line, $"{where}: a {f.Status} form cannot be imported with required items missing: {string.Join(", ", evaluation.MissingRequired)}");
            return null;
        }

        return refused || evaluation.Errors.Count > 0 ? null : new PlannedForm(form, Names.Of(complete ? FormStatus.Complete : FormStatus.InProgress), json, evaluation);
    }

    /// <summary>1–64 letters, digits, '-', '_' or '.', starting with a letter or digit: a key that every route and audit key can carry.</summary>
    private static bool IsScreeningNumber(string key) =>
        key.Length is >= 1 and <= 64 && char.IsAsciiLetterOrDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
