using Dermis.Trials.Checks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dermis.Trials.Protocol;

internal sealed partial class ProtocolReader
{
    private static readonly string[] EditCheckKeys = ["id", "form", "visit", "when", "message", "item"];

    private List<EditCheckDefinition> ReadEditChecks(YamlMap top, ProtocolDefinition protocol)
    {
        var checks = new List<EditCheckDefinition>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var check in Entries(top.Sequence("editChecks", required: false), "editChecks", "edit check", EditCheckKeys))
        {
            var id = Id(check, "edit check", seen);
            var formId = check.Text("form", required: true);
            var form = formId is null ? null : protocol.FindForm(formId);
            if (formId is not null && form is null)
            {
                Error(check.ValueNode("form")!, $"{check.Context}: form '{formId}' is not defined; forms: {string.Join(", ", protocol.Forms.Select(f => f.Id))}");
            }

            var visitId = check.Text("visit", required: false);
            var visit = visitId is null ? null : protocol.FindVisit(visitId);
            if (visitId is not null && visit is null)
            {
                Error(check.ValueNode("visit")!, $"{check.Context}: visit '{visitId}' is not defined; visits: {string.Join(", ", protocol.Visits.Select(v => v.Id))}");
            }
            else if (visit is not null && form is not null && !visit.FormIds.Contains(form.Id))
            {
                Error(check.ValueNode("visit")!, $"{check.Context}: visit '{visit.Id}' does not collect form '{form.Id}'; it collects {string.Join(", ", visit.FormIds)}");
            }

            var when = check.Text("when", required: true);
            var message = check.Text("message", required: true);
            var item = check.Text("item", required: false);
            if (item is not null && form is { Instrument: null } && !form.Items.Any(i => i.Id == item))
            {
                Error(check.ValueNode("item")!, $"{check.Context}: '{item}' is not an item of form '{form.Id}'; items: {string.Join(", ", form.Items.Select(i => i.Id))}");
            }

            if (when is not null)
            {
                CheckCondition(check, when, protocol, visit);
            }

            checks.Add(new EditCheckDefinition(id ?? "", formId ?? "", visitId, when ?? "", message ?? "", item));
        }

        return checks;
    }

    /// <summary>Parses and binds <paramref name="when"/>; a visit-limited check may read unqualified only the forms its visit collects.</summary>
    private void CheckCondition(YamlMap check, string when, ProtocolDefinition protocol, VisitDefinition? visit)
    {
        var node = (YamlScalarNode)check.ValueNode("when")!;
        try
        {
            var condition = CheckExpression.Parse(when).Bind(protocol);
            for (var i = 0; i < condition.References.Count; i++)
            {
                var reference = condition.References[i];
                if (visit is null || reference.VisitId is not null || visit.FormIds.Contains(reference.FormId))
                {
                    continue;
                }

                var position = condition.ReferencePosition(i);
                var collecting = protocol.Visits.FirstOrDefault(v => v.FormIds.Contains(reference.FormId))?.Id ?? "baseline";
                ErrorInScalar(node, position, $"{check.Context}: condition: reference '{reference}' at {position}: visit '{visit.Id}', where this check runs, does not collect form '{reference.FormId}'; name the visit, e.g. {collecting}.{reference}");
            }
        }
        catch (CheckExpressionException ex)
        {
            ErrorInScalar(node, ex.Position, $"{check.Context}: condition: {ex.Message}");
        }
    }

    /// <summary>
    /// Reports at character <paramref name="position"/> of a scalar's value: exact for a value on one
    /// line (plain or quoted, escapes counted), at the scalar's start for block and multi-line values.
    /// </summary>
    private void ErrorInScalar(YamlScalarNode node, int position, string message)
    {
        var start = node.Start;
        var line = (int)start.Line;
        var column = (int)start.Column;
        if (node.End.Line != start.Line || node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            Error(line, column, message);
            return;
        }

        var raw = yaml.AsSpan((int)start.Index, (int)(node.End.Index - start.Index));
        var offset = position;
        if (node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            var j = 1;
            for (var consumed = 0; consumed < position && j < raw.Length - 1; consumed++)
            {
                j += raw[j] switch
                {
                    '\'' when node.Style == ScalarStyle.SingleQuoted => 2,
                    '\\' when node.Style == ScalarStyle.DoubleQuoted && j + 1 < raw.Length => raw[j + 1] switch
                    {
                        'x' => 4,
                        'u' => 6,
                        'U' => 10,
                        _ => 2,
                    },
                    _ => 1,
                };
            }

            offset = j;
        }

        Error(line, column + offset, message);
    }
}
