namespace Dermis.Trials.Checks;

/// <summary>What a <see cref="CheckValue"/> holds.</summary>
public enum CheckValueKind
{
    /// <summary>No value: the item is missing, or an operand of arithmetic was missing.</summary>
    Null,

    /// <summary>An exact decimal number.</summary>
    Number,

    /// <summary>A string (text items, choice codes, instrument bands).</summary>
    Text,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A calendar date without time.</summary>
    Date,
}
