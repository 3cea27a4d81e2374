using Dermis.Instruments.Change;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

public sealed class ChangeFromBaselineTests
{
    public static TheoryData<decimal, decimal> Easi75TrapPairs => new()
    {
        // instruments.md §4.2: with doubles (b − p)/b = 0.7499999999999999 for these pairs; each is exactly 75 %.
        { 24.4m, 6.1m },
        { 21.4m, 5.35m },
        { 22.4m, 5.6m },
        { 23.4m, 5.85m },
        { 0.60m, 0.15m },
    };

    [Fact]
    public void Compute_worked_example_20_10_to_4_50_is_minus_77_61_percent()
    {
        // §4.2: 100 × (4.50 − 20.10) / 20.10 = −1560/20.10 = −77.6119… → EASI-50 yes, EASI-75 yes, EASI-90 no.
        var change = ChangeFromBaseline.Compute(ChangeInstrument.Easi, 20.10m, 4.50m);

        Assert.Equal(-77.61m, Math.Round(change.PercentChange, 2));
        Assert.Equal(-77.6119m, Math.Round(change.PercentChange, 4));
        Assert.Equal(
            [new ResponderResult("easi50", 50, true), new ResponderResult("easi75", 75, true), new ResponderResult("easi90", 90, false), new ResponderResult("easi100", 100, false)],
            change.Responders);
        Assert.Equal("change", change.Rules.Id);
    }

    [Theory]
    [MemberData(nameof(Easi75TrapPairs))]
    public void Compute_floating_point_trap_pairs_are_exactly_75_percent_EASI75(decimal baseline, decimal current)
    {
        var change = ChangeFromBaseline.Compute(ChangeInstrument.Easi, baseline, current);

        Assert.Equal(-75m, change.PercentChange);
        Assert.True(Responder(change, "easi75"));
        Assert.False(Responder(change, "easi90"));
        Assert.True(ChangeFromBaseline.IsResponder(baseline, current, 75));
    }

    [Fact]
    public void Compute_18_to_1_8_is_exactly_90_percent_EASI90()
    {
        // §4.2: doubles give 0.8999999999999999 for b = 18, p = 1.8; exactly 90 % → EASI-90.
        var change = ChangeFromBaseline.Compute(ChangeInstrument.Easi, 18m, 1.8m);

        Assert.Equal(-90m, change.PercentChange);
        Assert.True(Responder(change, "easi90"));
        Assert.False(Responder(change, "easi100"));
    }

    [Fact]
    public void Double_arithmetic_misses_the_trap_pairs_that_decimal_gets_right()
    {
        // Documents why decimal is needed (§4.2): IEEE doubles put these exact 75 % / 90 % improvements just below the threshold.
        double[][] easi75 = [[24.4, 6.1], [21.4, 5.35], [22.4, 5.6], [23.4, 5.85]];
        foreach (var pair in easi75)
        {
            var b = pair[0];
            var p = pair[1];
            Assert.True((b - p) / b < 0.75, $"{b} → {p}");
            Assert.True(ChangeFromBaseline.IsResponder((decimal)b, (decimal)p, 75));
        }

        double b18 = 18, p18 = 1.8;
        Assert.Equal(0.8999999999999999, (b18 - p18) / b18);
        Assert.True(ChangeFromBaseline.IsResponder(18m, 1.8m, 90));

        double b06 = 0.60, p015 = 0.15;
        Assert.True(100 * (b06 - p015) / b06 < 75);
        Assert.True(ChangeFromBaseline.IsResponder(0.60m, 0.15m, 75));
    }

    [Fact]
    public void Compute_just_short_of_75_percent_is_not_EASI75()
    {
        // 24.4 → 6.11: 100 × 18.29 = 1829 < 75 × 24.4 = 1830.
        var change = ChangeFromBaseline.Compute(ChangeInstrument.Easi, 24.4m, 6.11m);

        Assert.False(Responder(change, "easi75"));
        Assert.True(Responder(change, "easi50"));
    }

    [Fact]
    public void Compute_worsening_gives_positive_percent_and_no_responders()
    {
        // 10 → 12: 100 × 2 / 10 = +20 %.
        var change = ChangeFromBaseline.Compute(ChangeInstrument.Easi, 10m, 12m);

        Assert.Equal(20m, change.PercentChange);
        Assert.All(change.Responders, r => Assert.False(r.Met));
    }

    [Fact]
    public void Compute_pasi_to_zero_is_minus_100_and_PASI100()
    {
        // §4.3: PASI-75/90/100 as in §4.2; 25.2 → 0 is 100 % improvement.
        var change = ChangeFromBaseline.Compute(ChangeInstrument.Pasi, 25.2m, 0m);

        Assert.Equal(-100m, change.PercentChange);
        Assert.Equal(["pasi50", "pasi75", "pasi90", "pasi100"], change.Responders.Select(r => r.Name));
        Assert.All(change.Responders, r => Assert.True(r.Met));
    }

    [Fact]
    public void Compute_hecsi_has_75_and_90_only()
    {
        // 54 → 5: improvement 49/54 = 90.7 % → HECSI-75 and HECSI-90; 100 × (5 − 54)/54 = −90.74…
        var change = ChangeFromBaseline.Compute(ChangeInstrument.Hecsi, 54m, 5m);

        Assert.Equal([new ResponderResult("hecsi75", 75, true), new ResponderResult("hecsi90", 90, true)], change.Responders);
        Assert.Equal(-90.74m, Math.Round(change.PercentChange, 2));
    }

    [Fact]
    public void Compute_hecsi_accepts_scores_above_72()
    {
        // HECSI range 0–360 (§4.6): 200 → 50 = −75 %.
        var change = ChangeFromBaseline.Compute(ChangeInstrument.Hecsi, 200m, 50m);

        Assert.Equal(-75m, change.PercentChange);
        Assert.True(Responder(change, "hecsi75"));
    }

    [Fact]
    public void Compute_baseline_0_is_rejected()
    {
        // §4.2: undefined if baseline = 0.
        var ex = Assert.Throws<InstrumentValidationException>(() => ChangeFromBaseline.Compute(ChangeInstrument.Easi, 0m, 0m));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("baseline", error.Field);
        Assert.Contains("undefined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_easi_above_72_is_rejected()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => ChangeFromBaseline.Compute(ChangeInstrument.Easi, 73m, 10m));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("baseline", error.Field);
        Assert.Contains("0 to 72", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_baseline_0_and_negative_current_are_reported_together()
    {
        var ex = Assert.Throws<InstrumentValidationException>(() => ChangeFromBaseline.Compute(ChangeInstrument.Pasi, 0m, -1m));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Field == "baseline");
        Assert.Contains(ex.Errors, e => e.Field == "current");
    }

    private static bool Responder(ChangeScore change, string name) => change.Responders.Single(r => r.Name == name).Met;
}
