namespace Dermis.Trials.Checks;

/// <summary>
/// A node of a parsed expression. Nodes are immutable and shared between an expression and its
/// bound copies; references are indices into the expression's reference table, so binding never
/// rebuilds the tree.
/// </summary>
internal abstract class CheckNode(int position)
{
    /// <summary>0-based index of the operator, literal, reference or function name in the text.</summary>
    public int Position { get; } = position;

    public abstract CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references);

    protected static CheckExpressionException TypeError(string what, int position, string message) =>
        new($"{what} at {position} {message}", position);
}

internal sealed class LiteralNode(int position, CheckValue value) : CheckNode(position)
{
    public CheckValue Value { get; } = value;

    public override CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references) => Value;
}

internal sealed class ReferenceNode(int position, int index) : CheckNode(position)
{
    public int Index { get; } = index;

    public override CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references) => resolve(references[Index]);
}

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>Arithmetic, equality and ordering; <c>and</c>/<c>or</c> are separate nodes because they short-circuit.</summary>
internal sealed class BinaryNode(int position, BinaryOperator op, string symbol, CheckNode left, CheckNode right) : CheckNode(position)
{
    public override CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references)
    {
        var l = left.Evaluate(resolve, references);
        var r = right.Evaluate(resolve, references);
        return op switch
        {
            BinaryOperator.Equal => Equality(l, r, negate: false),
            BinaryOperator.NotEqual => Equality(l, r, negate: true),
            >= BinaryOperator.Less => Ordering(l, r),
            _ => Arithmetic(l, r),
        };
    }

    private CheckValue Arithmetic(CheckValue l, CheckValue r)
    {
        // Type errors first, so a wrong expression fails the same way whether or not data is missing.
        if ((!l.IsNull && l.Kind != CheckValueKind.Number) || (!r.IsNull && r.Kind != CheckValueKind.Number))
        {
            throw TypeError($"'{symbol}'", Position, $"needs numbers; got {l.Describe()} and {r.Describe()}");
        }

        if (l.IsNull || r.IsNull)
        {
            return CheckValue.Null;
        }

        var a = l.AsNumber;
        var b = r.AsNumber;
        try
        {
            return op switch
            {
                BinaryOperator.Add => CheckValue.FromNumber(a + b),
                BinaryOperator.Subtract => CheckValue.FromNumber(a - b),
                BinaryOperator.Multiply => CheckValue.FromNumber(a * b),
                _ => b == 0m ? CheckValue.Null : CheckValue.FromNumber(a / b),
            };
        }
        catch (OverflowException)
        {
            throw TypeError($"'{symbol}'", Position, $"overflows the decimal range with {a} and {b}");
        }
    }

    private CheckValue Equality(CheckValue l, CheckValue r, bool negate)
    {
        bool equal;
        if (l.IsNull || r.IsNull)
        {
            equal = l.IsNull && r.IsNull;
        }
        else if (l.Kind != r.Kind)
        {
            throw TypeError($"'{symbol}'", Position, $"cannot compare {l.Describe()} with {r.Describe()}");
        }
        else
        {
            equal = l.Kind switch
            {
                CheckValueKind.Number => l.AsNumber == r.AsNumber,
                CheckValueKind.Text => string.Equals(l.AsText, r.AsText, StringComparison.Ordinal),
                CheckValueKind.Boolean => l.AsBoolean == r.AsBoolean,
                _ => l.AsDate == r.AsDate,
            };
        }

        return CheckValue.FromBoolean(equal != negate);
    }

    private CheckValue Ordering(CheckValue l, CheckValue r)
    {
        if (l.Kind == CheckValueKind.Boolean || r.Kind == CheckValueKind.Boolean)
        {
            throw TypeError($"'{symbol}'", Position, $"cannot order {l.Describe()} and {r.Describe()}; ordering works on numbers, text and dates");
        }

        if (l.IsNull || r.IsNull)
        {
            return CheckValue.Null;
        }

        if (l.Kind != r.Kind)
        {
            throw TypeError($"'{symbol}'", Position, $"cannot compare {l.Describe()} with {r.Describe()}");
        }

        var order = l.Kind switch
        {
            CheckValueKind.Number => l.AsNumber.CompareTo(r.AsNumber),
            CheckValueKind.Text => string.CompareOrdinal(l.AsText, r.AsText),
            _ => l.AsDate.CompareTo(r.AsDate),
        };
        return CheckValue.FromBoolean(op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        });
    }
}

/// <summary>Kleene three-valued <c>and</c>: false wins over null, null over true.</summary>
internal sealed class AndNode(int position, CheckNode left, CheckNode right) : CheckNode(position)
{
    public override CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references)
    {
        var l = Logical(left.Evaluate(resolve, references));
        if (l.Kind == CheckValueKind.Boolean && !l.AsBoolean)
        {
            return CheckValue.False;
        }

        var r = Logical(right.Evaluate(resolve, references));
        if (r.Kind == CheckValueKind.Boolean && !r.AsBoolean)
        {
            return CheckValue.False;
        }

        return l.IsNull || r.IsNull ? CheckValue.Null : CheckValue.True;
    }

    private CheckValue Logical(CheckValue value) => value.Kind is CheckValueKind.Boolean or CheckValueKind.Null
        ? value
        : throw TypeError("'and'", Position, $"needs true, false or null; got {value.Describe()}");
}

/// <summary>Kleene three-valued <c>or</c>: true wins over null, null over false.</summary>
internal sealed class OrNode(int position, CheckNode left, CheckNode right) : CheckNode(position)
{
    public override CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references)
    {
        var l = Logical(left.Evaluate(resolve, references));
        if (l.Kind == CheckValueKind.Boolean && l.AsBoolean)
        {
            return CheckValue.True;
        }

        var r = Logical(right.Evaluate(resolve, references));
        if (r.Kind == CheckValueKind.Boolean && r.AsBoolean)
        {
            return CheckValue.True;
        }

        return l.IsNull || r.IsNull ? CheckValue.Null : CheckValue.False;
    }

    private CheckValue Logical(CheckValue value) => value.Kind is CheckValueKind.Boolean or CheckValueKind.Null
        ? value
        : throw TypeError("'or'", Position, $"needs true, false or null; got {value.Describe()}");
}

internal sealed class NotNode(int position, CheckNode operand) : CheckNode(position)
{
    public override CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references)
    {
        var value = operand.Evaluate(resolve, references);
        return value.Kind switch
        {
            CheckValueKind.Null => CheckValue.Null,
            CheckValueKind.Boolean => CheckValue.FromBoolean(!value.AsBoolean),
            _ => throw TypeError("'not'", Position, $"needs true, false or null; got {value.Describe()}"),
        };
    }
}

internal sealed class NegateNode(int position, CheckNode operand) : CheckNode(position)
{
    public override CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references)
    {
        var value = operand.Evaluate(resolve, references);
        return value.Kind switch
        {
            CheckValueKind.Null => CheckValue.Null,
            CheckValueKind.Number => CheckValue.FromNumber(-value.AsNumber),
            _ => throw TypeError("'-'", Position, $"needs a number; got {value.Describe()}"),
        };
    }
}

/// <summary><c>isMissing(ref)</c>: true when the item has no value.</summary>
internal sealed class IsMissingNode(int position, ReferenceNode reference) : CheckNode(position)
{
    public override CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references) =>
        CheckValue.FromBoolean(reference.Evaluate(resolve, references).IsNull);
}

internal sealed class AbsNode(int position, CheckNode argument) : CheckNode(position)
{
    public override CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references)
    {
        var value = argument.Evaluate(resolve, references);
        return value.Kind switch
        {
            CheckValueKind.Null => CheckValue.Null,
            CheckValueKind.Number => CheckValue.FromNumber(Math.Abs(value.AsNumber)),
            _ => throw TypeError("abs", Position, $"needs a number; got {value.Describe()}"),
        };
    }
}

/// <summary><c>daysBetween(a, b)</c>: b − a in whole days, negative when b is before a.</summary>
internal sealed class DaysBetweenNode(int position, CheckNode from, CheckNode to) : CheckNode(position)
{
    public override CheckValue Evaluate(Func<ItemReference, CheckValue> resolve, ItemReference[] references)
    {
        var a = from.Evaluate(resolve, references);
        var b = to.Evaluate(resolve, references);
        if ((!a.IsNull && a.Kind != CheckValueKind.Date) || (!b.IsNull && b.Kind != CheckValueKind.Date))
        {
            throw TypeError("daysBetween", Position, $"needs two dates; got {a.Describe()} and {b.Describe()}");
        }

        return a.IsNull || b.IsNull ? CheckValue.Null : CheckValue.FromNumber(b.AsDate.DayNumber - a.AsDate.DayNumber);
    }
}
