using System.Globalization;

namespace Dermis.Trials.Checks;

/// <summary>
/// A value inside an edit-check expression: null, an exact <see cref="decimal"/>, a string, a
/// boolean or a <see cref="DateOnly"/>. A small struct, so evaluation allocates nothing.
/// </summary>
/// <remarks>
/// Numbers are decimal only: <c>0.1 + 0.2 == 0.3</c> holds. Two numbers are equal when their
/// values are (<c>1.0 == 1</c>). <c>default(CheckValue)</c> is <see cref="Null"/>.
/// </remarks>
public readonly record struct CheckValue
{
    private readonly decimal _number;
    private readonly string? _text;

    // DateOnly.DayNumber for dates, 1/0 for booleans: one field keeps the struct at 32 bytes.
    private readonly int _scalar;

    private CheckValue(CheckValueKind kind, decimal number, string? text, int scalar)
    {
        Kind = kind;
        _number = number;
        _text = text;
        _scalar = scalar;
    }

    /// <summary>The missing value.</summary>
    public static CheckValue Null => default;

    /// <summary>The boolean true.</summary>
    public static CheckValue True { get; } = new(CheckValueKind.Boolean, 0m, null, 1);

    /// <summary>The boolean false.</summary>
    public static CheckValue False { get; } = new(CheckValueKind.Boolean, 0m, null, 0);

    /// <summary>What this value holds.</summary>
    public CheckValueKind Kind { get; }

    /// <summary>True for the missing value.</summary>
    public bool IsNull => Kind == CheckValueKind.Null;

    /// <summary>The number; throws <see cref="InvalidOperationException"/> for any other kind.</summary>
    public decimal AsNumber => Kind == CheckValueKind.Number ? _number : throw WrongKind("a number");

    /// <summary>The string; throws <see cref="InvalidOperationException"/> for any other kind.</summary>
    public string AsText => Kind == CheckValueKind.Text ? _text! : throw WrongKind("text");

    /// <summary>The boolean; throws <see cref="InvalidOperationException"/> for any other kind.</summary>
    public bool AsBoolean => Kind == CheckValueKind.Boolean ? _scalar != 0 : throw WrongKind("a boolean");

    /// <summary>The date; throws <see cref="InvalidOperationException"/> for any other kind.</summary>
    public DateOnly AsDate => Kind == CheckValueKind.Date ? DateOnly.FromDayNumber(_scalar) : throw WrongKind("a date");

    /// <summary>A number.</summary>
    public static CheckValue FromNumber(decimal value) => new(CheckValueKind.Number, value, null, 0);

    /// <summary>A number, or <see cref="Null"/> when <paramref name="value"/> is null.</summary>
    public static CheckValue FromNumber(decimal? value) => value is { } number ? FromNumber(number) : default;

    /// <summary>A string, or <see cref="Null"/> when <paramref name="value"/> is null (an empty string stays a string).</summary>
    public static CheckValue FromText(string? value) => value is null ? default : new(CheckValueKind.Text, 0m, value, 0);

    /// <summary>A boolean.</summary>
    public static CheckValue FromBoolean(bool value) => value ? True : False;

    /// <summary>A boolean, or <see cref="Null"/> when <paramref name="value"/> is null.</summary>
    public static CheckValue FromBoolean(bool? value) => value is { } flag ? FromBoolean(flag) : default;

    /// <summary>A date.</summary>
    public static CheckValue FromDate(DateOnly value) => new(CheckValueKind.Date, 0m, null, value.DayNumber);

    /// <summary>A date, or <see cref="Null"/> when <paramref name="value"/> is null.</summary>
    public static CheckValue FromDate(DateOnly? value) => value is { } date ? FromDate(date) : default;

    /// <summary>The value as an expression would write it: <c>null</c>, <c>20.1</c>, <c>'moderate'</c>, <c>true</c>, <c>2025-03-01</c>.</summary>
    public override string ToString() => Kind switch
    {
        CheckValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        CheckValueKind.Text => $"'{_text}'",
        CheckValueKind.Boolean => _scalar != 0 ? "true" : "false",
        CheckValueKind.Date => AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => "null",
    };

    /// <summary>The kind and value for messages, e.g. <c>number 3</c>, <c>text 'a'</c>.</summary>
    internal string Describe() => Kind switch
    {
        CheckValueKind.Number => $"number {this}",
        CheckValueKind.Text => $"text {this}",
        CheckValueKind.Boolean => $"boolean {this}",
        CheckValueKind.Date => $"date {this}",
        _ => "null",
    };

    private InvalidOperationException WrongKind(string wanted) => new($"the value is {Describe()}, not {wanted}");
}
