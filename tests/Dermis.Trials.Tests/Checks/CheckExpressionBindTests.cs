using Dermis.Trials.Checks;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Tests.Checks;

public sealed class CheckExpressionBindTests
{
    /// <summary>Visits screening (vitals), baseline (vitals, easi), week16 (easi); forms easi (instrument), vitals (weight, height).</summary>
    private static readonly ProtocolDefinition Protocol = new(
        "S1", "Study", "1", "Sponsor", [new ArmDefinition("a", "A", 1)], [], "1", [],
        [
            new VisitDefinition("screening", "Screening", -14, 0, 13, false, false, ["vitals"]),
            new VisitDefinition("baseline", "Baseline", 1, 0, 0, true, false, ["vitals", "easi"]),
            new VisitDefinition("week16", "Week 16", 113, 7, 7, false, false, ["easi"]),
        ],
        [
            new FormDefinition("easi", "EASI", "easi", []),
            new FormDefinition("vitals", "Vitals", null, [
                new ItemDefinition("weight", "Weight", ItemType.Decimal, true, "kg", null, null, null),
                new ItemDefinition("height", "Height", ItemType.Decimal, false, "cm", null, null, null),
            ]),
        ],
        [], []);

    [Fact]
    public void Bind_splits_a_leading_visit_id_off_visit_qualified_references()
    {
        var bound = CheckExpression.Parse("easi.total > baseline.easi.total * 1.5 and week16.easi.regions.head.area > 2").Bind(Protocol);

        Assert.True(bound.IsBound);
        Assert.Equal(
            [
                new ItemReference(null, "easi", "total"),
                new ItemReference("baseline", "easi", "total"),
                new ItemReference("week16", "easi", "regions.head.area"),
            ],
            bound.References);
        Assert.Equal("baseline.easi.total", bound.References[1].ToString());
    }

    [Fact]
    public void Bind_accepts_any_path_into_an_instrument_form_and_only_item_ids_of_a_custom_form()
    {
        var bound = CheckExpression.Parse("easi.band == 'severe' and vitals.weight / (vitals.height * vitals.height) > 0.004").Bind(Protocol);

        Assert.Equal(
            [new ItemReference(null, "easi", "band"), new ItemReference(null, "vitals", "weight"), new ItemReference(null, "vitals", "height")],
            bound.References);
    }

    [Fact]
    public void Bind_leaves_the_unbound_expression_unchanged()
    {
        var parsed = CheckExpression.Parse("baseline.easi.total > 16");

        var bound = parsed.Bind(Protocol);

        Assert.Equal(new ItemReference(null, "baseline", "easi.total"), Assert.Single(parsed.References));
        Assert.Equal(new ItemReference("baseline", "easi", "total"), Assert.Single(bound.References));
        Assert.Equal(parsed.Text, bound.Text);
        Assert.False(parsed.IsBound);
    }

    [Fact]
    public void Evaluate_bound_expression_resolves_visit_qualified_values()
    {
        var values = new Dictionary<ItemReference, CheckValue>
        {
            [new ItemReference(null, "easi", "total")] = CheckValue.FromNumber(31m),
            [new ItemReference("baseline", "easi", "total")] = CheckValue.FromNumber(20m),
        };
        var bound = CheckExpression.Parse("easi.total > baseline.easi.total * 1.5").Bind(Protocol);

        Assert.True(bound.Holds(r => values.GetValueOrDefault(r)));
        values[new ItemReference(null, "easi", "total")] = CheckValue.FromNumber(30m);
        Assert.False(bound.Holds(r => values.GetValueOrDefault(r)));
    }

    [Theory]
    [InlineData("easi.total > 3 and eesi.total > 1", 19, "reference 'eesi.total' at 19: 'eesi' is neither a form nor a visit; forms: easi, vitals; visits: screening, baseline, week16")]
    [InlineData("vitals.bmi > 30", 0, "reference 'vitals.bmi' at 0: 'bmi' is not an item of form 'vitals'; items: weight, height")]
    [InlineData("vitals.weight.kg > 30", 0, "reference 'vitals.weight.kg' at 0: 'weight.kg' is not an item of form 'vitals'; items: weight, height")]
    [InlineData("1 + baseline.easi > 3", 4, "reference 'baseline.easi' at 4 names visit 'baseline' and form 'easi' but no item; e.g. baseline.easi.total")]
    [InlineData("screening.easi.total > 3", 0, "reference 'screening.easi.total' at 0: visit 'screening' does not collect form 'easi'; it collects vitals")]
    [InlineData("baseline.viga.grade > 3", 0, "reference 'baseline.viga.grade' at 0: 'viga' is not a form of visit 'baseline'; it collects vitals, easi")]
    public void Bind_unknown_visit_form_or_item_names_the_reference_and_its_position(string text, int position, string message)
    {
        var parsed = CheckExpression.Parse(text);

        var ex = Assert.Throws<CheckExpressionException>(() => parsed.Bind(Protocol));

        Assert.Equal(position, ex.Position);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void CompiledEditCheck_compile_prefixes_errors_with_the_check_id()
    {
        var protocol = Protocol with { EditChecks = [new EditCheckDefinition("EC1", "vitals", null, "vitals.bmi > 30", "BMI", null)] };

        var ex = Assert.Throws<CheckExpressionException>(() => CompiledEditCheck.Compile(protocol));

        Assert.StartsWith("edit check 'EC1': reference 'vitals.bmi' at 0", ex.Message, StringComparison.Ordinal);
    }
}
