using System.Globalization;
using System.Text;

namespace Dermis.Server.Web.Charts;

/// <summary>
/// Appends SVG markup to one <see cref="StringBuilder"/>: numbers in invariant culture with at
/// most two decimals, text XML-escaped. Numbers are formatted into a stack buffer, so drawing a
/// point allocates nothing beyond the builder's own growth.
/// </summary>
internal sealed class SvgBuilder(int capacity = 4096)
{
    private readonly StringBuilder _sb = new(capacity);

    /// <summary>Appends markup written by the chart itself (never user text).</summary>
    public SvgBuilder Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    /// <summary>Appends one character of markup.</summary>
    public SvgBuilder Raw(char markup)
    {
        _sb.Append(markup);
        return this;
    }

    /// <summary>Appends a coordinate or value rounded to two decimals, "-0" written as "0".</summary>
    /// <remarks>
    /// Written as a whole number of hundredths, digit by digit: the same text as the format
    /// "0.##" (ties away from zero) at a fraction of the cost, which matters at thousands of
    /// points a chart. Beyond ±10^13 hundredths would overflow, so the general path takes over.
    /// </remarks>
    public SvgBuilder Num(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e13)
        {
            return Num(value, "0.##");
        }

        var hundredths = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
        if (hundredths < 0)
        {
            _sb.Append('-');
            hundredths = -hundredths;
        }

        Span<char> digits = stackalloc char[20];
        (hundredths / 100).TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        _sb.Append(digits[..written]);
        var fraction = (int)(hundredths % 100);
        if (fraction != 0)
        {
            _sb.Append('.').Append((char)('0' + fraction / 10));
            if (fraction % 10 != 0)
            {
                _sb.Append((char)('0' + fraction % 10));
            }
        }

        return this;
    }

    /// <summary>Appends a number with a .NET format string, in invariant culture.</summary>
    public SvgBuilder Num(double value, string format)
    {
        if (!double.IsFinite(value))
        {
            // Coordinates are finite by construction; this keeps a stray NaN from producing invalid SVG.
            value = 0;
        }

        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            // A tiny negative value rounds to "-0" or "-0.0"; a reader should see zero.
            if (written > 1 && buffer[0] == '-' && IsZero(buffer[1..written]))
            {
                buffer = buffer[1..];
                written--;
            }

            _sb.Append(buffer[..written]);
        }
        else
        {
            _sb.Append(value.ToString(format, CultureInfo.InvariantCulture));
        }

        return this;
    }

    private static bool IsZero(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (c is not ('0' or '.' or ','))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends a date with a .NET format string, in invariant culture (English month names).</summary>
    public SvgBuilder Date(DateOnly date, string format)
    {
        Span<char> buffer = stackalloc char[32];
        if (date.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            _sb.Append(buffer[..written]);
        }
        else
        {
            _sb.Append(date.ToString(format, CultureInfo.InvariantCulture));
        }

        return this;
    }

    /// <summary>
    /// Appends text XML-escaped for both element content and double-quoted attributes. Characters
    /// XML forbids (control characters, lone surrogates) are dropped: participant-supplied labels
    /// must not make the page's markup invalid.
    /// </summary>
    public SvgBuilder Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return this;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': _sb.Append("&amp;"); break;
                case '<': _sb.Append("&lt;"); break;
                case '>': _sb.Append("&gt;"); break;
                case '"': _sb.Append("&quot;"); break;
                case '\'': _sb.Append("&#39;"); break;
                case '\t' or '\n' or '\r': _sb.Append(' '); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        _sb.Append(c).Append(text[++i]);
                    }
                    else if (!char.IsSurrogate(c))
                    {
                        _sb.Append(c);
                    }

                    break;
            }
        }

        return this;
    }

    /// <summary>Appends <c> name="value"</c> with the value escaped.</summary>
    public SvgBuilder Attr(string name, string? value)
    {
        _sb.Append(' ').Append(name).Append("=\"");
        Text(value);
        _sb.Append('"');
        return this;
    }

    /// <summary>Appends <c> name="number"</c>.</summary>
    public SvgBuilder Attr(string name, double value)
    {
        _sb.Append(' ').Append(name).Append("=\"");
        Num(value);
        _sb.Append('"');
        return this;
    }

    /// <summary>Appends a text element: <c>&lt;text x y [attributes]&gt;escaped&lt;/text&gt;</c>.</summary>
    public SvgBuilder TextElement(double x, double y, string? text, string attributes)
    {
        Raw("<text").Attr("x", x).Attr("y", y).Raw(' ').Raw(attributes).Raw('>').Text(text).Raw("</text>\n");
        return this;
    }

    /// <summary>Appends a straight line element with raw styling attributes.</summary>
    public SvgBuilder Line(double x1, double y1, double x2, double y2, string attributes)
    {
        Raw("<line").Attr("x1", x1).Attr("y1", y1).Attr("x2", x2).Attr("y2", y2).Raw(' ').Raw(attributes).Raw("/>\n");
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => _sb.ToString();
}
