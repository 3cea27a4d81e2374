namespace Dermis.Sensing.Scratch;

/// <summary>In-place iterative radix-2 complex FFT (Cooley–Tukey, decimation in time) for the short segments of bout spectra.</summary>
internal sealed class Fft
{
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly int[] _bitReverse;

    /// <summary>Tables for transforms of <paramref name="length"/> points, a power of two ≥ 2.</summary>
    public Fft(int length)
    {
        if (length < 2 || (length & (length - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The FFT length must be a power of two ≥ 2.");
        }

        Length = length;
        _cos = new double[length / 2];
        _sin = new double[length / 2];
        for (int k = 0; k < length / 2; k++)
        {
            (_sin[k], _cos[k]) = Math.SinCos(-2.0 * Math.PI * k / length);
        }

        _bitReverse = new int[length];
        int bits = System.Numerics.BitOperations.Log2((uint)length);
        for (int i = 0; i < length; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _bitReverse[i] = r;
        }
    }

    /// <summary>Transform length.</summary>
    public int Length { get; }

    /// <summary>Forward transform X[k] = Σ x[n]·e^(−2πikn/N) of (<paramref name="re"/>, <paramref name="im"/>) in place.</summary>
    public void Forward(Span<double> re, Span<double> im)
    {
        int n = Length;
        for (int i = 0; i < n; i++)
        {
            int j = _bitReverse[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (int size = 2; size <= n; size <<= 1)
        {
            int half = size / 2, step = n / size;
            for (int start = 0; start < n; start += size)
            {
                for (int k = 0; k < half; k++)
                {
                    double wr = _cos[k * step], wi = _sin[k * step];
                    int a = start + k, b = a + half;
                    double tr = (wr * re[b]) - (wi * im[b]);
                    double ti = (wr * im[b]) + (wi * re[b]);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
