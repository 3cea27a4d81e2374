using Dermis.Precision.Responders;

namespace Dermis.Precision.Tests.Responders;

// Reference: trials.md §4.2 (EASI-x: improvement ≥ x %, exactly at the boundary counts; double traps 24.4→6.1, 18→1.8),
// §4.5 (IGA 0/1 = value 0/1 and ≥ 2-grade reduction: 3→1 and 4→1 respond, 2→1 does not), §4.9 (itch ≥ 4-point improvement,
// baseline ≥ 4; 7.857→3.571 responds). Hand computations in each case; all comparisons exact (decimal).
public sealed class ResponderRulesTests
{
    private const IntercurrentEventRule Nri = IntercurrentEventRule.NonResponderImputation;
    private const IntercurrentEventRule Observed = IntercurrentEventRule.AsObserved;

    private static ResponderOutcome Classify(ResponderEndpoint endpoint, decimal? baseline, decimal? value, IntercurrentEventRule rule = Observed, bool rescued = false, bool discontinued = false) =>
        ResponderRules.Classify(endpoint, new ResponderInput("P1", "A", "S", baseline, value, rescued, discontinued), rule);

    [Theory]
    [InlineData("20.0", "5.0", ResponderOutcome.Responder)]      // (20 − 5)/20 = 75 % exactly
    [InlineData("20.0", "5.1", ResponderOutcome.NonResponder)]   // 74.5 %
    [InlineData("24.4", "6.1", ResponderOutcome.Responder)]      // exactly 75 %; doubles give 0.7499999999999999
    [InlineData("21.4", "5.35", ResponderOutcome.Responder)]
    [InlineData("23.4", "5.85", ResponderOutcome.Responder)]
    [InlineData("20.10", "4.50", ResponderOutcome.Responder)]    // 77.61 %
    [InlineData("20.0", "25.0", ResponderOutcome.NonResponder)]  // worsening
    public void Classify_Easi75Boundary_ExactDecimal(string baseline, string value, ResponderOutcome expected) =>
        Assert.Equal(expected, Classify(ResponderEndpoint.Easi75, decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Classify_Easi90At18To1Point8_Responder() =>
        Assert.Equal(ResponderOutcome.Responder, Classify(ResponderEndpoint.Easi90, 18m, 1.8m)); // exactly 90 %; doubles give 0.8999999999999999

    [Fact]
    public void Classify_Easi90At18To1Point9_NonResponder() =>
        Assert.Equal(ResponderOutcome.NonResponder, Classify(ResponderEndpoint.Easi90, 18m, 1.9m));

    [Theory]
    [InlineData(ResponderEndpoint.Easi50, "10.0", ResponderOutcome.Responder)]    // 50 % exactly
    [InlineData(ResponderEndpoint.Easi50, "10.1", ResponderOutcome.NonResponder)]
    [InlineData(ResponderEndpoint.Hecsi75, "5.0", ResponderOutcome.Responder)]
    [InlineData(ResponderEndpoint.Hecsi75, "5.05", ResponderOutcome.NonResponder)]
    public void Classify_PercentEndpointsFromBaseline20_ThresholdInclusive(ResponderEndpoint endpoint, string value, ResponderOutcome expected) =>
        Assert.Equal(expected, Classify(endpoint, 20m, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Classify_EasiBaselineZero_NotEvaluable() =>
        Assert.Equal(ResponderOutcome.NotEvaluable, Classify(ResponderEndpoint.Easi75, 0m, 0m, Nri));

    [Theory]
    [InlineData(3, 1, ResponderOutcome.Responder)]
    [InlineData(4, 1, ResponderOutcome.Responder)]
    [InlineData(3, 0, ResponderOutcome.Responder)]
    [InlineData(4, 2, ResponderOutcome.NonResponder)]  // 2-grade reduction but not 0/1
    [InlineData(2, 1, ResponderOutcome.NonResponder)]  // 0/1 but only 1 grade
    [InlineData(2, 0, ResponderOutcome.Responder)]     // 0 and a 2-grade reduction: meets both parts of the definition
    [InlineData(1, 0, ResponderOutcome.NotEvaluable)]  // baseline < 2: a 2-grade reduction is impossible
    public void Classify_IgaZeroOne_NeedsZeroOneAndTwoGrades(int baseline, int value, ResponderOutcome expected) =>
        Assert.Equal(expected, Classify(ResponderEndpoint.IgaZeroOne, baseline, value));

    [Theory]
    [InlineData("8", "4", ResponderOutcome.Responder)]          // exactly 4 points
    [InlineData("8", "4.1", ResponderOutcome.NonResponder)]
    [InlineData("4", "0", ResponderOutcome.Responder)]          // lowest evaluable baseline
    [InlineData("3", "0", ResponderOutcome.NotEvaluable)]       // baseline < 4
    [InlineData("3.99", "0", ResponderOutcome.NotEvaluable)]
    [InlineData("7.857142857142857142857142857", "3.571428571428571428571428571", ResponderOutcome.Responder)] // 55/7 − 25/7 = 30/7 ≥ 4
    public void Classify_ItchFourPoint_BaselineAtLeastFour(string baseline, string value, ResponderOutcome expected) =>
        Assert.Equal(expected, Classify(ResponderEndpoint.ItchFourPoint, decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(Nri, false, false, ResponderOutcome.Responder)]
    [InlineData(Nri, true, false, ResponderOutcome.NonResponder)]     // rescued: composite strategy
    [InlineData(Nri, false, true, ResponderOutcome.NonResponder)]     // discontinued
    [InlineData(Observed, true, false, ResponderOutcome.Responder)]   // events ignored
    [InlineData(Observed, false, true, ResponderOutcome.Responder)]
    public void Classify_IntercurrentEvents_DependOnRule(IntercurrentEventRule rule, bool rescued, bool discontinued, ResponderOutcome expected) =>
        Assert.Equal(expected, Classify(ResponderEndpoint.Easi75, 30m, 3m, rule, rescued, discontinued));

    [Fact]
    public void Classify_MissingValueUnderNri_NonResponder() =>
        Assert.Equal(ResponderOutcome.NonResponder, Classify(ResponderEndpoint.Easi75, 30m, null, Nri));

    [Fact]
    public void Classify_MissingValueAsObserved_NotEvaluable() =>
        Assert.Equal(ResponderOutcome.NotEvaluable, Classify(ResponderEndpoint.Easi75, 30m, null, Observed));

    [Fact]
    public void Classify_MissingBaselineUnderNri_NotEvaluable() =>
        Assert.Equal(ResponderOutcome.NotEvaluable, Classify(ResponderEndpoint.Easi75, null, 3m, Nri, rescued: true));

    [Fact]
    public void Classify_ItchBaselineThreeRescuedUnderNri_StaysNotEvaluable() =>
        Assert.Equal(ResponderOutcome.NotEvaluable, Classify(ResponderEndpoint.ItchFourPoint, 3m, null, Nri, rescued: true));

    [Fact]
    public void Classify_EasiAboveRange_ThrowsNamingFieldValueAndRange()
    {
        var ex = Assert.Throws<ArgumentException>(() => Classify(ResponderEndpoint.Easi75, 30m, 72.5m));
        Assert.Equal("input", ex.ParamName);
        Assert.Contains("input.Value = 72.5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0–72", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_FractionalIga_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Classify(ResponderEndpoint.IgaZeroOne, 3.5m, 1m));
        Assert.Contains("input.Baseline = 3.5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_UndefinedEndpoint_ThrowsNamingEndpoint()
    {
        var ex = Assert.Throws<ArgumentException>(() => Classify((ResponderEndpoint)99, 30m, 3m));
        Assert.Equal("endpoint", ex.ParamName);
    }

    [Fact]
    public void Classify_EveryEasiPairOnTheFiveHundredthsGrid_AgreesWithIntegerArithmetic()
    {
        // Property: EASI has 0.05 granularity; in units of 0.05 (integers) EASI-75 ⇔ 4·(b − v) ≥ 3·b. Exhaustive for b ≤ 30.
        for (var b = 1; b <= 600; b++)
        {
            for (var v = 0; v <= b; v += 1)
            {
                var expected = 4 * (b - v) >= 3 * b ? ResponderOutcome.Responder : ResponderOutcome.NonResponder;
                Assert.Equal(expected, Classify(ResponderEndpoint.Easi75, b * 0.05m, v * 0.05m));
            }
        }
    }
}
