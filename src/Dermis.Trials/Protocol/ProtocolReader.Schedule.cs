using YamlDotNet.RepresentationModel;

namespace Dermis.Trials.Protocol;

internal sealed partial class ProtocolReader
{
    private static readonly string[] VisitKeys = ["id", "name", "day", "window", "windowBefore", "windowAfter", "anchor", "unscheduled", "forms"];

    private List<VisitDefinition> ReadVisits(YamlMap top, List<FormDefinition> forms)
    {
        var visits = new List<VisitDefinition>();
        var list = top.Sequence("visits", required: true);
        if (list is { Children.Count: 0 })
        {
            Error(list, "visits: the list is empty; a schedule has at least the anchor visit");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        (string Id, int Day, int Line)? previous = null;
        (string Id, int Line)? anchor = null;
        foreach (var visit in Entries(list, "visits", "visit", VisitKeys))
        {
            var id = Id(visit, "visit", seen);
            var name = visit.Text("name", required: true);
            var unscheduled = visit.Flag("unscheduled");
            var isAnchor = visit.Flag("anchor");
            int day = 0, before = 0, after = 0;
            if (unscheduled)
            {
                foreach (var key in (string[])["day", "window", "windowBefore", "windowAfter", "anchor"])
                {
                    if (visit.KeyNode(key) is { } keyNode)
                    {
                        Error(keyNode, $"{visit.Context}: an unscheduled visit has no '{key}'; remove it, or drop 'unscheduled: true'");
                    }
                }

                isAnchor = false;
            }
            else
            {
                (before, after) = ReadWindow(visit);
                if (!visit.Has("day"))
                {
                    Error(visit.Node, $"{visit.Context}: missing required key 'day' (the target study day); a visit without one says 'unscheduled: true'");
                }

                if (visit.Integer("day", required: visit.Has("day")) is { } target)
                {
                    day = target;
                    var dayNode = visit.ValueNode("day")!;
                    if (day == 0)
                    {
                        Error(dayNode, $"{visit.Context}: day 0 does not exist; study days run …, -2, -1, 1, 2, … with day 1 at the anchor visit");
                    }
                    else if (previous is { } p && day <= p.Day)
                    {
                        Error(dayNode, $"{visit.Context}: day {day} must be after day {p.Day} of visit '{p.Id}' (line {p.Line}); list scheduled visits in day order");
                    }

                    if (isAnchor && day != 1)
                    {
                        Error(dayNode, $"{visit.Context}: the anchor visit must be on day 1; got day {day}");
                    }

                    previous = (id ?? "?", day, (int)dayNode.Start.Line);
                }
            }

            if (isAnchor)
            {
                var anchorKey = visit.KeyNode("anchor")!;
                if (anchor is { } first)
                {
                    Error(anchorKey, $"{visit.Context}: visit '{first.Id}' (line {first.Line}) is already the anchor; a schedule has exactly one");
                }
                else
                {
                    anchor = (id ?? "?", (int)anchorKey.Start.Line);
                }
            }

            var formIds = ReadVisitForms(visit, forms);
            visits.Add(new VisitDefinition(id ?? "", name ?? "", day, before, after, isAnchor, unscheduled, formIds));
        }

        if (anchor is null && list is { Children.Count: > 0 })
        {
            Error(top.KeyNode("visits")!, "visits: no visit is the anchor; mark the day-1 visit (e.g. baseline) with 'anchor: true'");
        }

        return visits;
    }

    private (int Before, int After) ReadWindow(YamlMap visit)
    {
        if (visit.Has("window"))
        {
            foreach (var key in (string[])["windowBefore", "windowAfter"])
            {
                if (visit.KeyNode(key) is { } keyNode)
                {
                    Error(keyNode, $"{visit.Context}: use either 'window' or 'windowBefore'/'windowAfter', not both");
                }
            }

            var both = NonNegative(visit, "window");
            return (both, both);
        }

        return (NonNegative(visit, "windowBefore"), NonNegative(visit, "windowAfter"));
    }

    private int NonNegative(YamlMap visit, string key)
    {
        var days = visit.Integer(key, required: false) ?? 0;
        if (days >= 0)
        {
            return days;
        }

        Error(visit.ValueNode(key)!, $"{visit.Context}: '{key}' must be 0 or more days; got {days}");
        return 0;
    }

    private List<string> ReadVisitForms(YamlMap visit, List<FormDefinition> forms)
    {
        var formIds = new List<string>();
        if (visit.Sequence("forms", required: true) is not { } list)
        {
            return formIds;
        }

        if (list.Children.Count == 0)
        {
            Error(list, $"{visit.Context}: 'forms' is empty; a visit collects at least one form");
        }

        foreach (var node in list.Children)
        {
            if (node is not YamlScalarNode { Value: { } formId } || IsNull(node))
            {
                Error(node, $"{visit.Context}: each entry of 'forms' is a form id; got {Kind(node)}");
            }
            else if (formIds.Contains(formId))
            {
                Error(node, $"{visit.Context}: form '{formId}' is listed twice");
            }
            else
            {
                if (!forms.Exists(f => f.Id == formId))
                {
                    Error(node, $"{visit.Context}: form '{formId}' is not defined; forms: {string.Join(", ", forms.Select(f => f.Id))}");
                }

                formIds.Add(formId);
            }
        }

        return formIds;
    }
}
