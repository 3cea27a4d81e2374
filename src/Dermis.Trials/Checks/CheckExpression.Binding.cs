using Dermis.Trials.Protocol;

namespace Dermis.Trials.Checks;

public sealed partial class CheckExpression
{
    /// <summary>
    /// Resolves every reference against <paramref name="protocol"/> and returns the bound copy
    /// (the tree is shared). <c>v.f.path</c> is visit-qualified when <c>v</c> is a visit id and
    /// <c>f</c> a form id of the protocol; otherwise the first segment must be a form id. The item
    /// path must be an item id for a custom form; for an instrument form any path into its score
    /// document is accepted (<c>total</c>, <c>band</c>, <c>grade</c>, <c>regions.head.area</c>).
    /// A visit-qualified reference must name a form that visit collects.
    /// </summary>
    /// <exception cref="CheckExpressionException">An unknown visit, form or item, at the reference's position; the message lists what exists.</exception>
    public CheckExpression Bind(ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var bound = new ItemReference[_referenceTexts.Length];
        for (var i = 0; i < bound.Length; i++)
        {
            bound[i] = BindOne(protocol, _referenceTexts[i], _referencePositions[i]);
        }

        return new CheckExpression(Text, _root, bound, _referenceTexts, _referencePositions, isBound: true);
    }

    private static ItemReference BindOne(ProtocolDefinition protocol, string text, int position)
    {
        var segments = text.Split('.');
        var visit = protocol.FindVisit(segments[0]);
        if (visit is not null && protocol.FindForm(segments[1]) is { } visitForm)
        {
            if (segments.Length == 2)
            {
                throw new CheckExpressionException(
                    $"reference '{text}' at {position} names visit '{visit.Id}' and form '{visitForm.Id}' but no item; e.g. {text}.{ExampleItem(visitForm)}", position);
            }

            if (!visit.FormIds.Contains(visitForm.Id))
            {
                throw new CheckExpressionException(
                    $"reference '{text}' at {position}: visit '{visit.Id}' does not collect form '{visitForm.Id}'; it collects {List(visit.FormIds)}", position);
            }

            return new ItemReference(visit.Id, visitForm.Id, ItemPath(visitForm, segments, 2, text, position));
        }

        if (protocol.FindForm(segments[0]) is not { } form)
        {
            var message = visit is null
                ? $"reference '{text}' at {position}: '{segments[0]}' is neither a form nor a visit; forms: {List(protocol.Forms.Select(f => f.Id))}; visits: {List(protocol.Visits.Select(v => v.Id))}"
                : $"reference '{text}' at {position}: '{segments[1]}' is not a form of visit '{visit.Id}'; it collects {List(visit.FormIds)}";
            throw new CheckExpressionException(message, position);
        }

        return new ItemReference(null, form.Id, ItemPath(form, segments, 1, text, position));
    }

    private static string ItemPath(FormDefinition form, string[] segments, int first, string text, int position)
    {
        var path = string.Join('.', segments, first, segments.Length - first);
        if (form.Instrument is null && !form.Items.Any(item => item.Id == path))
        {
            throw new CheckExpressionException(
                $"reference '{text}' at {position}: '{path}' is not an item of form '{form.Id}'; items: {List(form.Items.Select(item => item.Id))}", position);
        }

        return path;
    }

    private static string ExampleItem(FormDefinition form) => form.Instrument is not null ? "total" : form.Items.Count > 0 ? form.Items[0].Id : "item";

    private static string List(IEnumerable<string> ids)
    {
        var text = string.Join(", ", ids);
        return text.Length == 0 ? "(none)" : text;
    }
}
