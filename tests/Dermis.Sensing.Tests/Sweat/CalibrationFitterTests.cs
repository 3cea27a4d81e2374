using System.Text.Json;
using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

/// <summary>The fitter on synthetic data with known truth, hand-computed regressions, and its refusals.</summary>
public sealed class CalibrationFitterTests
{
    private static List<CalibrationStandard> FourPl(double a, double b, double c, double d, params double[] x) =>
        x.Select(v => new CalibrationStandard(v, d + ((a - d) / (1 + Math.Pow(v / c, b))))).ToList();

    [Theory]
    [InlineData(CurveWeighting.None)]
    [InlineData(CurveWeighting.OneOverY)]
    [InlineData(CurveWeighting.OneOverY2)]
    public void Fit_noise_free_4pl_recovers_the_true_parameters_under_any_weighting(CurveWeighting weighting)
    {
        // Known truth A = 0.05, B = 1.2, C = 50 pg/mL, D = 2.5; exact responses, so every weighting has the same minimum.
        var standards = FourPl(0.05, 1.2, 50, 2.5, 0, 0.5, 2, 8, 32, 128, 512, 2048);

        var curve = CalibrationFitter.Fit(standards, CurveModel.FourParameterLogistic, weighting);

        Tolerance.Close(0.05, curve.Value("A"), 1e-6, 1e-9);
        Tolerance.Close(1.2, curve.Value("B"), 1e-6);
        Tolerance.Close(50, curve.Value("C"), 1e-6);
        Tolerance.Close(2.5, curve.Value("D"), 1e-6);
        Tolerance.Close(1, curve.RSquared, 0, 1e-9);
    }

    [Fact]
    public void Fit_noise_free_5pl_recovers_the_true_asymmetry()
    {
        // Truth A = 0.1, B = 1.5, C = 30, D = 3, E = 0.6.
        double[] x = [0, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000];
        var standards = x.Select(v => new CalibrationStandard(v, 3 + ((0.1 - 3) / Math.Pow(1 + Math.Pow(v / 30, 1.5), 0.6)))).ToList();

        var curve = CalibrationFitter.Fit(standards, CurveModel.FiveParameterLogistic);

        Tolerance.Close(1.5, curve.Value("B"), 1e-5);
        Tolerance.Close(30, curve.Value("C"), 1e-5);
        Tolerance.Close(0.6, curve.Value("E"), 1e-5);
    }

    [Fact]
    public void Fit_log_linear_matches_the_hand_computed_regression_and_standard_errors()
    {
        // log10 x = 0, 1, 2, 3; y = 5.1, 16.8, 29.2, 40.9. By hand: Sxx = 5, Sxy = 59.9, slope = 11.98,
        // intercept = 23 − 11.98 × 1.5 = 5.03; residuals 0.07, −0.21, 0.21, −0.07; SSE = 0.098; s² = 0.049 (df 2);
        // SE(slope) = √(s²/Sxx) = 0.0989949; SE(intercept) = √(s²·(1/4 + 1.5²/5)) = 0.1852026.
        CalibrationStandard[] standards = [new(1, 5.1), new(10, 16.8), new(100, 29.2), new(1000, 40.9), new(0, 0.2), new(0, -0.1)];

        var curve = CalibrationFitter.Fit(standards, CurveModel.LogLinear);

        Tolerance.Close(5.03, curve.Value("Intercept"), 1e-9);
        Tolerance.Close(11.98, curve.Value("Slope"), 1e-9);
        Tolerance.Close(0.098, curve.Sse, 1e-9);
        Tolerance.Close(0.0989949, curve.Parameters[1].StandardError, 1e-6);
        Tolerance.Close(0.1852026, curve.Parameters[0].StandardError, 1e-6);
        Assert.Equal(2, curve.DegreesOfFreedom);
        Assert.False(curve.Standards[4].InFit);
        // The blanks (0.2, −0.1: mean 0.05, SD 0.212132) set the LOD: cut-off 0.05 + 3 × 0.212132 = 0.686396,
        // x = 10^((0.686396 − 5.03)/11.98) = 10^−0.3625713 = 0.4339390.
        Tolerance.Close(0.686396, curve.Limits.LodResponse, 1e-6);
        Tolerance.Close(0.433939, curve.Limits.Lod, 1e-5);
    }

    [Fact]
    public void Fit_decreasing_curve_sets_lod_at_blank_mean_minus_3_sd()
    {
        // Truth A = 2.0 (zero), D = 0.1, B = 1, C = 10: a competitive-assay-like falling curve. Blanks 1.98, 2.02, 2.00,
        // 1.99, 2.01: mean 2.0, SD √(0.001/4) = 0.0158114. Cut-off 2.0 − 3 × 0.0158114 = 1.9525658;
        // x = 10·(1.9/(1.9525658 − 0.1) − 1) = 0.2560484.
        var standards = FourPl(2.0, 1, 10, 0.1, 1, 3, 10, 30, 100, 300);
        standards.AddRange([new(0, 1.98), new(0, 2.02), new(0, 2.00), new(0, 1.99), new(0, 2.01)]);

        var curve = CalibrationFitter.Fit(standards, CurveModel.FourParameterLogistic);

        Assert.Equal(CurveDirection.Decreasing, curve.Direction);
        Tolerance.Close(1.9525658, curve.Limits.LodResponse, 1e-7);
        Tolerance.Close(0.2560484, curve.Limits.Lod, 1e-4);
        Assert.True(curve.Value("B") > 0);
    }

    [Fact]
    public void Attempt_flat_standards_is_refused_with_the_numbers()
    {
        // Blanks 0.010, 0.012, 0.008 (SD 0.002); level means 0.010 (blank), 0.011, 0.012, 0.010, 0.013: range 0.003 ≤ 0.006.
        CalibrationStandard[] standards = [new(0, 0.010), new(0, 0.012), new(0, 0.008), new(1, 0.011), new(10, 0.012), new(100, 0.010), new(1000, 0.013)];

        var result = CalibrationFitter.Attempt(standards, CurveModel.FourParameterLogistic);

        Assert.Null(result.Curve);
        Assert.Equal(CalibrationFailureKind.FlatResponse, result.Failure!.Kind);
        Assert.StartsWith("The response does not change with concentration (range of means 0.003 ≤ 3 × blank SD 0.002)", result.Failure.Reason);
        var thrown = Assert.Throws<CalibrationFailedException>(() => CalibrationFitter.Fit(standards, CurveModel.FourParameterLogistic));
        Assert.Equal(CalibrationFailureKind.FlatResponse, thrown.Failure.Kind);
    }

    [Fact]
    public void Fit_fewer_concentrations_than_parameters_throws_naming_the_counts()
    {
        CalibrationStandard[] standards = [new(0, 0.01), new(10, 0.5), new(10, 0.52), new(100, 1.9), new(100, 1.8)];

        var e = Assert.Throws<ArgumentException>(() => CalibrationFitter.Fit(standards, CurveModel.FiveParameterLogistic));

        Assert.StartsWith("A FiveParameterLogistic fit needs at least 5 distinct concentrations and more than 5 standards (for a residual SD); got 3 concentrations in 5 fitted standards.", e.Message);
    }

    [Fact]
    public void Fit_negative_concentration_or_non_finite_response_throws_naming_the_standard()
    {
        CalibrationStandard[] negative = [new(0, 0.01), new(1, 0.1), new(-5, 0.2), new(10, 0.9), new(100, 1.9)];
        CalibrationStandard[] nan = [new(0, 0.01), new(1, 0.1), new(5, double.NaN), new(10, 0.9), new(100, 1.9)];

        var e1 = Assert.Throws<ArgumentException>(() => CalibrationFitter.Fit(negative, CurveModel.FourParameterLogistic));
        var e2 = Assert.Throws<ArgumentException>(() => CalibrationFitter.Fit(nan, CurveModel.FourParameterLogistic));

        Assert.StartsWith("Standard 2 has concentration -5; allowed: a finite number ≥ 0 (0 for a blank).", e1.Message);
        Assert.StartsWith("Standard 2 (concentration 5) has response NaN; allowed: a finite number.", e2.Message);
    }

    [Fact]
    public void Fit_never_outputs_nan_on_the_noisy_miller_data()
    {
        foreach (var model in new[] { CurveModel.FourParameterLogistic, CurveModel.FiveParameterLogistic, CurveModel.LogLinear })
        {
            foreach (var weighting in new[] { CurveWeighting.None, CurveWeighting.OneOverY, CurveWeighting.OneOverY2 })
            {
                var curve = CalibrationFitter.Fit(CalibrationData.MillerAll, model, weighting);
                var json = JsonSerializer.Serialize(curve);
                Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
                Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Curve_round_trips_through_json_and_quantifies_identically()
    {
        var curve = CalibrationFitter.Fit(CalibrationData.CardilloElisa, CurveModel.FourParameterLogistic);

        var copy = JsonSerializer.Deserialize<CalibrationCurve>(JsonSerializer.Serialize(curve))!;

        Assert.Equal(curve.Parameters, copy.Parameters);
        Assert.Equal(curve.Limits, copy.Limits);
        var original = new SweatQuantifier(curve).Quantify(1.0);
        var restored = new SweatQuantifier(copy).Quantify(1.0);
        Assert.Equal(original, restored);
    }

    [Fact]
    public void Value_unknown_parameter_names_the_model_parameters()
    {
        var curve = CalibrationFitter.Fit(CalibrationData.CardilloElisa, CurveModel.FourParameterLogistic);

        var e = Assert.Throws<ArgumentException>(() => curve.Value("E"));

        Assert.StartsWith("A FourParameterLogistic curve has no parameter 'E'; it has A, B, C, D.", e.Message);
    }
}
