namespace Dermis.Trials.Checks;

/// <summary>
/// One data point an edit-check expression reads: an item of a form, optionally at a named visit.
/// </summary>
/// <remarks>
/// Written in an expression as <c>form.item</c> (the visit being checked) or <c>visit.form.item</c>
/// (docs/protocol.md, "Edit-check expressions"). Before <see cref="CheckExpression.Bind"/> the
/// first segment is always taken as the form, so <see cref="VisitId"/> is null.
/// </remarks>
/// <param name="VisitId">Visit id for a visit-qualified reference (e.g. <c>baseline</c>), or null for the visit being checked.</param>
/// <param name="FormId">Form id, e.g. <c>easi</c>.</param>
/// <param name="ItemPath">Item id of a custom form (<c>weight</c>), or a dotted path into an instrument's score document (<c>total</c>, <c>regions.head.area</c>); never empty.</param>
public readonly record struct ItemReference(string? VisitId, string FormId, string ItemPath)
{
    /// <summary>The reference as written in an expression: <c>visit.form.item</c> or <c>form.item</c>.</summary>
    public override string ToString() => VisitId is null ? $"{FormId}.{ItemPath}" : $"{VisitId}.{FormId}.{ItemPath}";
}
