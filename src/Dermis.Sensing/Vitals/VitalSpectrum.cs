using Dermis.Sensing.Scratch;

namespace Dermis.Sensing.Vitals;

/// <summary>
/// The power spectrum of one analysis window — least-squares linear detrend, Hann window, zero padding to at least
/// four times the window length, radix-2 FFT — and the search for its peak in a band, refined by parabolic
/// interpolation of the log power (Smith &amp; Serra's quadratic interpolation, "PARSHL", ICMC 1987; Harris, Proc. IEEE
/// 66:51, 1978, for the Hann window). One instance per thread: it owns its buffers.
/// </summary>
internal sealed class VitalSpectrum
{
    private readonly Fft _fft;
    private readonly double[] _hann;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _power;

    /// <summary>Buffers for windows of <paramref name="windowSamples"/> samples at <paramref name="sampleRateHz"/>.</summary>
    /// <param name="windowSamples">Samples per window, ≥ 8.</param>
    /// <param name="sampleRateHz">Sample rate of the windows, Hz, &gt; 0.</param>
    public VitalSpectrum(int windowSamples, double sampleRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSamples, 8);
        WindowSamples = windowSamples;
        SampleRateHz = sampleRateHz;
        int length = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(4 * windowSamples));
        _fft = new Fft(length);
        _hann = new double[windowSamples];
        for (int i = 0; i < windowSamples; i++)
        {
            // Symmetric Hann (numpy.hanning): zero at both ends, so the detrended window starts and ends at rest.
            _hann[i] = 0.5 - (0.5 * Math.Cos(2.0 * Math.PI * i / (windowSamples - 1)));
        }

        _re = new double[length];
        _im = new double[length];
        _power = new double[(length / 2) + 1];
    }

    /// <summary>Samples per window.</summary>
    public int WindowSamples { get; }

    /// <summary>Sample rate, Hz.</summary>
    public double SampleRateHz { get; }

    /// <summary>FFT length (zero-padded), a power of two ≥ 4 × <see cref="WindowSamples"/>.</summary>
    public int FftLength => _fft.Length;

    /// <summary>Spacing of the spectrum's bins, Hz.</summary>
    public double BinHz => SampleRateHz / FftLength;

    /// <summary>One-sided power |X[k]|², k = 0 … <see cref="FftLength"/>/2, of the last <see cref="Compute"/>.</summary>
    public ReadOnlySpan<double> Power => _power;

    /// <summary>
    /// Vertex offset of the parabola through (−1, <paramref name="left"/>), (0, <paramref name="centre"/>),
    /// (1, <paramref name="right"/>): δ = (l − r) / (2 (l − 2c + r)); exact for samples of a parabola, in (−0.5, 0.5)
    /// when the centre is a strict local maximum, 0 when the three are collinear.
    /// </summary>
    /// <param name="left">Value one bin below the peak.</param>
    /// <param name="centre">Value at the peak bin.</param>
    /// <param name="right">Value one bin above the peak.</param>
    public static double ParabolicOffset(double left, double centre, double right)
    {
        double curvature = left - (2.0 * centre) + right;
        return curvature == 0 ? 0 : 0.5 * (left - right) / curvature;
    }

    /// <summary>Computes <see cref="Power"/> of <paramref name="window"/>.</summary>
    /// <param name="window">Exactly <see cref="WindowSamples"/> samples.</param>
    public void Compute(ReadOnlySpan<double> window)
    {
        int n = WindowSamples;
        if (window.Length != n)
        {
            throw new ArgumentException($"The window has {window.Length} samples; this spectrum was built for {n}.", nameof(window));
        }

        // Least-squares line a + b·(i − c) with c the centre, so the two sums decouple.
        double centre = (n - 1) / 2.0, sum = 0, sumXt = 0, sumTt = 0;
        for (int i = 0; i < n; i++)
        {
            double t = i - centre;
            sum += window[i];
            sumXt += window[i] * t;
            sumTt += t * t;
        }

        double mean = sum / n, slope = sumXt / sumTt;
        for (int i = 0; i < n; i++)
        {
            _re[i] = (window[i] - mean - (slope * (i - centre))) * _hann[i];
        }

        Array.Clear(_re, n, _re.Length - n);
        Array.Clear(_im);
        _fft.Forward(_re, _im);
        for (int k = 0; k < _power.Length; k++)
        {
            _power[k] = (_re[k] * _re[k]) + (_im[k] * _im[k]);
        }
    }

    /// <summary>
    /// The largest interior local maximum of <see cref="Power"/> in [<paramref name="lowHz"/>, <paramref name="highHz"/>];
    /// see <see cref="FindPeak(ReadOnlySpan{double}, int, double, double, double, double, ReadOnlySpan{double}, double)"/>.
    /// </summary>
    public SpectralPeak FindPeak(double lowHz, double highHz, double peakHalfWidthHz, ReadOnlySpan<double> excludedHz, double excludedHalfWidthHz) =>
        FindPeak(_power, 0, BinHz, lowHz, highHz, peakHalfWidthHz, excludedHz, excludedHalfWidthHz);

    /// <summary>
    /// The largest interior local maximum of a power spectrum in [<paramref name="lowHz"/>, <paramref name="highHz"/>],
    /// skipping bins within <paramref name="excludedHalfWidthHz"/> of any of <paramref name="excludedHz"/>, refined by
    /// parabolic interpolation of ln power; with its prominence, the share of the (non-excluded) band power within
    /// ±<paramref name="peakHalfWidthHz"/> of the refined peak.
    /// </summary>
    /// <param name="power">Power of bins <paramref name="firstBin"/>, <paramref name="firstBin"/> + 1, …; the band must lie inside.</param>
    /// <param name="firstBin">Bin index of <c>power[0]</c>.</param>
    /// <param name="binHz">Bin spacing, Hz.</param>
    /// <param name="lowHz">Lower band edge, Hz.</param>
    /// <param name="highHz">Upper band edge, Hz.</param>
    /// <param name="peakHalfWidthHz">Half-width of the peak for the prominence share, Hz.</param>
    /// <param name="excludedHz">Centres of excluded lines, Hz (may be empty).</param>
    /// <param name="excludedHalfWidthHz">Half-width of each excluded line, Hz.</param>
    /// <returns>The peak, or <see cref="SpectralPeak.None"/> when the band holds no interior local maximum.</returns>
    public static SpectralPeak FindPeak(
        ReadOnlySpan<double> power, int firstBin, double binHz, double lowHz, double highHz, double peakHalfWidthHz, ReadOnlySpan<double> excludedHz, double excludedHalfWidthHz)
    {
        int lo = Math.Max(Math.Max(1, firstBin), (int)Math.Ceiling(lowHz / binHz));
        int hi = Math.Min(firstBin + power.Length - 1, (int)Math.Floor(highHz / binHz));
        var p = power;
        int o = firstBin;
        int best = -1;
        double total = 0;
        for (int k = lo; k <= hi; k++)
        {
            if (Excluded(k * binHz, excludedHz, excludedHalfWidthHz))
            {
                continue;
            }

            total += p[k - o];
            // Interior: both neighbours in the band and allowed, so the peak is not a shoulder of an excluded line.
            if (k > lo && k < hi && p[k - o] > p[k - o - 1] && p[k - o] >= p[k - o + 1] && (best < 0 || p[k - o] > p[best - o])
                && !Excluded((k - 1) * binHz, excludedHz, excludedHalfWidthHz) && !Excluded((k + 1) * binHz, excludedHz, excludedHalfWidthHz))
            {
                best = k;
            }
        }

        if (best < 0 || total <= 0)
        {
            return SpectralPeak.None;
        }

        // Log power: a Hann main lobe is close to a Gaussian, whose log is a parabola.
        const double Floor = 1e-300;
        double delta = ParabolicOffset(Math.Log(p[best - o - 1] + Floor), Math.Log(p[best - o] + Floor), Math.Log(p[best - o + 1] + Floor));
        double frequencyHz = (best + delta) * binHz;
        double inPeak = 0;
        int from = Math.Max(lo, (int)Math.Ceiling((frequencyHz - peakHalfWidthHz) / binHz));
        int to = Math.Min(hi, (int)Math.Floor((frequencyHz + peakHalfWidthHz) / binHz));
        for (int k = from; k <= to; k++)
        {
            if (!Excluded(k * binHz, excludedHz, excludedHalfWidthHz))
            {
                inPeak += p[k - o];
            }
        }

        return new SpectralPeak(frequencyHz, inPeak / total) { PeakPower = p[best - o] };
    }

    private static bool Excluded(double frequencyHz, ReadOnlySpan<double> centresHz, double halfWidthHz)
    {
        for (int i = 0; i < centresHz.Length; i++)
        {
            if (Math.Abs(frequencyHz - centresHz[i]) <= halfWidthHz)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A spectral peak: its interpolated frequency and its share of the band's power.</summary>
/// <param name="FrequencyHz">Interpolated peak frequency, Hz; NaN for <see cref="None"/>.</param>
/// <param name="Prominence">Share of the band's power within the peak's half-width, 0–1; 0 for <see cref="None"/>.</param>
internal readonly record struct SpectralPeak(double FrequencyHz, double Prominence)
{
    /// <summary>No interior peak in the band.</summary>
    public static SpectralPeak None => new(double.NaN, 0);

    /// <summary>Power at the peak's bin (before interpolation); 0 for <see cref="None"/>.</summary>
    public double PeakPower { get; init; }

    /// <summary>True when a peak was found.</summary>
    public bool Found => !double.IsNaN(FrequencyHz);
}
