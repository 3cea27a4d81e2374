namespace Dermis.Trials.Checks;

/// <summary>
/// Recursive-descent parser of the edit-check language (docs/protocol.md). Precedence, lowest
/// first: <c>or</c>, <c>and</c>, <c>not</c>, comparisons (not chained), <c>+ -</c>, <c>* /</c>,
/// unary <c>-</c>, then literals, references, function calls and parentheses.
/// </summary>
internal sealed class CheckParser
{
    private const int MaxDepth = 64;
    private const string ValueExpected = "expected a number, a string, a reference, a function or '('";

    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly List<string> _referenceTexts = [];
    private readonly List<int> _referencePositions = [];
    private int _next;
    private int _depth;

    private CheckParser(string text)
    {
        _text = text;
        _tokens = CheckLexer.Tokenize(text);
    }

    /// <summary>Parses <paramref name="text"/>; references are numbered in order of first appearance.</summary>
    public static (CheckNode Root, string[] ReferenceTexts, int[] ReferencePositions) Parse(string text)
    {
        var parser = new CheckParser(text);
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw new CheckExpressionException("the expression is empty; expected a condition such as easi.total < 16", 0);
        }

        var root = parser.Or();
        var end = parser.Peek;
        if (end.Kind != TokenKind.End)
        {
            throw new CheckExpressionException(
                $"unexpected {parser.Describe(end)} at {end.Start}; expected an operator or the end of the expression", end.Start);
        }

        return (root, [.. parser._referenceTexts], [.. parser._referencePositions]);
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private CheckNode Or()
    {
        var left = And();
        while (Peek.Kind == TokenKind.Or)
        {
            var op = Take();
            left = new OrNode(op.Start, left, And());
        }

        return left;
    }

    private CheckNode And()
    {
        var left = Not();
        while (Peek.Kind == TokenKind.And)
        {
            var op = Take();
            left = new AndNode(op.Start, left, Not());
        }

        return left;
    }

    private CheckNode Not()
    {
        if (Peek.Kind != TokenKind.Not)
        {
            return Comparison();
        }

        var op = Take();
        Enter(op);
        var operand = Not();
        _depth--;
        return new NotNode(op.Start, operand);
    }

    private CheckNode Comparison()
    {
        var left = Additive();
        if (ComparisonOperator(Peek.Kind) is not { } kind)
        {
            return left;
        }

        var op = Take();
        var node = new BinaryNode(op.Start, kind, Symbol(op), left, Additive());
        if (ComparisonOperator(Peek.Kind) is not null)
        {
            var again = Peek;
            throw new CheckExpressionException(
                $"unexpected '{Symbol(again)}' at {again.Start}; comparisons do not chain, combine them with 'and'", again.Start);
        }

        return node;
    }

    private CheckNode Additive()
    {
        var left = Multiplicative();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Take();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryNode(op.Start, kind, Symbol(op), left, Multiplicative());
        }

        return left;
    }

    private CheckNode Multiplicative()
    {
        var left = Unary();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Take();
            var kind = op.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
            left = new BinaryNode(op.Start, kind, Symbol(op), left, Unary());
        }

        return left;
    }

    private CheckNode Unary()
    {
        if (Peek.Kind != TokenKind.Minus)
        {
            return Primary();
        }

        var op = Take();
        Enter(op);
        var operand = Unary();
        _depth--;

        // Fold "-3" into a literal so negative constants cost nothing at evaluation.
        return operand is LiteralNode { Value.Kind: CheckValueKind.Number } literal
            ? new LiteralNode(op.Start, CheckValue.FromNumber(-literal.Value.AsNumber))
            : new NegateNode(op.Start, operand);
    }

    private CheckNode Primary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralNode(token.Start, CheckValue.FromNumber(token.Number));
            case TokenKind.String:
                return new LiteralNode(token.Start, CheckValue.FromText(token.Text));
            case TokenKind.True:
                return new LiteralNode(token.Start, CheckValue.True);
            case TokenKind.False:
                return new LiteralNode(token.Start, CheckValue.False);
            case TokenKind.Null:
                return new LiteralNode(token.Start, CheckValue.Null);
            case TokenKind.Reference:
                return Reference(token);
            case TokenKind.Name:
                return Call(token);
            case TokenKind.LeftParen:
                Enter(token);
                var inner = Or();
                _depth--;
                Expect(TokenKind.RightParen, $"')' to close '(' at {token.Start}");
                return inner;
            default:
                throw new CheckExpressionException($"unexpected {Describe(token)} at {token.Start}; {ValueExpected}", token.Start);
        }
    }

    private ReferenceNode Reference(Token token)
    {
        var text = token.Text!;
        var index = _referenceTexts.IndexOf(text);
        if (index < 0)
        {
            index = _referenceTexts.Count;
            _referenceTexts.Add(text);
            _referencePositions.Add(token.Start);
        }

        return new ReferenceNode(token.Start, index);
    }

    private CheckNode Call(Token name)
    {
        if (Peek.Kind != TokenKind.LeftParen)
        {
            throw new CheckExpressionException(
                $"'{name.Text}' at {name.Start} is not a reference; write form.item (e.g. vitals.weight) or visit.form.item (e.g. baseline.easi.total)", name.Start);
        }

        if (name.Text is not ("isMissing" or "abs" or "daysBetween"))
        {
            throw new CheckExpressionException(
                $"unknown function '{name.Text}' at {name.Start}; functions: isMissing(ref), abs(x), daysBetween(a, b)", name.Start);
        }

        var open = Take();
        Enter(open);
        var firstStart = Peek.Start;
        var arguments = new List<CheckNode>(2);
        if (Peek.Kind != TokenKind.RightParen)
        {
            arguments.Add(Or());
            while (Peek.Kind == TokenKind.Comma)
            {
                Take();
                arguments.Add(Or());
            }
        }

        _depth--;
        Expect(TokenKind.RightParen, $"')' or ',' in the call of {name.Text} at {name.Start}");
        var expected = name.Text == "daysBetween" ? 2 : 1;
        if (arguments.Count != expected)
        {
            throw new CheckExpressionException(
                $"{name.Text} at {name.Start} takes {expected} argument{(expected == 1 ? "" : "s")}; got {arguments.Count}", name.Start);
        }

        return name.Text switch
        {
            "isMissing" => arguments[0] is ReferenceNode reference
                ? new IsMissingNode(name.Start, reference)
                : throw new CheckExpressionException(
                    $"isMissing at {name.Start} takes a reference such as isMissing(vitals.weight), not the expression at {firstStart}", firstStart),
            "abs" => new AbsNode(name.Start, arguments[0]),
            _ => new DaysBetweenNode(name.Start, arguments[0], arguments[1]),
        };
    }

    private void Expect(TokenKind kind, string what)
    {
        var token = Take();
        if (token.Kind != kind)
        {
            throw new CheckExpressionException($"unexpected {Describe(token)} at {token.Start}; expected {what}", token.Start);
        }
    }

    private void Enter(Token token)
    {
        if (++_depth > MaxDepth)
        {
            throw new CheckExpressionException($"the expression nests deeper than {MaxDepth} levels at {token.Start}; simplify it", token.Start);
        }
    }

    private string Describe(Token token) => token.Kind == TokenKind.End ? "end of expression" : $"'{_text.Substring(token.Start, token.Length)}'";

    private string Symbol(Token token) => _text.Substring(token.Start, token.Length);

    private static BinaryOperator? ComparisonOperator(TokenKind kind) => kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        _ => null,
    };
}
