using System.Globalization;

namespace Dermis.Trials.Checks;

internal enum TokenKind
{
    End,
    Number,
    String,
    Reference,
    Name,
    True,
    False,
    Null,
    And,
    Or,
    Not,
    LeftParen,
    RightParen,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>One token: its kind, where it starts, its length, and its value for literals and names.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, decimal Number = 0m, string? Text = null);

/// <summary>Splits an expression into tokens; dotted names (<c>baseline.easi.total</c>) are one token.</summary>
internal static class CheckLexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                tokens.Add(new Token(TokenKind.End, i, 0));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (char.IsAsciiLetter(c))
            {
                tokens.Add(ReadName(text, ref i));
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new CheckExpressionException($"unterminated string starting at {start}; close it with {c}", start);
                }

                tokens.Add(new Token(TokenKind.String, start, end + 1 - start, Text: text[(start + 1)..end]));
                i = end + 1;
            }
            else
            {
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                var (kind, length) = (c, next) switch
                {
                    ('(', _) => (TokenKind.LeftParen, 1),
                    (')', _) => (TokenKind.RightParen, 1),
                    (',', _) => (TokenKind.Comma, 1),
                    ('+', _) => (TokenKind.Plus, 1),
                    ('-', _) => (TokenKind.Minus, 1),
                    ('*', _) => (TokenKind.Star, 1),
                    ('/', _) => (TokenKind.Slash, 1),
                    ('=', '=') => (TokenKind.Equal, 2),
                    ('!', '=') => (TokenKind.NotEqual, 2),
                    ('<', '=') => (TokenKind.LessOrEqual, 2),
                    ('<', _) => (TokenKind.Less, 1),
                    ('>', '=') => (TokenKind.GreaterOrEqual, 2),
                    ('>', _) => (TokenKind.Greater, 1),
                    _ => throw Unexpected(c, next, start),
                };
                tokens.Add(new Token(kind, start, length));
                i += length;
            }
        }
    }

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] is '_' or '.'))
        {
            throw new CheckExpressionException(
                $"malformed number '{text[start..(i + 1)]}' at {start}; write numbers as 12 or 12.5, and references as form.item starting with a letter", start);
        }

        var span = text.AsSpan(start, i - start);
        if (!decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new CheckExpressionException($"number '{span}' at {start} is outside the decimal range (±7.9e28, 28 decimals)", start);
        }

        return new Token(TokenKind.Number, start, i - start, value);
    }

    private static Token ReadName(string text, ref int i)
    {
        var start = i;
        var dotted = false;
        while (true)
        {
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            if (i < text.Length && text[i] == '.')
            {
                if (i + 1 >= text.Length || !char.IsAsciiLetter(text[i + 1]))
                {
                    throw new CheckExpressionException(
                        $"expected a name after '.' at {i + 1} in '{text[start..(i + 1)]}'; segments of a reference start with a letter", i + 1);
                }

                dotted = true;
                i++;
                continue;
            }

            break;
        }

        var name = text[start..i];
        if (dotted)
        {
            return new Token(TokenKind.Reference, start, i - start, Text: name);
        }

        var kind = name switch
        {
            "and" => TokenKind.And,
            "or" => TokenKind.Or,
            "not" => TokenKind.Not,
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            _ => TokenKind.Name,
        };
        return new Token(kind, start, i - start, Text: name);
    }

    private static CheckExpressionException Unexpected(char c, char next, int position) => (c, next) switch
    {
        ('=', _) => new($"unexpected '=' at {position}; use '==' to compare", position),
        ('!', _) => new($"unexpected '!' at {position}; use '!=' to compare or 'not' to negate", position),
        ('&', '&') => new($"unexpected '&&' at {position}; use 'and'", position),
        ('|', '|') => new($"unexpected '||' at {position}; use 'or'", position),
        _ => new($"unexpected character '{c}' at {position}; expected a number, a string, a reference, an operator or a parenthesis", position),
    };
}
