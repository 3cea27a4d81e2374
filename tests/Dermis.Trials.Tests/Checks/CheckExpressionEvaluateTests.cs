using Dermis.Trials.Checks;

namespace Dermis.Trials.Tests.Checks;

public sealed class CheckExpressionEvaluateTests
{
    private static readonly DateOnly Feb28 = new(2024, 2, 28);
    private static readonly DateOnly Mar01 = new(2024, 3, 1);

    /// <summary>f.x = null, f.n = 5, f.t = 'mild', f.b = true, f.d1 = 2024-02-28, f.d2 = 2024-03-01, f.zero = 0.</summary>
    private static CheckValue Resolve(ItemReference reference) => reference.ItemPath switch
    {
        "n" => CheckValue.FromNumber(5m),
        "t" => CheckValue.FromText("mild"),
        "b" => CheckValue.True,
        "d1" => CheckValue.FromDate(Feb28),
        "d2" => CheckValue.FromDate(Mar01),
        "zero" => CheckValue.FromNumber(0m),
        _ => CheckValue.Null,
    };

    private static CheckValue Eval(string text) => CheckExpression.Parse(text).Evaluate(Resolve);

    [Theory]
    [InlineData("f.x + 1")]
    [InlineData("f.x * 0")]
    [InlineData("-f.x")]
    [InlineData("f.x > 3")]
    [InlineData("f.x <= f.n")]
    [InlineData("f.x > 3 and true")]       // Kleene: null and true = null
    [InlineData("f.x > 3 or false")]       // null or false = null
    [InlineData("not (f.x > 3)")]
    [InlineData("abs(f.x)")]
    [InlineData("daysBetween(f.x, f.d2)")]
    [InlineData("f.n / 0")]                // division by zero gives null
    [InlineData("f.n / f.zero > 1")]
    public void Evaluate_missing_operand_gives_null(string text)
    {
        Assert.Equal(CheckValue.Null, Eval(text));
    }

    [Theory]
    [InlineData("f.x > 3 or true", true)]   // true wins over null
    [InlineData("f.x > 3 and false", false)] // false wins over null
    [InlineData("f.x == null", true)]
    [InlineData("null == null", true)]
    [InlineData("f.x == 3", false)]
    [InlineData("f.x != 3", true)]
    [InlineData("f.x != null", false)]
    [InlineData("f.n != null", true)]
    [InlineData("isMissing(f.x)", true)]
    [InlineData("isMissing(f.zero)", false)]
    [InlineData("isMissing(f.t)", false)]
    [InlineData("not isMissing(f.n) and f.n > 4", true)]
    public void Evaluate_null_equality_and_is_missing_give_booleans(string text, bool expected)
    {
        Assert.Equal(CheckValue.FromBoolean(expected), Eval(text));
    }

    [Theory]
    [InlineData("f.n * 2 + 1", 11)]
    [InlineData("f.n - 7", -2)]
    [InlineData("f.n / 4", 1.25)]
    [InlineData("abs(3 - f.n)", 2)]
    [InlineData("abs(-2.5)", 2.5)]
    [InlineData("daysBetween(f.d1, f.d2)", 2)]      // 2024 is a leap year: Feb 28 → Feb 29 → Mar 1
    [InlineData("daysBetween(f.d2, f.d1)", -2)]
    [InlineData("daysBetween(f.d1, f.d1)", 0)]
    public void Evaluate_arithmetic_and_functions_give_hand_computed_numbers(string text, double expected)
    {
        Assert.Equal(CheckValue.FromNumber((decimal)expected), Eval(text));
    }

    [Theory]
    [InlineData("f.t == 'mild'", true)]
    [InlineData("f.t == \"mild\"", true)]
    [InlineData("f.t == 'Mild'", false)]
    [InlineData("f.t != 'severe'", true)]
    [InlineData("f.t < 'moderate'", true)]          // ordinal order
    [InlineData("f.b == true", true)]
    [InlineData("f.b", true)]
    [InlineData("f.b and not false", true)]
    [InlineData("f.d1 < f.d2", true)]
    [InlineData("f.d1 == f.d1", true)]
    [InlineData("f.n >= 5 and f.n <= 5", true)]
    [InlineData("f.n > 5", false)]
    public void Evaluate_comparisons_of_text_booleans_dates_and_numbers(string text, bool expected)
    {
        Assert.Equal(CheckValue.FromBoolean(expected), Eval(text));
    }

    [Theory]
    [InlineData("'a' < 3", 4, "'<' at 4 cannot compare text 'a' with number 3")]
    [InlineData("f.t == 1", 4, "'==' at 4 cannot compare text 'mild' with number 1")]
    [InlineData("'a' + 1", 4, "'+' at 4 needs numbers; got text 'a' and number 1")]
    [InlineData("f.x + 'a'", 4, "'+' at 4 needs numbers; got null and text 'a'")]   // type errors do not depend on missing data
    [InlineData("true < false", 5, "'<' at 5 cannot order boolean true and boolean false")]
    [InlineData("1 and true", 2, "'and' at 2 needs true, false or null; got number 1")]
    [InlineData("false or 'x'", 6, "'or' at 6 needs true, false or null; got text 'x'")]
    [InlineData("not 3", 0, "'not' at 0 needs true, false or null; got number 3")]
    [InlineData("-f.t", 0, "'-' at 0 needs a number; got text 'mild'")]
    [InlineData("abs(f.d1)", 0, "abs at 0 needs a number; got date 2024-02-28")]
    [InlineData("daysBetween(1, f.d2)", 0, "daysBetween at 0 needs two dates; got number 1 and date 2024-03-01")]
    [InlineData("f.d1 > 3", 5, "'>' at 5 cannot compare date 2024-02-28 with number 3")]
    [InlineData("79228162514264337593543950335 * 2", 30, "'*' at 30 overflows the decimal range")]
    public void Evaluate_type_error_names_the_operator_and_position(string text, int position, string message)
    {
        var expression = CheckExpression.Parse(text);

        var ex = Assert.Throws<CheckExpressionException>(() => expression.Evaluate(Resolve));

        Assert.Equal(position, ex.Position);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_and_short_circuits_so_a_false_left_side_hides_a_type_error()
    {
        Assert.Equal(CheckValue.False, Eval("false and 'x' < 1"));
        Assert.Equal(CheckValue.True, Eval("true or 'x' < 1"));
    }

    [Fact]
    public void Holds_is_true_only_for_true()
    {
        Assert.True(CheckExpression.Parse("f.n > 4").Holds(Resolve));
        Assert.False(CheckExpression.Parse("f.n > 5").Holds(Resolve));
        Assert.False(CheckExpression.Parse("f.x > 5").Holds(Resolve));   // missing data never fires
    }

    [Fact]
    public void Holds_on_a_non_boolean_result_says_what_it_got()
    {
        var ex = Assert.Throws<CheckExpressionException>(() => CheckExpression.Parse("f.n + 1").Holds(Resolve));

        Assert.Equal("the condition 'f.n + 1' gave number 6; a condition must give true or false (compare it, e.g. 'f.n + 1 > 0')", ex.Message);
    }

    [Fact]
    public void Evaluate_calls_the_resolver_with_the_references_as_written()
    {
        var seen = new List<ItemReference>();

        CheckExpression.Parse("week16.easi.total - easi.total").Evaluate(r =>
        {
            seen.Add(r);
            return CheckValue.FromNumber(1m);
        });

        Assert.Equal([new ItemReference(null, "week16", "easi.total"), new ItemReference(null, "easi", "total")], seen);
    }

    [Fact]
    public void Evaluate_allocates_nothing_per_call()
    {
        var expression = CheckExpression.Parse("abs(f.n - 2) * 1.5 > 4 and not isMissing(f.n) and f.t == 'mild' and daysBetween(f.d1, f.d2) <= 2");
        Func<ItemReference, CheckValue> resolve = Resolve;
        for (var i = 0; i < 1000; i++)
        {
            expression.Evaluate(resolve);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var fired = 0;
        for (var i = 0; i < 10_000; i++)
        {
            fired += expression.Holds(resolve) ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(10_000, fired);
        Assert.Equal(0, allocated);
    }
}
