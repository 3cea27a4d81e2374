using System.Buffers;
using System.Numerics;

namespace Dermis.Sensing.Motion;

/// <summary>
/// Butterworth low- or high-pass filter as cascaded second-order sections, designed by the bilinear transform
/// with pre-warping (the design of <c>scipy.signal.butter(..., output="sos")</c>), with causal filtering in
/// direct form II transposed and zero-phase forward–backward filtering with odd-extension padding and
/// steady-state initial conditions (<c>scipy.signal.sosfiltfilt</c>, default <c>padtype="odd"</c>).
/// Private to the motion gates and scratch features so they do not depend on the order in which
/// <c>Dermis.Sensing.Signal</c> lands; each section is normalised to unit gain in its pass band, which changes
/// rounding only, not the transfer function.
/// </summary>
internal sealed class ButterworthSos
{
    // Per section: b0, b1, b2, a1, a2 (a0 = 1).
    private readonly double[] _coefficients;

    private ButterworthSos(double[] coefficients, int padLength)
    {
        _coefficients = coefficients;
        PadLength = padLength;
    }

    /// <summary>Number of second-order sections.</summary>
    public int SectionCount => _coefficients.Length / 5;

    /// <summary>Odd-extension length used by <see cref="FiltFilt"/>: scipy's 3 × (2 × sections + 1 − first-order sections).</summary>
    public int PadLength { get; }

    /// <summary>Section <paramref name="section"/> as (b0, b1, b2, a1, a2), a0 = 1.</summary>
    public (double B0, double B1, double B2, double A1, double A2) Section(int section)
    {
        var c = _coefficients.AsSpan(section * 5, 5);
        return (c[0], c[1], c[2], c[3], c[4]);
    }

    /// <summary>Low-pass design of order 1–12 with −3 dB at <paramref name="cutoffHz"/> (0 &lt; cutoff &lt; Nyquist).</summary>
    public static ButterworthSos LowPass(int order, double cutoffHz, double sampleRateHz) => Design(order, cutoffHz, sampleRateHz, highPass: false);

    /// <summary>High-pass design of order 1–12 with −3 dB at <paramref name="cutoffHz"/> (0 &lt; cutoff &lt; Nyquist).</summary>
    public static ButterworthSos HighPass(int order, double cutoffHz, double sampleRateHz) => Design(order, cutoffHz, sampleRateHz, highPass: true);

    private static ButterworthSos Design(int order, double cutoffHz, double sampleRateHz, bool highPass)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, 12);
        if (!(sampleRateHz > 0) || !(cutoffHz > 0) || !(cutoffHz < sampleRateHz / 2))
        {
            throw new ArgumentOutOfRangeException(
                nameof(cutoffHz), cutoffHz, $"The cutoff must lie strictly between 0 and the Nyquist frequency {sampleRateHz / 2} Hz.");
        }

        // scipy normalises to fs = 2, so the pre-warped analog cutoff is 4·tan(π·Wn/2), Wn = cutoff/Nyquist.
        double wn = cutoffHz / (sampleRateHz / 2);
        double warped = 4.0 * Math.Tan(Math.PI * wn / 2.0);
        int sections = (order + 1) / 2;
        var c = new double[sections * 5];
        int s = 0;

        // Analog prototype poles −exp(iπm/2N), m = −N+1, −N+3, …, N−1; one of each conjugate pair (m < 0) forms a section.
        for (int m = -order + 1; m < 0; m += 2)
        {
            var p = -Complex.Exp(new Complex(0, Math.PI * m / (2.0 * order)));
            var z = Bilinear(highPass ? warped / p : warped * p);
            double a1 = -2.0 * z.Real, a2 = z.Real * z.Real + z.Imaginary * z.Imaginary;
            SetSection(c, s++, highPass ? [1.0, -2.0, 1.0] : [1.0, 2.0, 1.0], a1, a2, highPass);
        }

        if (order % 2 == 1)
        {
            // The real prototype pole −1 of an odd order maps to −warped for both low-pass (warped·p) and
            // high-pass (warped/p), and forms a first-order section (b2 = a2 = 0).
            var z = Bilinear(new Complex(-warped, 0));
            SetSection(c, s, highPass ? [1.0, -1.0, 0.0] : [1.0, 1.0, 0.0], -z.Real, 0.0, highPass);
        }

        int firstOrder = order % 2;
        return new ButterworthSos(c, 3 * ((2 * sections) + 1 - firstOrder));
    }

    private static Complex Bilinear(Complex analogPole) => (4.0 + analogPole) / (4.0 - analogPole);

    private static void SetSection(double[] c, int section, ReadOnlySpan<double> b, double a1, double a2, bool highPass)
    {
        // Unit gain at DC (low-pass) or at Nyquist (high-pass), where a Butterworth response is exactly 1.
        double zSign = highPass ? -1.0 : 1.0;
        double num = b[0] + (b[1] * zSign) + b[2];
        double den = 1.0 + (a1 * zSign) + a2;
        double k = den / num;
        int o = section * 5;
        c[o] = b[0] * k;
        c[o + 1] = b[1] * k;
        c[o + 2] = b[2] * k;
        c[o + 3] = a1;
        c[o + 4] = a2;
    }

    /// <summary>Causal filtering in place (direct form II transposed) from state <paramref name="state"/> (2 values per section).</summary>
    public void Filter(Span<double> signal, Span<double> state)
    {
        var c = _coefficients;
        for (int s = 0; s < SectionCount; s++)
        {
            int o = s * 5;
            double b0 = c[o], b1 = c[o + 1], b2 = c[o + 2], a1 = c[o + 3], a2 = c[o + 4];
            double z1 = state[2 * s], z2 = state[(2 * s) + 1];
            for (int i = 0; i < signal.Length; i++)
            {
                double x = signal[i];
                double y = (b0 * x) + z1;
                z1 = (b1 * x) - (a1 * y) + z2;
                z2 = (b2 * x) - (a2 * y);
                signal[i] = y;
            }

            state[2 * s] = z1;
            state[(2 * s) + 1] = z2;
        }
    }

    /// <summary>Steady-state section states for a unit step input (scipy <c>sosfilt_zi</c>): 2 values per section.</summary>
    public void StepState(Span<double> state)
    {
        double scale = 1.0;
        var c = _coefficients;
        for (int s = 0; s < SectionCount; s++)
        {
            int o = s * 5;
            double b0 = c[o], b1 = c[o + 1], b2 = c[o + 2], a1 = c[o + 3], a2 = c[o + 4];
            double gain = (b0 + b1 + b2) / (1.0 + a1 + a2);
            double z2 = b2 - (a2 * gain);
            state[2 * s] = scale * (b1 - (a1 * gain) + z2);
            state[(2 * s) + 1] = scale * z2;
            scale *= gain;
        }
    }

    /// <summary>
    /// Zero-phase filtering of <paramref name="input"/> into <paramref name="output"/> (same length, may alias):
    /// odd extension by <see cref="PadLength"/> samples (clamped to length − 1, where scipy would refuse the input),
    /// forward pass from the step steady state scaled by the first extended sample, backward pass likewise.
    /// </summary>
    public void FiltFilt(ReadOnlySpan<double> input, Span<double> output)
    {
        int n = input.Length;
        if (output.Length != n)
        {
            throw new ArgumentException($"Output length {output.Length} must equal input length {n}.", nameof(output));
        }

        if (n == 0)
        {
            return;
        }

        int pad = Math.Min(PadLength, n - 1);
        int m = n + (2 * pad);
        double[] ext = ArrayPool<double>.Shared.Rent(m);
        Span<double> zi = stackalloc double[2 * SectionCount];
        Span<double> state = stackalloc double[2 * SectionCount];
        try
        {
            var e = ext.AsSpan(0, m);
            double first = input[0], last = input[n - 1];
            for (int i = 0; i < pad; i++)
            {
                e[i] = (2.0 * first) - input[pad - i];
                e[pad + n + i] = (2.0 * last) - input[n - 2 - i];
            }

            input.CopyTo(e.Slice(pad, n));
            StepState(zi);

            ScaleInto(zi, e[0], state);
            Filter(e, state);
            e.Reverse();
            ScaleInto(zi, e[0], state);
            Filter(e, state);
            e.Reverse();
            e.Slice(pad, n).CopyTo(output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(ext);
        }
    }

    private static void ScaleInto(ReadOnlySpan<double> zi, double scale, Span<double> state)
    {
        for (int i = 0; i < zi.Length; i++)
        {
            state[i] = zi[i] * scale;
        }
    }
}
