using Dermis.Trials.Checks;

namespace Dermis.Trials.Tests.Checks;

public sealed class CheckValueTests
{
    [Fact]
    public void Default_is_null()
    {
        Assert.True(default(CheckValue).IsNull);
        Assert.Equal(CheckValue.Null, default);
        Assert.Equal("null", CheckValue.Null.ToString());
    }

    [Fact]
    public void Factories_round_trip_and_format_as_expressions_write_them()
    {
        Assert.Equal((CheckValueKind.Number, 20.1m, "20.1"), (CheckValue.FromNumber(20.1m).Kind, CheckValue.FromNumber(20.1m).AsNumber, CheckValue.FromNumber(20.1m).ToString()));
        Assert.Equal(("moderate", "'moderate'"), (CheckValue.FromText("moderate").AsText, CheckValue.FromText("moderate").ToString()));
        Assert.Equal((true, "true"), (CheckValue.FromBoolean(true).AsBoolean, CheckValue.True.ToString()));
        Assert.Equal((new DateOnly(2025, 3, 1), "2025-03-01"), (CheckValue.FromDate(new DateOnly(2025, 3, 1)).AsDate, CheckValue.FromDate(new DateOnly(2025, 3, 1)).ToString()));
    }

    [Fact]
    public void Nullable_factories_map_null_to_null()
    {
        Assert.True(CheckValue.FromNumber((decimal?)null).IsNull);
        Assert.True(CheckValue.FromText(null).IsNull);
        Assert.True(CheckValue.FromBoolean((bool?)null).IsNull);
        Assert.True(CheckValue.FromDate((DateOnly?)null).IsNull);
        Assert.Equal(CheckValueKind.Text, CheckValue.FromText("").Kind);
    }

    [Fact]
    public void Equal_numbers_with_different_scale_are_equal_values()
    {
        Assert.Equal(CheckValue.FromNumber(1.0m), CheckValue.FromNumber(1m));
        Assert.NotEqual(CheckValue.FromNumber(1m), CheckValue.FromText("1"));
    }

    [Fact]
    public void Wrong_accessor_throws_naming_the_value()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => CheckValue.FromText("a").AsNumber);

        Assert.Equal("the value is text 'a', not a number", ex.Message);
    }
}
