using System.Text.Json;
using Dermis.Trials.Forms;

namespace Dermis.Trials.Tests.Domain;

public sealed class ItemChangeTests
{
    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static IReadOnlyList<ItemChange> Between(string? before, string after) =>
        ItemChange.Between(before is null ? null : Json(before), Json(after));

    [Fact]
    public void Between_first_save_lists_every_leaf_as_added_in_ordinal_path_order()
    {
        var changes = Between(null, """{ "weight": 72.5, "initials": "AB", "smoker": false, "sex": null }""");

        // Null is "no value", so sex is not a leaf; values are JSON text (strings keep their quotes).
        Assert.Equal(
            [new ItemChange("initials", null, "\"AB\""), new ItemChange("smoker", null, "false"), new ItemChange("weight", null, "72.5")],
            changes);
    }

    [Fact]
    public void Between_identical_documents_has_no_changes()
    {
        Assert.Empty(Between("""{ "a": 1, "b": { "c": [1, 2] } }""", """{ "b": { "c": [1, 2] }, "a": 1 }"""));
    }

    [Fact]
    public void Between_nested_object_change_uses_dotted_path()
    {
        var changes = Between(
            """{ "regions": { "head": { "erythema": 2, "area": 2 }, "trunk": { "area": 1 } } }""",
            """{ "regions": { "head": { "erythema": 2, "area": 3 }, "trunk": { "area": 1 } } }""");

        Assert.Equal([new ItemChange("regions.head.area", "2", "3")], changes);
    }

    [Fact]
    public void Between_array_element_change_uses_index_path()
    {
        var changes = Between("""{ "answers": [3, 2, 1, 0] }""", """{ "answers": [3, 2, 2, 0] }""");

        Assert.Equal([new ItemChange("answers[2]", "1", "2")], changes);
    }

    [Fact]
    public void Between_array_of_objects_combines_index_and_dotted_path()
    {
        var changes = Between("""{ "lesions": [{ "site": "arm" }, { "site": "leg" }] }""", """{ "lesions": [{ "site": "arm" }, { "site": "hand" }] }""");

        Assert.Equal([new ItemChange("lesions[1].site", "\"leg\"", "\"hand\"")], changes);
    }

    [Fact]
    public void Between_shorter_array_removes_trailing_elements()
    {
        var changes = Between("""{ "answers": [1, 2, 3] }""", """{ "answers": [1, 2] }""");

        Assert.Equal([new ItemChange("answers[2]", "3", null)], changes);
    }

    [Fact]
    public void Between_null_and_absent_are_the_same_value()
    {
        Assert.Empty(Between("""{ "a": 1, "b": null }""", """{ "a": 1 }"""));
        Assert.Empty(Between("""{ "a": 1 }""", """{ "a": 1, "b": null }"""));
    }

    [Theory]
    [InlineData("2", "2.0")]
    [InlineData("2.5", "2.50")]
    [InlineData("100", "1e2")]
    [InlineData("0.1", "1E-1")]
    public void Between_same_number_written_differently_is_no_change(string before, string after)
    {
        Assert.Empty(Between($$"""{ "w": {{before}} }""", $$"""{ "w": {{after}} }"""));
    }

    [Fact]
    public void Between_number_change_is_written_normalised()
    {
        // 72.50 → 73.00 is recorded as 72.5 → 73 (trailing zeros removed).
        Assert.Equal([new ItemChange("weight", "72.5", "73")], Between("""{ "weight": 72.50 }""", """{ "weight": 73.00 }"""));
    }

    [Fact]
    public void Between_number_and_string_of_same_digits_differ()
    {
        Assert.Equal([new ItemChange("w", "2", "\"2\"")], Between("""{ "w": 2 }""", """{ "w": "2" }"""));
    }

    [Fact]
    public void Between_removed_item_has_null_new_value()
    {
        var changes = Between("""{ "initials": "AB", "weight": 72 }""", """{ "weight": 72 }""");

        Assert.Equal([new ItemChange("initials", "\"AB\"", null)], changes);
    }

    [Fact]
    public void Between_set_to_null_is_a_removal()
    {
        Assert.Equal([new ItemChange("smoker", "true", null)], Between("""{ "smoker": true }""", """{ "smoker": null }"""));
    }

    [Fact]
    public void Between_object_replaced_by_value_removes_its_leaves()
    {
        var changes = Between("""{ "a": { "b": 1, "c": 2 } }""", """{ "a": 5 }""");

        // Ordinal order: "a" < "a.b" < "a.c".
        Assert.Equal([new ItemChange("a", null, "5"), new ItemChange("a.b", "1", null), new ItemChange("a.c", "2", null)], changes);
    }

    [Fact]
    public void Between_several_changes_are_sorted_by_ordinal_path()
    {
        var changes = Between("""{ "z": 1, "B": 1, "a": 1 }""", """{ "z": 2, "B": 2, "a": 2 }""");

        // Ordinal: uppercase 'B' (0x42) sorts before 'a' (0x61) and 'z'.
        Assert.Equal(["B", "a", "z"], changes.Select(c => c.Path));
    }
}
