using Dermis.Trials.Participants;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Tests.Domain;

public sealed class EligibilityTests
{
    private static readonly ProtocolDefinition _protocol = DomainProtocol.Create(eligibility:
    [
        new EligibilityCriterion("IC1", CriterionKind.Inclusion, "Age 18 or older"),
        new EligibilityCriterion("IC2", CriterionKind.Inclusion, "EASI 16 or more at baseline"),
        new EligibilityCriterion("EC1", CriterionKind.Exclusion, "Systemic immunosuppressant in the last 4 weeks"),
        new EligibilityCriterion("EC2", CriterionKind.Exclusion, "Pregnant or breastfeeding"),
    ]);

    private static EligibilityResult Evaluate(params (string Id, bool Met)[] answers) =>
        Eligibility.Evaluate(_protocol, answers.ToDictionary(a => a.Id, a => a.Met));

    [Fact]
    public void Evaluate_inclusions_yes_exclusions_no_is_complete_and_eligible()
    {
        var result = Evaluate(("IC1", true), ("IC2", true), ("EC1", false), ("EC2", false));

        Assert.True(result.IsComplete);
        Assert.True(result.IsEligible);
        Assert.Empty(result.Failed);
        Assert.Empty(result.Unanswered);
    }

    [Fact]
    public void Evaluate_inclusion_not_met_fails_that_criterion()
    {
        var result = Evaluate(("IC1", true), ("IC2", false), ("EC1", false), ("EC2", false));

        Assert.True(result.IsComplete);
        Assert.False(result.IsEligible);
        Assert.Equal(["IC2"], result.Failed);
        Assert.Empty(result.Unanswered);
    }

    [Fact]
    public void Evaluate_exclusion_met_fails_that_criterion()
    {
        var result = Evaluate(("IC1", true), ("IC2", true), ("EC1", true), ("EC2", false));

        Assert.True(result.IsComplete);
        Assert.False(result.IsEligible);
        Assert.Equal(["EC1"], result.Failed);
    }

    [Fact]
    public void Evaluate_failures_are_listed_in_protocol_order_not_answer_order()
    {
        // Every answer is the wrong one: inclusions no, exclusions yes.
        var result = Evaluate(("EC2", true), ("IC2", false), ("EC1", true), ("IC1", false));

        Assert.Equal(["IC1", "IC2", "EC1", "EC2"], result.Failed);
    }

    [Fact]
    public void Evaluate_missing_answer_is_incomplete_and_not_eligible()
    {
        var result = Evaluate(("IC1", true), ("IC2", true), ("EC1", false));

        Assert.False(result.IsComplete);
        Assert.False(result.IsEligible);
        Assert.Empty(result.Failed);
        Assert.Equal(["EC2"], result.Unanswered);
    }

    [Fact]
    public void Evaluate_incomplete_checklist_still_reports_failures()
    {
        var result = Evaluate(("IC1", false), ("EC1", false));

        Assert.False(result.IsComplete);
        Assert.False(result.IsEligible);
        Assert.Equal(["IC1"], result.Failed);
        Assert.Equal(["IC2", "EC2"], result.Unanswered);
    }

    [Fact]
    public void Evaluate_no_answers_lists_every_criterion_unanswered()
    {
        var result = Evaluate();

        Assert.False(result.IsComplete);
        Assert.False(result.IsEligible);
        Assert.Equal(["IC1", "IC2", "EC1", "EC2"], result.Unanswered);
        Assert.Empty(result.Failed);
    }

    [Fact]
    public void Evaluate_unknown_criterion_throws_naming_it_and_the_allowed_ids()
    {
        var ex = Assert.Throws<ArgumentException>(() => Evaluate(("IC1", true), ("IC9", true)));

        Assert.Equal("answers", ex.ParamName);
        Assert.Equal("'IC9' is not an eligibility criterion of DERM-AD-301 1.0; allowed: IC1, IC2, EC1, EC2 (Parameter 'answers')", ex.Message);
    }

    [Fact]
    public void Evaluate_criterion_ids_are_case_sensitive()
    {
        var ex = Assert.Throws<ArgumentException>(() => Evaluate(("ic1", true)));

        Assert.StartsWith("'ic1' is not an eligibility criterion of DERM-AD-301 1.0;", ex.Message, StringComparison.Ordinal);
    }
}
