using Dermis.Sensing.Signal;

namespace Dermis.Sensing.Tests.Signal;

/// <summary>
/// Butterworth designs and filtering against scipy.signal (butter, sosfilt, sosfiltfilt). Coefficients must agree
/// within 1e-12 absolute; filter outputs of order-1 signals within 1e-12 absolute.
/// </summary>
public sealed class ButterworthTests
{
    private const double CoefficientTolerance = 1e-12;
    private const double OutputTolerance = 1e-12;
    private static readonly int[] ProbeIndices = [0, 1, 7, 31, 62, 63];

    // Reference values printed by scipy 1.10.1 (Debian python3-scipy): repr() of butter(..., output="ba") and (..., output="sos").
    public static TheoryData<string, double[], double[], double[]> Designs() => new()
    {
        {
            "HighPass(3, 0.25, 20)",
            [0.924446561773154, -2.773339685319462, 2.773339685319462, -0.924446561773154],
            [1.0, -2.8429605242024802, 2.6980105275524044, -0.8546014424303482],
            [0.924446561773154, -0.924446561773154, 0.0, 1.0, -0.9243904916582071, 0.0, 1.0, -2.0, 1.0, 1.0, -1.9185700325442732, 0.924502631888101]
        },
        {
            "HighPass(3, 0.25, 50)",
            [0.969071174031813, -2.907213522095439, 2.907213522095439, -0.969071174031813],
            [1.0, -2.9371707284498907, 2.8762997234793315, -0.939098940325283],
            [0.969071174031813, -0.969071174031813, 0.0, 1.0, -0.9690674171937933, 0.0, 1.0, -2.0, 1.0, 1.0, -1.9681033112560975, 0.9690749308698331]
        },
        {
            "HighPass(3, 0.25, 100)",
            [0.9844146043678856, -2.953243813103657, 2.953243813103657, -0.9844146043678856],
            [1.0, -2.9685843963718335, 2.9376603252786984, -0.9690721132925535],
            [0.9844146043678856, -0.9844146043678856, 0.0, 1.0, -0.9844141274160969, 0.0, 1.0, -2.0, 1.0, 1.0, -1.9841702689557368, 0.9844150813196745]
        },
        {
            "LowPass(6, 6, 20)",
            [0.07011541349245357, 0.4206924809547214, 1.0517312023868035, 1.4023082698490712, 1.0517312023868035, 0.4206924809547214, 0.07011541349245357],
            [1.0, 1.1876006801756143, 1.3052133492885494, 0.6743275252979977, 0.2634693482801379, 0.05175303387964129, 0.00502252659508814],
            [0.07011541349245357, 0.14023082698490713, 0.07011541349245357, 1.0, 0.32211918391007993, 0.04239957598977552, 1.0, 2.0, 1.0, 1.0, 0.3695273773512411, 0.19581571265583297, 1.0, 2.0, 1.0, 1.0, 0.4959541189142933, 0.6049412425276679]
        },
        {
            "LowPass(4, 5, 50)",
            [0.004824343357716231, 0.019297373430864923, 0.028946060146297387, 0.019297373430864923, 0.004824343357716231],
            [1.0, -2.3695130071820376, 2.31398841441588, -1.0546654058785676, 0.18737949236818488],
            [0.004824343357716231, 0.009648686715432462, 0.004824343357716231, 1.0, -1.0485995763626117, 0.2961403575616696, 1.0, 2.0, 1.0, 1.0, -1.320913430819426, 0.6327387928852762]
        },
        {
            "LowPass(1, 2, 10)",
            [0.4208077798377318, 0.4208077798377318],
            [1.0, -0.15838444032453627],
            [0.4208077798377318, 0.4208077798377318, 0.0, 1.0, -0.15838444032453627, 0.0]
        },
        {
            "BandPass(5, 3, 11, 50)",
            [0.009003633431614057, 0.0, -0.04501816715807029, 0.0, 0.09003633431614058, 0.0, -0.09003633431614058, 0.0, 0.04501816715807029, 0.0, -0.009003633431614057],
            [1.0, -4.929690298314039, 11.754088292083274, -18.035712641728253, 19.834662921274123, -16.273340494008472, 10.024713419686407, -4.569383299570217, 1.4808354097729752, -0.309602628472264, 0.03206638079832161],
            [0.009003633431614057, 0.018007266863228115, 0.009003633431614057, 1.0, -0.9387270422892566, 0.2905268567319165, 1.0, 2.0, 1.0, 1.0, -0.47621864566814015, 0.31173042775150483, 1.0, 0.0, -1.0, 1.0, -1.4417294507930563, 0.6040498646191705, 1.0, -2.0, 1.0, 1.0, -0.3452640755024747, 0.6788117778098951, 1.0, -2.0, 1.0, 1.0, -1.7277510840611114, 0.8634999255240599]
        },
        {
            "BandPass(2, 0.5, 5, 20)",
            [0.24834107896254057, 0.0, -0.49668215792508114, 0.0, 0.24834107896254057],
            [1.0, -1.8654948221312269, 1.177578118927698, -0.4606655342784567, 0.17757811892769806],
            [0.24834107896254057, 0.49668215792508114, 0.24834107896254057, 1.0, -0.08488834065560655, 0.22028070419104281, 1.0, -2.0, 1.0, 1.0, -1.7806064814756202, 0.8061446851635715]
        },
    };

    // x[n] = sin(0.37n) + 0.5·cos(0.011n²) + 1.5, n = 0…63; outputs at ProbeIndices from scipy sosfilt and sosfiltfilt.
    public static TheoryData<string, double[], double[]> Outputs() => new()
    {
        { "HighPass(3, 0.25, 20)", [1.848893123546308, 1.8928100951565603, 0.13126471710639387, -0.9026527027387887, -0.859251806858865, -0.3661804593573531], [-0.18618024727532306, 0.21355387463132935, 0.508566289063812, -1.1209257544015774, -0.1445465669060808, 0.2541278875240136] },
        { "LowPass(6, 6, 20)", [0.14023082698490713, 0.8404302579530891, 2.9516660990911294, 0.011956309885519559, 0.7789799396440664, 0.35125174885116717], [1.9999187730233434, 2.3616153163983666, 2.453147010210985, 0.40450075460658186, 0.5726434110963887, 1.0069296227619273] },
        { "BandPass(5, 3, 11, 50)", [0.018007266863228115, 0.1100330960534979, -0.4390413929800453, 0.4868144918463104, 0.6687216526228388, 0.12203967079735534], [-0.018637993827067073, 0.10311979312034114, 0.24516526404529115, -0.5558712757806126, -0.9263652043391855, -0.03651360637127443] },
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public void Design_matches_scipy_butter_ba_and_sos(string design, double[] b, double[] a, double[] sos)
    {
        var filter = Build(design);

        AssertClose(b, filter.Numerator, CoefficientTolerance, design + " b");
        AssertClose(a, filter.Denominator, CoefficientTolerance, design + " a");
        AssertClose(sos, filter.Sections, CoefficientTolerance, design + " sos");
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Filter_and_FiltFilt_match_scipy_sosfilt_and_sosfiltfilt(string design, double[] forward, double[] forwardBackward)
    {
        var filter = Build(design);
        var x = new double[64];
        for (int n = 0; n < x.Length; n++)
        {
            x[n] = Math.Sin(0.37 * n) + (0.5 * Math.Cos(0.011 * n * n)) + 1.5;
        }

        var y = new double[64];
        filter.Filter(x, y);
        AssertClose(forward, Probe(y), OutputTolerance, design + " sosfilt");

        filter.FiltFilt(x, y);
        AssertClose(forwardBackward, Probe(y), OutputTolerance, design + " sosfiltfilt");

        // In place gives the same result.
        filter.FiltFilt(x, x);
        Assert.Equal(y, x);
    }

    [Fact]
    public void PadLength_is_scipy_default_three_times_ntaps()
    {
        Assert.Equal(12, Butterworth.HighPass(3, 0.25, 20).PadLength);
        Assert.Equal(21, Butterworth.LowPass(6, 6, 20).PadLength);
        Assert.Equal(33, Butterworth.BandPass(5, 3, 11, 50).PadLength);
        Assert.Equal(6, Butterworth.LowPass(1, 2, 10).PadLength);
    }

    [Fact]
    public void FiltFilt_of_a_constant_through_a_high_pass_is_zero()
    {
        var filter = Butterworth.HighPass(3, 0.25, 20);
        var x = new float[400];
        Array.Fill(x, 0.98f);
        var y = new double[400];

        filter.FiltFilt(x, y);

        Assert.All(y, v => Assert.True(Math.Abs(v) < 1e-12, $"{v}"));
    }

    [Fact]
    public void FiltFilt_passes_a_tone_with_the_squared_magnitude_response()
    {
        // |H(f)|² of a digital Butterworth high-pass is 1 / (1 + (tan(πfc/fs) / tan(πf/fs))^(2N)); filtfilt applies it twice.
        const double Fs = 50, Fc = 0.25, F = 2;
        var filter = Butterworth.HighPass(3, Fc, Fs);
        int n = 3000;
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Math.Sin(2 * Math.PI * F * i / Fs);
        }

        var y = new double[n];
        filter.FiltFilt(x, y);

        double ratio = Math.Tan(Math.PI * Fc / Fs) / Math.Tan(Math.PI * F / Fs);
        double expectedGain = 1 / (1 + Math.Pow(ratio, 6));
        for (int i = 1000; i < 2000; i++)
        {
            Assert.Equal(expectedGain * x[i], y[i], 1e-6);
        }
    }

    [Fact]
    public void FiltFilt_with_too_short_input_names_the_minimum_length()
    {
        var filter = Butterworth.HighPass(3, 0.25, 20);

        var ex = Assert.Throws<ArgumentException>(() => filter.FiltFilt(new double[12], new double[12]));

        Assert.Contains("more than 12 samples", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1.0, 20.0)]
    [InlineData(13, 1.0, 20.0)]
    [InlineData(3, 10.0, 20.0)]
    [InlineData(3, 0.0, 20.0)]
    [InlineData(3, 1.0, double.NaN)]
    public void LowPass_out_of_range_arguments_throw(int order, double cutoffHz, double sampleRateHz)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Butterworth.LowPass(order, cutoffHz, sampleRateHz));
    }

    [Fact]
    public void BandPass_with_reversed_edges_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Butterworth.BandPass(2, 5, 1, 20));
    }

    private static Butterworth Build(string design)
    {
        var name = design[..design.IndexOf('(', StringComparison.Ordinal)];
        var args = design[(name.Length + 1)..^1]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        return name switch
        {
            "HighPass" => Butterworth.HighPass((int)args[0], args[1], args[2]),
            "LowPass" => Butterworth.LowPass((int)args[0], args[1], args[2]),
            "BandPass" => Butterworth.BandPass((int)args[0], args[1], args[2], args[3]),
            _ => throw new ArgumentException(design),
        };
    }

    private static double[] Probe(double[] y) => [.. ProbeIndices.Select(i => y[i])];

    private static void AssertClose(double[] expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            Assert.True(error <= tolerance, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (|error| {error:E2} > {tolerance:E0})");
        }
    }
}
