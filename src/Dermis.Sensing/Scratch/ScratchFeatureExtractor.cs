using System.Buffers;
using Dermis.Sensing.Signal;

namespace Dermis.Sensing.Scratch;

/// <summary>Measures <see cref="ScratchBoutFeatures"/> on sample ranges of one recording; tables are built once per sample rate.</summary>
internal sealed class ScratchFeatureExtractor
{
    private const double BandLowHz = 2.0;
    private const double BandHighHz = 6.0;
    private const double TotalLowHz = 0.25;
    private const double PeakLowHz = 0.5;
    private const double PeakHighHz = 8.0;
    private const double ContextSeconds = 2.0;
    private const double HighPassHz = 1.0;

    private readonly double _fs;
    private readonly Fft _fft;
    private readonly Butterworth _highPass;
    private readonly int _minLag;
    private readonly int _maxLag;

    /// <summary>Tables for <paramref name="sampleRateHz"/>: Welch segments of the largest power of two ≤ 6.4 s (128 at 20 Hz).</summary>
    public ScratchFeatureExtractor(double sampleRateHz)
    {
        _fs = sampleRateHz;
        int segment = 16;
        while (segment * 2 <= 6.4 * sampleRateHz)
        {
            segment *= 2;
        }

        _fft = new Fft(segment);
        _highPass = Butterworth.HighPass(2, HighPassHz, sampleRateHz);
        _minLag = Math.Max(1, (int)Math.Round(sampleRateHz / 10.0));
        _maxLag = (int)Math.Ceiling(sampleRateHz / 1.5);
    }

    /// <summary>Features of samples [<paramref name="start"/>, <paramref name="end"/>) of the recording (x, y, z).</summary>
    public ScratchBoutFeatures Measure(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, int start, int end)
    {
        int n = end - start;
        var (dominant, fraction) = Spectrum(x.Slice(start, n), y.Slice(start, n), z.Slice(start, n));
        var (rhythmicity, log10Rms) = HighPassedFeatures(x, y, z, start, end);
        return new ScratchBoutFeatures(n / _fs, dominant, fraction, rhythmicity, AngleChange(x, y, z, start, end), log10Rms);
    }

    private double AngleChange(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, int start, int end)
    {
        int context = (int)(ContextSeconds * _fs);
        int b0 = Math.Max(0, start - context), a1 = Math.Min(x.Length, end + context);
        var before = b0 < start ? Mean(x, y, z, b0, start) : Mean(x, y, z, start, Math.Min(end, start + context));
        var after = end < a1 ? Mean(x, y, z, end, a1) : Mean(x, y, z, Math.Max(start, end - context), end);
        double dot = (before.X * after.X) + (before.Y * after.Y) + (before.Z * after.Z);
        double norms = Math.Sqrt(((before.X * before.X) + (before.Y * before.Y) + (before.Z * before.Z))
            * ((after.X * after.X) + (after.Y * after.Y) + (after.Z * after.Z)));
        return norms > 0 ? Math.Acos(Math.Clamp(dot / norms, -1.0, 1.0)) * 180.0 / Math.PI : 0.0;
    }

    private static (double X, double Y, double Z) Mean(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, int from, int to)
    {
        double sx = 0, sy = 0, sz = 0;
        for (int i = from; i < to; i++)
        {
            sx += x[i];
            sy += y[i];
            sz += z[i];
        }

        int n = to - from;
        return (sx / n, sy / n, sz / n);
    }

    private (double DominantHz, double BandFraction) Spectrum(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z)
    {
        int length = _fft.Length;
        int bins = (length / 2) + 1;
        int segment = Math.Min(length, x.Length);
        double[] rented = ArrayPool<double>.Shared.Rent((2 * length) + bins + segment);
        try
        {
            var re = rented.AsSpan(0, length);
            var im = rented.AsSpan(length, length);
            var power = rented.AsSpan(2 * length, bins);
            var hann = rented.AsSpan((2 * length) + bins, segment);
            for (int i = 0; i < segment; i++)
            {
                hann[i] = 0.5 - (0.5 * Math.Cos(2.0 * Math.PI * i / segment));
            }

            power.Clear();
            AccumulateWelch(x, hann, re, im, power);
            AccumulateWelch(y, hann, re, im, power);
            AccumulateWelch(z, hann, re, im, power);

            double binHz = _fs / length, band = 0, total = 0, peak = -1, peakHz = 0;
            for (int k = 0; k < bins; k++)
            {
                double f = k * binHz;
                if (f >= TotalLowHz)
                {
                    total += power[k];
                }

                if (f >= BandLowHz && f <= BandHighHz)
                {
                    band += power[k];
                }

                if (f >= PeakLowHz && f <= PeakHighHz && power[k] > peak)
                {
                    peak = power[k];
                    peakHz = f;
                }
            }

            return (peakHz, total > 0 ? band / total : 0.0);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Welch power (Hann window <paramref name="hann"/> of min(FFT length, signal length) samples, 50 % overlap, mean removed
    /// per segment; one zero-padded segment when shorter) added to <paramref name="power"/>.
    /// </summary>
    private void AccumulateWelch(ReadOnlySpan<float> signal, ReadOnlySpan<double> hann, Span<double> re, Span<double> im, Span<double> power)
    {
        int segment = hann.Length;
        int hop = Math.Max(1, segment / 2);
        for (int s = 0; s + segment <= signal.Length; s += hop)
        {
            var part = signal.Slice(s, segment);
            double mean = 0;
            for (int i = 0; i < segment; i++)
            {
                mean += part[i];
            }

            mean /= segment;
            re.Clear();
            im.Clear();
            for (int i = 0; i < segment; i++)
            {
                re[i] = (part[i] - mean) * hann[i];
            }

            _fft.Forward(re, im);
            for (int k = 0; k < power.Length; k++)
            {
                power[k] += (re[k] * re[k]) + (im[k] * im[k]);
            }
        }
    }

    private (double Rhythmicity, double Log10Rms) HighPassedFeatures(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, int start, int end)
    {
        // Filter a margin around the bout so the filter's start-up transient falls outside the measured samples.
        int margin = (int)(ContextSeconds * _fs);
        int s0 = Math.Max(0, start - margin), e0 = Math.Min(x.Length, end + margin);
        int m = e0 - s0, offset = start - s0, n = end - start;
        double[] rented = ArrayPool<double>.Shared.Rent(3 * m);
        try
        {
            var hx = rented.AsSpan(0, m);
            var hy = rented.AsSpan(m, m);
            var hz = rented.AsSpan(2 * m, m);
            _highPass.FiltFilt(x.Slice(s0, m), hx);
            _highPass.FiltFilt(y.Slice(s0, m), hy);
            _highPass.FiltFilt(z.Slice(s0, m), hz);
            hx = hx.Slice(offset, n);
            hy = hy.Slice(offset, n);
            hz = hz.Slice(offset, n);

            double energy = Dot(hx, hx, 0) + Dot(hy, hy, 0) + Dot(hz, hz, 0);
            double rms = Math.Sqrt(energy / n);
            double log10Rms = Math.Log10(Math.Max(rms, 1e-6));
            if (energy <= 0)
            {
                return (0.0, log10Rms);
            }

            int maxLag = Math.Min(_maxLag, n - 2);
            double best = 0, previous = 1.0;
            double current = maxLag >= 1 ? (Dot(hx, hx, 1) + Dot(hy, hy, 1) + Dot(hz, hz, 1)) / energy : 0;
            for (int lag = 1; lag <= maxLag; lag++)
            {
                double next = (Dot(hx, hx, lag + 1) + Dot(hy, hy, lag + 1) + Dot(hz, hz, lag + 1)) / energy;
                if (lag >= _minLag && current >= previous && current >= next && current > best)
                {
                    best = current;
                }

                previous = current;
                current = next;
            }

            return (best, log10Rms);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int lag)
    {
        double sum = 0;
        for (int i = 0; i + lag < a.Length; i++)
        {
            sum += a[i] * b[i + lag];
        }

        return sum;
    }
}
