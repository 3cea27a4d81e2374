using Dermis.Trials.Protocol;

namespace Dermis.Trials.Tests.Protocol;

/// <summary>
/// Small protocols for rule tests: a fixed 4-line head (study, arms, consent, eligibility), so a
/// test's own YAML starts at line 5, and the usual visits/forms tail when a test varies something else.
/// </summary>
internal static class ProtocolTestYaml
{
    public const string Head = """
        study: { id: S1, name: Study, version: "1", sponsor: Sponsor }
        arms: [ { id: a, name: A } ]
        consent: { documentVersion: "1" }
        eligibility: []
        """;

    /// <summary>Lines 5–8: one anchor visit collecting form f1 (custom, integer item x).</summary>
    public const string VisitsAndForms = """
        visits:
          - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [f1] }
        forms:
          - { id: f1, name: F1, items: [ { id: x, label: X, type: integer } ] }
        """;

    public static ProtocolDefinition Parse(string tail) => ProtocolParser.Parse(Head + "\n" + tail, "t.yaml");

    public static ProtocolException Fail(string tail) => Assert.Throws<ProtocolException>(() => Parse(tail));

    /// <summary>Asserts that an error at exactly (<paramref name="line"/>, <paramref name="column"/>) contains <paramref name="text"/>.</summary>
    public static void AssertError(ProtocolException ex, int line, int column, string text)
    {
        var found = ex.Errors.Any(e => e.Line == line && e.Column == column && e.Message.Contains(text, StringComparison.Ordinal));
        Assert.True(found, $"no error at {line}:{column} containing \"{text}\"; errors:\n{ex.FormatAll()}");
    }

    /// <summary>Asserts that the only error is at (<paramref name="line"/>, <paramref name="column"/>) and contains <paramref name="text"/>.</summary>
    public static void AssertOnlyError(ProtocolException ex, int line, int column, string text)
    {
        Assert.True(ex.Errors.Count == 1, $"expected one error; got:\n{ex.FormatAll()}");
        AssertError(ex, line, column, text);
    }
}
