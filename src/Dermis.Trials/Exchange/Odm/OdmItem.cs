using Dermis.Trials.Protocol;

namespace Dermis.Trials.Exchange.Odm;

/// <summary>ODM 1.3.2 item data types Dermis uses.</summary>
#pragma warning disable CA1720 // the ODM data-type names (integer, float).
public enum OdmDataType
{
    /// <summary>Free text (JSON string).</summary>
    Text,

    /// <summary>Whole number (JSON number).</summary>
    Integer,

    /// <summary>Decimal number (JSON number).</summary>
    Float,

    /// <summary>Full date yyyy-MM-dd (JSON string).</summary>
    Date,

    /// <summary>Partial date (JSON string).</summary>
    PartialDate,

    /// <summary>Yes/no (JSON true/false).</summary>
    Boolean,
}
#pragma warning restore CA1720

/// <summary>One item of a form as ODM describes it: its path in the form's JSON document, type, label, ranges and code list.</summary>
/// <param name="Path">Path in the form document, e.g. <c>regions.head.area</c>, <c>answers[3]</c>, <c>weight</c>.</param>
/// <param name="Label">Question text.</param>
/// <param name="DataType">ODM data type.</param>
/// <param name="HardRange">Range checks that refuse a value.</param>
/// <param name="SoftRange">Range checks that query a value.</param>
/// <param name="CodeListId">Protocol code list of a choice item, or null.</param>
/// <param name="Units">Units, or null.</param>
/// <param name="Required">True when the form needs it to be complete.</param>
public sealed record OdmItem(string Path, string Label, OdmDataType DataType, ValueRange? HardRange, ValueRange? SoftRange, string? CodeListId, string? Units, bool Required);
