using System.Buffers;

namespace Dermis.Sensing.Signal;

/// <summary>
/// A digital Butterworth filter (low-, high- or band-pass) designed exactly as <c>scipy.signal.butter</c> does
/// (analog prototype, pre-warped bilinear transform at fs = 2, <c>zpk2tf</c> and <c>zpk2sos</c> with
/// <c>pairing="nearest"</c>), applied causally (<see cref="Filter(ReadOnlySpan{double}, Span{double})"/>, as
/// <c>scipy.signal.sosfilt</c>/<c>lfilter</c> with a zero initial state) or forward–backward
/// (<see cref="FiltFilt(ReadOnlySpan{double}, Span{double})"/>, as <c>scipy.signal.sosfiltfilt</c>).
/// </summary>
/// <remarks>
/// Butterworth S. "On the theory of filter amplifiers", <i>Wireless Engineer</i> 7:536–541 (1930). The
/// coefficients agree with scipy 1.10 to within 1e-12 absolute for the designs this project uses (see the tests).
/// Filtering always runs the second-order sections in direct form II transposed, in double precision, because the
/// single transfer function (<see cref="Numerator"/>, <see cref="Denominator"/>) loses precision at low cutoffs;
/// the result equals <c>lfilter(b, a, x)</c> up to rounding. Instances are immutable and thread-safe.
/// </remarks>
public sealed partial class Butterworth
{
    /// <summary>The highest order accepted by the factory methods (a band-pass filter has twice as many poles).</summary>
    public const int MaxOrder = 12;

    private readonly double[] _numerator;
    private readonly double[] _denominator;
    private readonly double[] _sections;

    private Butterworth(int order, double sampleRateHz, double[] numerator, double[] denominator, double[] sections)
    {
        Order = order;
        SampleRateHz = sampleRateHz;
        _numerator = numerator;
        _denominator = denominator;
        _sections = sections;

        // scipy.signal.sosfiltfilt: ntaps = 2·sections + 1 − (sections whose b2 and a2 are both zero), padlen = 3·ntaps.
        int zeroB2 = 0, zeroA2 = 0;
        for (int s = 0; s < SectionCount; s++)
        {
            zeroB2 += sections[(6 * s) + 2] == 0 ? 1 : 0;
            zeroA2 += sections[(6 * s) + 5] == 0 ? 1 : 0;
        }

        PadLength = 3 * ((2 * SectionCount) + 1 - Math.Min(zeroB2, zeroA2));
    }

    /// <summary>Design order N as passed to the factory method (a band-pass filter of order N has 2N poles).</summary>
    public int Order { get; }

    /// <summary>Sample rate the filter was designed for, Hz.</summary>
    public double SampleRateHz { get; }

    /// <summary>Numerator coefficients b (highest power of z⁻¹ last), as <c>scipy.signal.butter(..., output="ba")[0]</c>.</summary>
    public ReadOnlySpan<double> Numerator => _numerator;

    /// <summary>Denominator coefficients a with a[0] = 1, as <c>scipy.signal.butter(..., output="ba")[1]</c>.</summary>
    public ReadOnlySpan<double> Denominator => _denominator;

    /// <summary>Second-order sections, row-major, 6 values per section (b0, b1, b2, 1, a1, a2), as <c>scipy.signal.butter(..., output="sos")</c>.</summary>
    public ReadOnlySpan<double> Sections => _sections;

    /// <summary>Number of second-order sections (⌈poles / 2⌉).</summary>
    public int SectionCount => _sections.Length / 6;

    /// <summary>
    /// Samples of odd extension added at each end by <see cref="FiltFilt(ReadOnlySpan{double}, Span{double})"/>
    /// (scipy's default <c>padlen</c>); the input must be longer than this.
    /// </summary>
    public int PadLength { get; }

    /// <summary>Low-pass design, −3 dB at <paramref name="cutoffHz"/>.</summary>
    /// <param name="order">Filter order, 1–<see cref="MaxOrder"/>.</param>
    /// <param name="cutoffHz">Cut-off frequency, Hz, strictly between 0 and the Nyquist frequency.</param>
    /// <param name="sampleRateHz">Sample rate, Hz, finite and &gt; 0.</param>
    /// <returns>The filter, as <c>scipy.signal.butter(order, cutoffHz, "lowpass", fs=sampleRateHz)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static Butterworth LowPass(int order, double cutoffHz, double sampleRateHz)
    {
        Validate(order, sampleRateHz);
        ValidateCutoff(nameof(cutoffHz), cutoffHz, sampleRateHz);
        return Design(order, sampleRateHz, Kind.LowPass, cutoffHz, 0);
    }

    /// <summary>High-pass design, −3 dB at <paramref name="cutoffHz"/>.</summary>
    /// <param name="order">Filter order, 1–<see cref="MaxOrder"/>.</param>
    /// <param name="cutoffHz">Cut-off frequency, Hz, strictly between 0 and the Nyquist frequency.</param>
    /// <param name="sampleRateHz">Sample rate, Hz, finite and &gt; 0.</param>
    /// <returns>The filter, as <c>scipy.signal.butter(order, cutoffHz, "highpass", fs=sampleRateHz)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static Butterworth HighPass(int order, double cutoffHz, double sampleRateHz)
    {
        Validate(order, sampleRateHz);
        ValidateCutoff(nameof(cutoffHz), cutoffHz, sampleRateHz);
        return Design(order, sampleRateHz, Kind.HighPass, cutoffHz, 0);
    }

    /// <summary>Band-pass design, −3 dB at <paramref name="lowCutoffHz"/> and <paramref name="highCutoffHz"/>; 2·order poles.</summary>
    /// <param name="order">Filter order, 1–<see cref="MaxOrder"/>.</param>
    /// <param name="lowCutoffHz">Lower edge, Hz, strictly between 0 and <paramref name="highCutoffHz"/>.</param>
    /// <param name="highCutoffHz">Upper edge, Hz, strictly below the Nyquist frequency.</param>
    /// <param name="sampleRateHz">Sample rate, Hz, finite and &gt; 0.</param>
    /// <returns>The filter, as <c>scipy.signal.butter(order, [low, high], "bandpass", fs=sampleRateHz)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static Butterworth BandPass(int order, double lowCutoffHz, double highCutoffHz, double sampleRateHz)
    {
        Validate(order, sampleRateHz);
        ValidateCutoff(nameof(lowCutoffHz), lowCutoffHz, sampleRateHz);
        ValidateCutoff(nameof(highCutoffHz), highCutoffHz, sampleRateHz);
        if (!(lowCutoffHz < highCutoffHz))
        {
            throw new ArgumentOutOfRangeException(
                nameof(lowCutoffHz), lowCutoffHz, $"The lower band edge must be below the upper edge {highCutoffHz} Hz.");
        }

        return Design(order, sampleRateHz, Kind.BandPass, lowCutoffHz, highCutoffHz);
    }

    /// <summary>
    /// Causal filtering from a zero initial state (<c>scipy.signal.sosfilt(sos, x)</c>; equal to
    /// <c>lfilter(b, a, x)</c> up to rounding).
    /// </summary>
    /// <param name="input">Signal, any length.</param>
    /// <param name="output">Receives the filtered signal; same length as <paramref name="input"/>; may be the same memory.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public void Filter(ReadOnlySpan<double> input, Span<double> output)
    {
        RequireSameLength(input, output);
        input.CopyTo(output);
        Span<double> state = stackalloc double[2 * SectionCount];
        state.Clear();
        RunSections(output, state);
    }

    /// <summary>Single-precision overload of <see cref="Filter(ReadOnlySpan{double}, Span{double})"/>; arithmetic stays in double.</summary>
    /// <param name="input">Signal, any length.</param>
    /// <param name="output">Receives the filtered signal; same length as <paramref name="input"/>; may be the same memory.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public void Filter(ReadOnlySpan<float> input, Span<float> output)
    {
        RequireSameLength(input, output);
        double[] buffer = ArrayPool<double>.Shared.Rent(input.Length);
        try
        {
            var work = buffer.AsSpan(0, input.Length);
            Widen(input, work);
            Filter(work, work);
            Narrow(work, output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Zero-phase forward–backward filtering, as <c>scipy.signal.sosfiltfilt(sos, x)</c> with its defaults: odd
    /// extension by <see cref="PadLength"/> samples at each end, each pass started from the steady state
    /// (<c>sosfilt_zi</c>) scaled by its first sample. The magnitude response is the square of the single pass.
    /// </summary>
    /// <param name="input">Signal, longer than <see cref="PadLength"/> samples.</param>
    /// <param name="output">Receives the filtered signal; same length as <paramref name="input"/>; may be the same memory.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the input is not longer than <see cref="PadLength"/>.</exception>
    public void FiltFilt(ReadOnlySpan<double> input, Span<double> output)
    {
        RequireSameLength(input, output);
        int n = input.Length;
        if (n <= PadLength)
        {
            throw new ArgumentException(
                $"Forward-backward filtering needs more than {PadLength} samples (the odd-extension length of this order-{Order} filter); got {n}.",
                nameof(input));
        }

        int pad = PadLength;
        int m = n + (2 * pad);
        double[] buffer = ArrayPool<double>.Shared.Rent(m);
        Span<double> steady = stackalloc double[2 * SectionCount];
        Span<double> state = stackalloc double[2 * SectionCount];
        try
        {
            var ext = buffer.AsSpan(0, m);
            double first = input[0], last = input[n - 1];
            for (int i = 0; i < pad; i++)
            {
                // scipy odd_ext: a 180° rotation of the signal about each end point.
                ext[i] = (2.0 * first) - input[pad - i];
                ext[pad + n + i] = (2.0 * last) - input[n - 2 - i];
            }

            input.CopyTo(ext.Slice(pad, n));
            SteadyState(steady);

            Scale(steady, ext[0], state);
            RunSections(ext, state);
            ext.Reverse();
            Scale(steady, ext[0], state);
            RunSections(ext, state);
            ext.Reverse();
            ext.Slice(pad, n).CopyTo(output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Single-precision overload of <see cref="FiltFilt(ReadOnlySpan{double}, Span{double})"/>; arithmetic stays in double.</summary>
    /// <param name="input">Signal, longer than <see cref="PadLength"/> samples.</param>
    /// <param name="output">Receives the filtered signal; same length as <paramref name="input"/>; may be the same memory.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the input is not longer than <see cref="PadLength"/>.</exception>
    public void FiltFilt(ReadOnlySpan<float> input, Span<float> output)
    {
        RequireSameLength(input, output);
        double[] buffer = ArrayPool<double>.Shared.Rent(input.Length);
        try
        {
            var work = buffer.AsSpan(0, input.Length);
            Widen(input, work);
            FiltFilt(work, work);
            Narrow(work, output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Widens <paramref name="input"/> into <paramref name="output"/> and filters it forward–backward there, for
    /// callers that keep samples in single precision but want a double result.
    /// </summary>
    /// <param name="input">Signal, longer than <see cref="PadLength"/> samples.</param>
    /// <param name="output">Receives the filtered signal; same length as <paramref name="input"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the input is not longer than <see cref="PadLength"/>.</exception>
    public void FiltFilt(ReadOnlySpan<float> input, Span<double> output)
    {
        RequireSameLength(input, output);
        Widen(input, output);
        FiltFilt(output, output);
    }

    // Direct form II transposed, section by section over the whole signal (scipy's _sosfilt runs the same
    // arithmetic sample by sample, so the results are identical).
    private void RunSections(Span<double> signal, Span<double> state)
    {
        var c = _sections;
        for (int s = 0; s < SectionCount; s++)
        {
            int o = 6 * s;
            double b0 = c[o], b1 = c[o + 1], b2 = c[o + 2], a1 = c[o + 4], a2 = c[o + 5];
            double z0 = state[2 * s], z1 = state[(2 * s) + 1];
            for (int i = 0; i < signal.Length; i++)
            {
                double x = signal[i];
                double y = (b0 * x) + z0;
                z0 = (b1 * x) - (a1 * y) + z1;
                z1 = (b2 * x) - (a2 * y);
                signal[i] = y;
            }

            state[2 * s] = z0;
            state[(2 * s) + 1] = z1;
        }
    }

    // scipy.signal.sosfilt_zi: each section's lfilter_zi (the state after a unit step has settled), scaled by the
    // DC gain of the sections before it. For one section, (I − companion(a)ᵀ)·zi = b[1:] − a[1:]·b0 solved directly.
    private void SteadyState(Span<double> zi)
    {
        double scale = 1.0;
        var c = _sections;
        for (int s = 0; s < SectionCount; s++)
        {
            int o = 6 * s;
            double b0 = c[o], b1 = c[o + 1], b2 = c[o + 2], a1 = c[o + 4], a2 = c[o + 5];
            double r0 = b1 - (a1 * b0), r1 = b2 - (a2 * b0);
            double z0 = (r0 + r1) / (1.0 + a1 + a2);
            zi[2 * s] = scale * z0;
            zi[(2 * s) + 1] = scale * (r1 - (a2 * z0));
            scale *= (b0 + b1 + b2) / (1.0 + a1 + a2);
        }
    }

    private static void Scale(ReadOnlySpan<double> source, double factor, Span<double> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] * factor;
        }
    }

    private static void Widen(ReadOnlySpan<float> source, Span<double> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    private static void Narrow(ReadOnlySpan<double> source, Span<float> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (float)source[i];
        }
    }

    private static void RequireSameLength<TIn, TOut>(ReadOnlySpan<TIn> input, Span<TOut> output)
    {
        if (input.Length != output.Length)
        {
            throw new ArgumentException($"The output has {output.Length} samples but the input has {input.Length}; they must be equal.", nameof(output));
        }
    }

    private static void Validate(int order, double sampleRateHz)
    {
        if (order < 1 || order > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, $"The filter order must be 1–{MaxOrder}.");
        }

        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "The sample rate must be finite and > 0 Hz.");
        }
    }

    private static void ValidateCutoff(string name, double cutoffHz, double sampleRateHz)
    {
        if (!(cutoffHz > 0 && cutoffHz < sampleRateHz / 2))
        {
            throw new ArgumentOutOfRangeException(
                name, cutoffHz, $"The cut-off must lie strictly between 0 and the Nyquist frequency {sampleRateHz / 2} Hz.");
        }
    }
}
