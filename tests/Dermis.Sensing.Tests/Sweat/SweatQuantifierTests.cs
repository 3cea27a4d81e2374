using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

public sealed class SweatQuantifierTests
{
    private static readonly CalibrationCurve Elisa = CalibrationFitter.Fit(CalibrationData.CardilloElisa, CurveModel.FourParameterLogistic);

    private static readonly CalibrationCurve Miller = CalibrationFitter.Fit(CalibrationData.MillerAll, CurveModel.FourParameterLogistic, CurveWeighting.None, new CalibrationFitOptions { IncludeBlanksInFit = false });

    [Fact]
    public void Quantify_inside_the_range_is_ok_with_the_reference_inverse()
    {
        var reading = new SweatQuantifier(Elisa).Quantify(1.0);

        Assert.Equal(ReadingFlag.Ok, reading.Flag);
        Tolerance.Close(54.91, reading.Concentration, 1e-3);
        Assert.Equal("54.91", reading.Display);
    }

    [Fact]
    public void Quantify_interval_is_the_delta_method_on_log_concentration()
    {
        // Independent of the quantifier's analytic gradients: central differences of Cardillo's inverse
        // x = C·((A − D)/(y − D) − 1)^(1/B), then Var(ln x) = (∂ln x/∂y)²·s² + gᵀΣg and x·exp(±t(3, 0.975)·√Var),
        // with t = 3.1824463 (Abramowitz & Stegun Table 26.10).
        double[] p = [.. Elisa.Parameters.Select(q => q.Value)];
        static double LnX(double[] q, double y) => Math.Log(q[2] * Math.Pow(((q[0] - q[3]) / (y - q[3])) - 1, 1 / q[1]));
        const double Y = 1.0;
        var g = new double[4];
        for (var j = 0; j < 4; j++)
        {
            var (up, down) = ((double[])p.Clone(), (double[])p.Clone());
            var h = 1e-6 * Math.Abs(p[j]);
            up[j] += h;
            down[j] -= h;
            g[j] = (LnX(up, Y) - LnX(down, Y)) / (2 * h);
        }

        var dy = (LnX(p, Y + 1e-7) - LnX(p, Y - 1e-7)) / 2e-7;
        var variance = dy * dy * Elisa.ResidualSd * Elisa.ResidualSd;
        for (var a = 0; a < 4; a++)
        {
            for (var b = 0; b < 4; b++)
            {
                variance += g[a] * Elisa.Covariance![a][b] * g[b];
            }
        }

        var x = Math.Exp(LnX(p, Y));
        var half = 3.1824463 * Math.Sqrt(variance);

        var reading = new SweatQuantifier(Elisa).Quantify(Y);

        Tolerance.Close(x * Math.Exp(-half), reading.Lower, 1e-5, 0, "lower");
        Tolerance.Close(x * Math.Exp(half), reading.Upper, 1e-5, 0, "upper");
        Assert.True(reading.Lower < reading.Concentration && reading.Concentration < reading.Upper);
    }

    [Theory]
    [InlineData(0.02, ReadingFlag.BelowLoq)] // x ≈ 2.6, below the lowest standard 4.5 (no LOQ: one blank)
    [InlineData(3.0, ReadingFlag.AboveTopStandard)] // above ŷ(210) = 2.7723, below D = 3.7845
    [InlineData(3.9, ReadingFlag.BeyondAsymptote)] // above D
    [InlineData(0.0005, ReadingFlag.BeyondAsymptote)] // below A = 0.000901, and no LOD to call it < LOD
    [InlineData(double.NaN, ReadingFlag.ChannelFailed)]
    [InlineData(double.PositiveInfinity, ReadingFlag.ChannelFailed)]
    [InlineData(-9999.0, ReadingFlag.ChannelFailed)] // the reader's failed-channel marker
    public void Quantify_flags_readings_outside_the_range(double response, ReadingFlag expected)
    {
        var reading = new SweatQuantifier(Elisa, new SweatQuantifierOptions { FailedChannelMarker = -9999 }).Quantify(response);

        Assert.Equal(expected, reading.Flag);
        Assert.Equal(expected == ReadingFlag.BelowLoq, reading.Concentration is not null);
    }

    [Fact]
    public void Quantify_below_the_blank_cutoff_is_below_lod_with_no_concentration_never_zero()
    {
        var quantifier = new SweatQuantifier(Miller);

        // The cut-off is 0.1146; 0.05 is above the curve's A (0.0365) yet below it; −0.05 is below A too: both "< LOD".
        foreach (var response in new[] { 0.05, -0.05 })
        {
            var reading = quantifier.Quantify(response);
            Assert.Equal(ReadingFlag.BelowLod, reading.Flag);
            Assert.Null(reading.Concentration);
            Assert.Equal("< LOD", reading.Display);
        }
    }

    [Fact]
    public void Quantify_between_lod_and_loq_is_below_loq_and_keeps_the_estimate()
    {
        // 0.2 lies between the LOD (0.1146) and LOQ (0.3819) cut-offs. Cardillo's inverse with the §2.6 (b) reference
        // parameters: x = 5.134e4 · ((0.0365 − 1.4227)/(0.2 − 1.4227) − 1)^(1/1.632) = 1.4963e4 aM.
        var reading = new SweatQuantifier(Miller).Quantify(0.2);

        Assert.Equal(ReadingFlag.BelowLoq, reading.Flag);
        Tolerance.Close(1.4963e4, reading.Concentration, 0.01);
        Assert.EndsWith("(< LLOQ)", reading.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantify_low_sweat_rate_marks_a_reportable_reading_only()
    {
        var quantifier = new SweatQuantifier(Elisa, new SweatQuantifierOptions { MinimumSweatRateMicrolitresPerMinutePerCm2 = 0.1 });

        Assert.Equal(ReadingFlag.LowSweatVolume, quantifier.Quantify(1.0, 0.05).Flag);
        Assert.Equal(ReadingFlag.Ok, quantifier.Quantify(1.0, 0.2).Flag);
        Assert.Equal(ReadingFlag.Ok, quantifier.Quantify(1.0).Flag); // no rate channel
        Assert.Equal(ReadingFlag.AboveTopStandard, quantifier.Quantify(3.0, 0.05).Flag);
    }

    [Theory]
    [InlineData(CurveModel.FourParameterLogistic)]
    [InlineData(CurveModel.FiveParameterLogistic)]
    [InlineData(CurveModel.LogLinear)]
    public void QuantifyAll_matches_quantify_reading_by_reading(CurveModel model)
    {
        var curve = CalibrationFitter.Fit(CalibrationData.MillerAll, model);
        var quantifier = new SweatQuantifier(curve);
        var random = new Random(11);
        var responses = new double[10_000]; // more than one 4,096-reading block
        for (var i = 0; i < responses.Length; i++)
        {
            responses[i] = i % 97 == 0 ? double.NaN : (random.NextDouble() * 1.8) - 0.2;
        }

        var concentrations = new double[responses.Length];
        var flags = new ReadingFlag[responses.Length];
        SweatQuantifier.QuantifyAll(curve, responses, concentrations, flags);

        for (var i = 0; i < responses.Length; i++)
        {
            var one = quantifier.Quantify(responses[i]);
            Assert.Equal(one.Flag, flags[i]);
            if (one.Concentration is { } x)
            {
                Tolerance.Close(x, concentrations[i], 1e-13, 0, $"reading {i}");
            }
            else
            {
                Assert.True(double.IsNaN(concentrations[i]));
            }
        }
    }

    [Fact]
    public void QuantifyAll_spans_of_different_lengths_throw()
    {
        var e = Assert.Throws<ArgumentException>(() => SweatQuantifier.QuantifyAll(Elisa, new double[3], new double[2], new ReadingFlag[3]));

        Assert.StartsWith("The spans differ in length: 3 inputs, 2 concentrations, 3 flags", e.Message);
    }
}
