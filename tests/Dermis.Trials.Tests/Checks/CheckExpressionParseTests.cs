using Dermis.Trials.Checks;

namespace Dermis.Trials.Tests.Checks;

public sealed class CheckExpressionParseTests
{
    private static CheckValue Eval(string text) => CheckExpression.Parse(text).Evaluate(_ => CheckValue.Null);

    [Theory]
    [InlineData("1 + 2 * 3 == 7")]                 // * before +
    [InlineData("(1 + 2) * 3 == 9")]
    [InlineData("10 - 4 - 3 == 3")]                // left-associative
    [InlineData("12 / 4 / 3 == 1")]
    [InlineData("-2 * 3 == -6")]
    [InlineData("2 - -1 == 3")]
    [InlineData("- -2 == 2")]
    [InlineData("-(1 + 2) == -3")]
    [InlineData("not 1 > 2")]                      // not binds looser than comparison: not (1 > 2)
    [InlineData("not true or true")]               // (not true) or true; not (true or true) would be false
    [InlineData("true or false and false")]        // and before or
    [InlineData("1 + 1 == 2 and 2 * 2 == 4")]
    [InlineData("0.1 + 0.2 == 0.3")]               // decimal, not double
    [InlineData("1.50 == 1.5")]
    [InlineData("'abc' == \"abc\"")]
    [InlineData("'a' != 'A'")]                  // ordinal, case-sensitive
    public void Parse_precedence_and_literals_give_hand_computed_true(string text)
    {
        Assert.Equal(CheckValue.True, Eval(text));
    }

    [Fact]
    public void Parse_keeps_text_and_lists_distinct_references_in_order_of_first_appearance()
    {
        var expression = CheckExpression.Parse("easi.total > baseline.easi.total * 1.5 or easi.total > 50");

        Assert.Equal("easi.total > baseline.easi.total * 1.5 or easi.total > 50", expression.Text);
        Assert.False(expression.IsBound);
        Assert.Equal(
            [new ItemReference(null, "easi", "total"), new ItemReference(null, "baseline", "easi.total")],
            expression.References);
    }

    [Fact]
    public void Parse_literal_numbers_are_exact_decimals()
    {
        Assert.Equal(CheckValue.FromNumber(0.30m), Eval("0.1 + 0.2"));
        Assert.Equal(0.9999999999999999999999999999m, Eval("1 / 3 * 3").AsNumber);
        Assert.Equal(-7.25m, Eval("-7.25").AsNumber);
    }

    [Theory]
    [InlineData("1 + )", 4, "unexpected ')' at 4; expected a number, a string, a reference, a function or '('")]
    [InlineData("", 0, "the expression is empty; expected a condition such as easi.total < 16")]
    [InlineData("   ", 0, "the expression is empty")]
    [InlineData("easi.total <", 12, "unexpected end of expression at 12; expected a number")]
    [InlineData("(1 + 2", 6, "unexpected end of expression at 6; expected ')' to close '(' at 0")]
    [InlineData("1 2", 2, "unexpected '2' at 2; expected an operator or the end of the expression")]
    [InlineData("vitals.weight = 3", 14, "unexpected '=' at 14; use '==' to compare")]
    [InlineData("a.b && c.d", 4, "unexpected '&&' at 4; use 'and'")]
    [InlineData("a.b || c.d", 4, "unexpected '||' at 4; use 'or'")]
    [InlineData("!a.b", 0, "unexpected '!' at 0; use '!=' to compare or 'not' to negate")]
    [InlineData("a.b $ 1", 4, "unexpected character '$' at 4")]
    [InlineData("1 < 2 < 3", 6, "unexpected '<' at 6; comparisons do not chain, combine them with 'and'")]
    [InlineData("weight > 3", 0, "'weight' at 0 is not a reference; write form.item (e.g. vitals.weight) or visit.form.item")]
    [InlineData("foo(1)", 0, "unknown function 'foo' at 0; functions: isMissing(ref), abs(x), daysBetween(a, b)")]
    [InlineData("abs(1, 2)", 0, "abs at 0 takes 1 argument; got 2")]
    [InlineData("daysBetween(a.b)", 0, "daysBetween at 0 takes 2 arguments; got 1")]
    [InlineData("abs(1", 5, "unexpected end of expression at 5; expected ')' or ',' in the call of abs at 0")]
    [InlineData("isMissing(1 + 2)", 10, "isMissing at 0 takes a reference such as isMissing(vitals.weight), not the expression at 10")]
    [InlineData("a.b == 'abc", 7, "unterminated string starting at 7; close it with '")]
    [InlineData("easi. total", 5, "expected a name after '.' at 5 in 'easi.'")]
    [InlineData("easi.1x", 5, "expected a name after '.' at 5")]
    [InlineData("1.2.3", 0, "malformed number '1.2.' at 0")]
    [InlineData("2x", 0, "malformed number '2x' at 0")]
    [InlineData("79228162514264337593543950336", 0, "number '79228162514264337593543950336' at 0 is outside the decimal range")]
    public void Parse_error_names_the_position_and_what_was_expected(string text, int position, string message)
    {
        var ex = Assert.Throws<CheckExpressionException>(() => CheckExpression.Parse(text));

        Assert.Equal(position, ex.Position);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_nesting_deeper_than_64_levels_is_rejected_not_a_stack_overflow()
    {
        var deep = new string('(', 65) + "1" + new string(')', 65);
        var ok = new string('(', 64) + "1" + new string(')', 64);

        var ex = Assert.Throws<CheckExpressionException>(() => CheckExpression.Parse(deep));

        Assert.Equal(64, ex.Position);
        Assert.Equal(CheckValue.FromNumber(1m), CheckExpression.Parse(ok).Evaluate(_ => CheckValue.Null));
        Assert.Throws<CheckExpressionException>(() => CheckExpression.Parse(string.Concat(Enumerable.Repeat("not ", 100000)) + "true"));
    }

    [Fact]
    public void Parse_keywords_are_lower_case_and_not_references()
    {
        Assert.Equal(CheckValue.Null, Eval("null"));
        Assert.Equal(CheckValue.False, Eval("false"));
        var ex = Assert.Throws<CheckExpressionException>(() => CheckExpression.Parse("True"));
        Assert.Equal("'True' at 0 is not a reference; write form.item (e.g. vitals.weight) or visit.form.item (e.g. baseline.easi.total)", ex.Message);
    }

    [Fact]
    public void Parse_reference_segments_may_be_keywords_after_the_first()
    {
        var expression = CheckExpression.Parse("f.not.and == 1");

        Assert.Equal(new ItemReference(null, "f", "not.and"), Assert.Single(expression.References));
    }
}
