using Dermis.SingleCell.Embedding;

namespace Dermis.SingleCell.Tests.Embedding;

public sealed class UmapCurveTests
{
    [Theory]
    // scipy.optimize.curve_fit on umap-learn's find_ab_params grid (scipy 1.10.1, Debian 12), 8 digits.
    [InlineData(0.3, 1.0, 0.99217562, 1.11225338)]
    [InlineData(0.5, 1.0, 0.58303002, 1.33416699)]
    [InlineData(0.1, 1.0, 1.57694346, 0.89506088)]
    [InlineData(0.001, 1.0, 1.9290734, 0.79150453)]
    public void Fit_matchesScipyCurveFit(double minDist, double spread, double a, double b)
    {
        var fit = UmapCurve.Fit(minDist, spread);

        Assert.Equal(a, fit.A, 1e-5);
        Assert.Equal(b, fit.B, 1e-5);
    }

    [Fact]
    public void Fit_seuratDefaults_matchUwotAndUmapLearnPublishedValues()
    {
        // Seurat RunUMAP min.dist 0.3, spread 1: a ≈ 0.9922, b ≈ 1.1122; uwot's test_curve.R: min_dist 0.1 → (1.577, 0.895).
        var seurat = UmapCurve.Fit(0.3, 1.0);
        var uwot = UmapCurve.Fit(0.1, 1.0);

        Assert.Equal(0.9922, seurat.A, 1e-4);
        Assert.Equal(1.1122, seurat.B, 1e-4);
        Assert.Equal(1.577, uwot.A, 1e-3);
        Assert.Equal(0.895, uwot.B, 1e-3);
    }

    [Fact]
    public void Fit_minDistNotBelowSpread_throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => UmapCurve.Fit(1.0, 1.0));
        Assert.Equal("minDist", error.ParamName);
    }
}
