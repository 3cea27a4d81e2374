namespace Dermis.Server.Web.Forms;

/// <summary>How a value is entered and written into the form's JSON document.</summary>
#pragma warning disable CA1720 // the protocol's item-type names (integer, decimal), as in CDISC ODM.
public enum EntryKind
{
    /// <summary>Free text (JSON string).</summary>
    Text,

    /// <summary>Whole number (JSON number).</summary>
    Integer,

    /// <summary>Decimal number (JSON number).</summary>
    Decimal,

    /// <summary>yyyy-MM-dd (JSON string).</summary>
    Date,

    /// <summary>yyyy, yyyy-MM or yyyy-MM-dd (JSON string).</summary>
    PartialDate,

    /// <summary>One of a list; the value is a JSON number when every choice is numeric, else a string.</summary>
    Choice,

    /// <summary>Yes/no (JSON true/false).</summary>
    Boolean,
}
#pragma warning restore CA1720

/// <summary>One input of an eCRF page.</summary>
/// <param name="Path">Item path in the form document, e.g. <c>regions.head.area</c>, <c>answers[3]</c>, <c>weight</c> (also the input's name).</param>
/// <param name="Label">What the site reads.</param>
/// <param name="Kind">Input type.</param>
/// <param name="Choices">Values and labels of a choice.</param>
/// <param name="Units">Units shown after a number, or null.</param>
/// <param name="Min">Lowest value the input offers (the rules themselves are checked on the server).</param>
/// <param name="Max">Highest value the input offers.</param>
/// <param name="OmitWhenEmpty">Left out of the document when empty, instead of null (optional settings such as PP-NRS minimum days).</param>
public sealed record EntryField(
    string Path,
    string Label,
    EntryKind Kind,
    IReadOnlyList<KeyValuePair<string, string>>? Choices = null,
    string? Units = null,
    decimal? Min = null,
    decimal? Max = null,
    bool OmitWhenEmpty = false)
{
    /// <summary>The input's id: a path made safe for HTML ids.</summary>
    public string InputId => "f-" + Path.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    /// <summary>True when every choice value is a number (EASI signs), so the document holds numbers.</summary>
    public bool NumericChoices => Choices is not null && Choices.All(c => decimal.TryParse(c.Key, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _));
}

/// <summary>A group of inputs shown together (an EASI body region, a HECSI hand location), or the whole form.</summary>
/// <param name="Title">Group heading, or null for a plain list.</param>
/// <param name="Fields">Its inputs.</param>
public sealed record EntryGroup(string? Title, IReadOnlyList<EntryField> Fields);
