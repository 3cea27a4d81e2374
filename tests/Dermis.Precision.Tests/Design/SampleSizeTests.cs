using Dermis.Precision.Design;
using Dermis.Precision.Tests.Responders;

namespace Dermis.Precision.Tests.Design;

// Reference: Fixtures/*.csv from Fixtures/make_fixtures.R — stats::power.prop.test and stats::power.t.test (tol = 1e-12),
// the Fleiss continuity correction and the allocation-ratio formula evaluated in R, Woolson–Bean–Rojas (1986) in R,
// binom.test Clopper–Pearson limits. Tolerances: continuous n and power 1e-6 relative (+1e-9 absolute); integer n exact.
public sealed class SampleSizeTests
{
    public static TheoryData<int> ProportionRows() => Rows("two_proportions.csv");

    public static TheoryData<int> TTestRows() => Rows("t_test.csv");

    public static TheoryData<int> StratifiedRows() => Rows("stratified.csv");

    [Theory]
    [MemberData(nameof(ProportionRows))]
    public void TwoProportions_RFixture_MatchesPowerPropTest(int index)
    {
        var row = Fixture.Read("Design", "two_proportions.csv")[index];
        var (p0, p1, a, pw, r) = (row.Number("control"), row.Number("treated"), row.Number("alpha"), row.Number("power"), row.Number("ratio"));
        Fixture.Near(row.Number("n"), SampleSize.TwoProportionsExact(p0, p1, a, pw, r), 1e-6, 1e-9, "n");
        Assert.Equal((int)row.Number("n_ceiling"), SampleSize.TwoProportions(p0, p1, a, pw, r));
        if (r == 1)
        {
            Assert.Equal((int)row.Number("n_cc_ceiling"), SampleSize.TwoProportions(p0, p1, a, pw, 1, continuityCorrection: true));
            Fixture.Near(row.Number("power_at_100"), Power.TwoProportions(100, p0, p1, a), 1e-6, 1e-12, "power at n = 100");
        }
    }

    [Theory]
    [MemberData(nameof(TTestRows))]
    public void Ancova_RFixture_MatchesPowerTTestAndBorm(int index)
    {
        var row = Fixture.Read("Design", "t_test.csv")[index];
        var (d, sd, a, pw, rho) = (row.Number("difference"), row.Number("sd"), row.Number("alpha"), row.Number("power"), row.Number("rho"));
        Fixture.Near(row.Number("n_t"), SampleSize.TTestExact(d, sd, a, pw), 1e-6, 1e-9, "t-test n");
        Fixture.Near(row.Number("t_power_at_40"), Power.TTest(40, d / sd, a, 78), 1e-6, 1e-12, "t-test power at 40");
        var n = SampleSize.Ancova(d, sd, rho, a, pw);
        Assert.Equal((int)row.Number("n_ancova"), n);
        Fixture.Near(row.Number("ancova_power_at_n"), Power.Ancova(n, d, sd, rho, a), 1e-6, 1e-12, "ANCOVA power at n");
        Fixture.Near(row.Number("ancova_power_at_40"), Power.Ancova(40, d, sd, rho, a), 1e-6, 1e-12, "ANCOVA power at 40");
        Assert.True(Power.Ancova(n, d, sd, rho, a) >= pw, "the Borm n reaches the target power");
    }

    [Theory]
    [MemberData(nameof(StratifiedRows))]
    public void StratifiedProportions_RFixture_MatchesWoolsonBeanRojas(int index)
    {
        var row = Fixture.Read("Design", "stratified.csv")[index];
        var t = Numbers(row["fractions"]);
        var p0 = Numbers(row["control"]);
        var p1 = Numbers(row["treated"]);
        var strata = t.Select((f, i) => new StratumDesign(f, p0[i], p1[i])).ToList();
        Assert.Equal((int)row.Number("per_arm"), SampleSize.StratifiedProportions(strata, row.Number("alpha"), row.Number("power")));
    }

    [Fact]
    public void StratifiedProportions_OneStratum_EqualsTwoProportions() =>
        Assert.Equal(SampleSize.TwoProportions(0.15, 0.48, 0.05, 0.9), SampleSize.StratifiedProportions([new StratumDesign(1, 0.15, 0.48)], 0.05, 0.9));

    [Fact]
    public void TwoProportions_HandComputedSoloDesign_Is40PerArm()
    {
        // Hand computation: p0 = .15, p1 = .48, p̄ = .315; z.975 = 1.959964, z.9 = 1.281552;
        // √n = (1.959964·√(2·.315·.685) + 1.281552·√(.1275 + .2496)) / .33 = (1.287549 + 0.786982)/.33 = 6.286458 → n = 39.5196 → 40.
        Assert.Equal(40, SampleSize.TwoProportions(0.15, 0.48));
    }

    [Theory]
    [InlineData(0.0, 0.5, "controlRate")]
    [InlineData(0.5, 1.0, "treatedRate")]
    [InlineData(0.2, 0.2, "treatedRate")]
    public void TwoProportions_RateOutOfRange_ThrowsNamingField(double p0, double p1, string field)
    {
        var ex = Assert.Throws<ArgumentException>(() => SampleSize.TwoProportions(p0, p1));
        Assert.Equal(field, ex.ParamName);
    }

    [Fact]
    public void StratifiedProportions_FractionsNotSummingToOne_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => SampleSize.StratifiedProportions([new StratumDesign(0.5, 0.1, 0.4), new StratumDesign(0.4, 0.1, 0.4)], 0.05, 0.9));
        Assert.Contains("sum to 0.9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ancova_CorrelationOne_ThrowsNamingRange()
    {
        var ex = Assert.Throws<ArgumentException>(() => SampleSize.Ancova(4, 8, 1.0));
        Assert.Contains("0 ≤ ρ < 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ancova_HigherCorrelation_NeverNeedsMore()
    {
        var previous = int.MaxValue;
        for (var rho = 0.0; rho < 0.95; rho += 0.05)
        {
            var n = SampleSize.Ancova(4, 8, rho);
            Assert.True(n <= previous, $"rho {rho}: {n} > {previous}");
            previous = n;
        }
    }

    private static double[] Numbers(string s) => s.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static TheoryData<int> Rows(string file)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Fixture.Read("Design", file).Count; i++)
        {
            data.Add(i);
        }

        return data;
    }
}
