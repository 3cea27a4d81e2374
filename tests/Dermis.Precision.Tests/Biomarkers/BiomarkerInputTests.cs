using Dermis.Precision.Biomarkers;

namespace Dermis.Precision.Tests.Biomarkers;

public sealed class BiomarkerInputTests
{
    [Fact]
    public void Analyse_tooFewRepeats_throws()
    {
        // 6 observations of 3 participants: N − S − 1 = 2 < 4.
        var data = new List<BiomarkerObservation>();
        for (var i = 0; i < 6; i++)
        {
            data.Add(new BiomarkerObservation($"P{i % 3}", i, i * 1.5, i * 2.0 + (i % 2)));
        }

        var ex = Assert.Throws<ArgumentException>(() => BiomarkerAssociations.Analyse("scratch", "easi", data));
        Assert.Contains("6 observations from 3 participants", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_nanBiomarker_throwsNamingIndex()
    {
        var data = BiomarkerAssociationsTests.FixtureData();
        data[5] = data[5] with { Biomarker = double.NaN };
        var ex = Assert.Throws<ArgumentException>(() => BiomarkerAssociations.Analyse("scratch", "easi", data));
        Assert.Contains("data[5]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_constantTime_throws()
    {
        var data = BiomarkerAssociationsTests.FixtureData().ConvertAll(o => o with { Time = 0 });
        var ex = Assert.Throws<ArgumentException>(() => BiomarkerAssociations.Analyse("scratch", "easi", data));
        Assert.Contains("every Time equals 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_shiftAndScaleOfBiomarker_leaveCorrelationsAndTestsUnchanged()
    {
        // Property: correlations and slope t-tests are invariant to x → a + b·x (b > 0); the slope scales by 1/b.
        var data = BiomarkerAssociationsTests.FixtureData();
        var baseline = BiomarkerAssociations.Analyse("scratch", "easi", data);
        var scaled = BiomarkerAssociations.Analyse("scratch", "easi", data.ConvertAll(o => o with { Biomarker = 3 + 60 * o.Biomarker }));

        Assert.Equal(baseline.Pearson, scaled.Pearson, 12);
        Assert.Equal(baseline.Spearman, scaled.Spearman, 12);
        Assert.Equal(baseline.RepeatedMeasuresCorrelation, scaled.RepeatedMeasuresCorrelation, 12);
        // The REML optimum in log γ is located to ~1e-8 (the likelihood is flat there), hence 1e-6 relative.
        Assert.InRange(scaled.MixedModelSlope / (baseline.MixedModelSlope / 60), 1 - 1e-6, 1 + 1e-6);
        Assert.InRange(scaled.MixedModelP / baseline.MixedModelP, 1 - 1e-5, 1 + 1e-5);
    }
}
