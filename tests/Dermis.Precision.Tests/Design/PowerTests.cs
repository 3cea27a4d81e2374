using Dermis.Precision.Design;
using Dermis.Precision.Tests.Responders;

namespace Dermis.Precision.Tests.Design;

// Reference: Fixtures/clopper_pearson.csv (R binom.test conf.int); the rest are properties with the reason stated.
public sealed class PowerTests
{
    public static TheoryData<int, int> ClopperPearsonCases()
    {
        var data = new TheoryData<int, int>();
        foreach (var row in Fixture.Read("Design", "clopper_pearson.csv"))
        {
            data.Add((int)row.Number("rejected"), (int)row.Number("runs"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ClopperPearsonCases))]
    public void Simulate_RejectionCount_ClopperPearsonMatchesBinomTest(int rejected, int runs)
    {
        var row = Fixture.Read("Design", "clopper_pearson.csv").Single(r => (int)r.Number("rejected") == rejected && (int)r.Number("runs") == runs);
        var calls = 0;
        var result = Power.Simulate(_ => calls++ < rejected, runs, seed: 1);
        Assert.Equal((double)rejected / runs, result.Power);
        Fixture.Near(row.Number("lower"), result.Lower, 1e-6, 1e-12, "lower");
        Fixture.Near(row.Number("upper"), result.Upper, 1e-6, 1e-12, "upper");
        Assert.Equal(runs, result.Runs);
    }

    [Fact]
    public void Simulate_SameSeed_SameResult()
    {
        static bool Trial(Random r) => r.NextDouble() < 0.8;
        Assert.Equal(Power.Simulate(Trial, 500, 42), Power.Simulate(Trial, 500, 42));
    }

    [Fact]
    public void Simulate_BernoulliTrial_CoversTrueProbability()
    {
        // A coin with P(reject) = 0.8 over 4,000 runs: the 95 % CP interval has half-width ≈ 0.0125 and should contain 0.8.
        var result = Power.Simulate(r => r.NextDouble() < 0.8, 4000, 7);
        Assert.InRange(0.8, result.Lower, result.Upper);
    }

    [Fact]
    public void TwoProportions_AtSampleSize_ReachesTarget()
    {
        // Property: power at the returned n ≥ target and at n − 1 < target (n is the smallest integer).
        foreach (var (p0, p1) in new[] { (0.15, 0.48), (0.1, 0.38), (0.3, 0.2), (0.5, 0.6) })
        {
            var n = SampleSize.TwoProportions(p0, p1, 0.05, 0.9);
            Assert.True(Power.TwoProportions(n, p0, p1) >= 0.9);
            Assert.True(Power.TwoProportions(n - 1, p0, p1) < 0.9);
            var corrected = SampleSize.TwoProportions(p0, p1, 0.05, 0.9, 1, continuityCorrection: true);
            Assert.True(Power.TwoProportions(corrected, p0, p1, continuityCorrection: true) >= 0.9);
            Assert.True(Power.TwoProportions(corrected - 1, p0, p1, continuityCorrection: true) < 0.9);
        }
    }

    [Fact]
    public void TwoProportions_ContinuityCorrectionInvertsFleiss_RecoversUncorrectedPower()
    {
        // Hand algebra: n′ = n/4(1 + √(1 + 4/(nΔ)))² ⇔ n = n′(1 − 1/(n′Δ))² (r = 1). For Δ = 0.33 and n = 39.5195…
        // (power.prop.test, 90 %), n′ = 45.53…; corrected power at that real n′ equals 0.9 — checked at the integer 46 ≥ 0.9.
        Assert.True(Power.TwoProportions(46, 0.15, 0.48, continuityCorrection: true) > 0.9);
        Assert.True(Power.TwoProportions(46, 0.15, 0.48, continuityCorrection: true) < Power.TwoProportions(46, 0.15, 0.48));
    }

    [Fact]
    public void Simulate_ZeroRuns_ThrowsNamingRuns()
    {
        var ex = Assert.Throws<ArgumentException>(() => Power.Simulate(_ => true, 0, 1));
        Assert.Equal("runs", ex.ParamName);
    }
}
