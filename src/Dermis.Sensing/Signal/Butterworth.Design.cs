using System.Numerics;

namespace Dermis.Sensing.Signal;

// The design path of scipy.signal.butter (scipy 1.10, _filter_design.py), step by step and in the same order of
// operations, so that the coefficients agree to rounding: buttap → lp2lp/lp2hp/lp2bp_zpk → bilinear_zpk (fs = 2)
// → zpk2tf and zpk2sos(pairing="nearest").
public sealed partial class Butterworth
{
    private enum Kind
    {
        LowPass,
        HighPass,
        BandPass,
    }

    private static Butterworth Design(int order, double sampleRateHz, Kind kind, double cutoffHz, double highCutoffHz)
    {
        // buttap: no zeros, poles −exp(iπm/2N) for m = −N+1, −N+3, …, N−1, gain 1.
        var poles = new List<Complex>(2 * order);
        for (int m = -order + 1; m < order; m += 2)
        {
            poles.Add(-Complex.Exp(new Complex(0, Math.PI * m / (2 * order))));
        }

        var zeros = new List<Complex>();
        double gain = 1.0;

        // iirfilter normalises to fs = 2 and pre-warps: ω = 2·fs·tan(π·Wn/fs) with Wn = f / (f_s / 2).
        double Warp(double hz) => 4.0 * Math.Tan(Math.PI * (2 * hz / sampleRateHz) / 2.0);

        switch (kind)
        {
            case Kind.LowPass:
            {
                double wo = Warp(cutoffHz);
                int degree = poles.Count - zeros.Count;
                for (int i = 0; i < poles.Count; i++)
                {
                    poles[i] = wo * poles[i];
                }

                gain *= Math.Pow(wo, degree);
                break;
            }

            case Kind.HighPass:
            {
                double wo = Warp(cutoffHz);
                int degree = poles.Count - zeros.Count;
                Complex prodZ = Complex.One, prodP = Complex.One;
                foreach (var p in poles)
                {
                    prodP *= -p;
                }

                for (int i = 0; i < poles.Count; i++)
                {
                    poles[i] = wo / poles[i];
                }

                for (int i = 0; i < degree; i++)
                {
                    zeros.Add(Complex.Zero);
                }

                gain *= (prodZ / prodP).Real;
                break;
            }

            default:
            {
                double w1 = Warp(cutoffHz), w2 = Warp(highCutoffHz);
                double bw = w2 - w1, wo = Math.Sqrt(w1 * w2);
                int degree = poles.Count - zeros.Count;
                var plus = new List<Complex>(poles.Count);
                var minus = new List<Complex>(poles.Count);
                foreach (var p in poles)
                {
                    var pl = p * bw / 2;
                    var root = Complex.Sqrt((pl * pl) - (wo * wo));
                    plus.Add(pl + root);
                    minus.Add(pl - root);
                }

                poles = [.. plus, .. minus];
                for (int i = 0; i < degree; i++)
                {
                    zeros.Add(Complex.Zero);
                }

                gain *= Math.Pow(bw, degree);
                break;
            }
        }

        Bilinear(zeros, poles, ref gain);
        double[] b = Poly(zeros);
        for (int i = 0; i < b.Length; i++)
        {
            b[i] *= gain;
        }

        double[] a = Poly(poles);
        double[] sos = ZpkToSos(zeros, poles, gain);
        return new Butterworth(order, sampleRateHz, b, a, sos);
    }

    // bilinear_zpk with fs = 2: z → (4 + s)/(4 − s); zeros at infinity map to −1.
    private static void Bilinear(List<Complex> zeros, List<Complex> poles, ref double gain)
    {
        const double Fs2 = 4.0;
        int degree = poles.Count - zeros.Count;
        Complex prodZ = Complex.One, prodP = Complex.One;
        foreach (var z in zeros)
        {
            prodZ *= Fs2 - z;
        }

        foreach (var p in poles)
        {
            prodP *= Fs2 - p;
        }

        for (int i = 0; i < zeros.Count; i++)
        {
            zeros[i] = (Fs2 + zeros[i]) / (Fs2 - zeros[i]);
        }

        for (int i = 0; i < poles.Count; i++)
        {
            poles[i] = (Fs2 + poles[i]) / (Fs2 - poles[i]);
        }

        for (int i = 0; i < degree; i++)
        {
            zeros.Add(new Complex(-1.0, 0));
        }

        gain *= (prodZ / prodP).Real;
    }

    // numpy.poly: repeated convolution with [1, −root]; the roots here are real or in conjugate pairs, so the
    // imaginary parts cancel and the real part is the polynomial.
    private static double[] Poly(IReadOnlyList<Complex> roots)
    {
        var c = new Complex[roots.Count + 1];
        c[0] = Complex.One;
        for (int k = 0; k < roots.Count; k++)
        {
            var r = -roots[k];
            for (int j = k + 1; j >= 1; j--)
            {
                c[j] = j == k + 1 ? c[j - 1] * r : c[j] + (c[j - 1] * r);
            }
        }

        var result = new double[c.Length];
        for (int i = 0; i < c.Length; i++)
        {
            result[i] = c[i].Real;
        }

        return result;
    }

    // scipy zpk2sos with pairing="nearest": repeatedly take the pole closest to the unit circle, pair it with its
    // conjugate (or the next real pole) and with the nearest zeros; the last-chosen pair becomes the first section.
    private static double[] ZpkToSos(List<Complex> zeros, List<Complex> poles, double gain)
    {
        var z = new List<Complex>(zeros);
        var p = new List<Complex>(poles);
        int sections = (Math.Max(p.Count, z.Count) + 1) / 2;
        if (p.Count % 2 == 1)
        {
            p.Add(Complex.Zero);
            z.Add(Complex.Zero);
        }

        z = ConjugatePairsFirst(z);
        p = ConjugatePairsFirst(p);
        var sos = new double[6 * sections];

        for (int si = sections - 1; si >= 0; si--)
        {
            int p1Index = IndexClosestToUnitCircle(p, all: true);
            var p1 = p[p1Index];
            p.RemoveAt(p1Index);
            int realPolesLeft = CountReal(p);

            if (IsReal(p1) && realPolesLeft == 0)
            {
                // Last remaining real pole: pair with the nearest real zero and an extra pole/zero at the origin.
                var z1 = Take(z, p1, Which.Real);
                SetSection(sos, si, [z1, Complex.Zero], [p1, Complex.Zero]);
            }
            else if (p.Count + 1 == z.Count && !IsReal(p1) && realPolesLeft == 1 && CountReal(z) == 1)
            {
                // One real pole and one real zero left over: this complex pole must take a complex zero pair.
                var z1 = Take(z, p1, Which.Complex);
                SetSection(sos, si, [z1, Complex.Conjugate(z1)], [p1, Complex.Conjugate(p1)]);
            }
            else
            {
                Complex p2;
                if (IsReal(p1))
                {
                    int p2Index = IndexClosestToUnitCircle(p, all: false);
                    p2 = p[p2Index];
                    p.RemoveAt(p2Index);
                }
                else
                {
                    p2 = Complex.Conjugate(p1);
                }

                if (z.Count > 0)
                {
                    var z1 = Take(z, p1, Which.Any);
                    if (!IsReal(z1))
                    {
                        SetSection(sos, si, [z1, Complex.Conjugate(z1)], [p1, p2]);
                    }
                    else if (z.Count > 0)
                    {
                        var z2 = Take(z, p1, Which.Real);
                        SetSection(sos, si, [z1, z2], [p1, p2]);
                    }
                    else
                    {
                        SetSection(sos, si, [z1], [p1, p2]);
                    }
                }
                else
                {
                    SetSection(sos, si, [], [p1, p2]);
                }
            }
        }

        for (int i = 0; i < 3; i++)
        {
            sos[i] *= gain;
        }

        return sos;
    }

    private enum Which
    {
        Real,
        Complex,
        Any,
    }

    private static bool IsReal(Complex c) => c.Imaginary == 0;

    private static int CountReal(List<Complex> values)
    {
        int count = 0;
        foreach (var v in values)
        {
            count += IsReal(v) ? 1 : 0;
        }

        return count;
    }

    // np.argmin(|1 − |p||), over all poles or (for the partner of a real pole) over the real ones; first index wins ties.
    private static int IndexClosestToUnitCircle(List<Complex> p, bool all)
    {
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int i = 0; i < p.Count; i++)
        {
            if (!all && !IsReal(p[i]))
            {
                continue;
            }

            double d = Math.Abs(1 - Complex.Abs(p[i]));
            if (best < 0 || d < bestDistance)
            {
                best = i;
                bestDistance = d;
            }
        }

        return best;
    }

    // _nearest_real_complex_idx followed by np.delete: removes and returns the nearest zero of the requested kind.
    private static Complex Take(List<Complex> z, Complex to, Which which)
    {
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int i = 0; i < z.Count; i++)
        {
            bool real = IsReal(z[i]);
            if ((which == Which.Real && !real) || (which == Which.Complex && real))
            {
                continue;
            }

            double d = Complex.Abs(z[i] - to);
            if (best < 0 || d < bestDistance)
            {
                best = i;
                bestDistance = d;
            }
        }

        var chosen = z[best];
        z.RemoveAt(best);
        return chosen;
    }

    private static void SetSection(double[] sos, int section, Complex[] sectionZeros, Complex[] sectionPoles)
    {
        // _single_zpksos: right-aligned b and a of up to two zeros and poles.
        double[] b = Poly(sectionZeros), a = Poly(sectionPoles);
        int o = 6 * section;
        b.CopyTo(sos, o + 3 - b.Length);
        a.CopyTo(sos, o + 6 - a.Length);
    }

    // scipy _cplxreal: one representative (positive imaginary part, averaged with its conjugate) per pair, sorted by
    // real part then |imaginary|, followed by the real values sorted ascending.
    private static List<Complex> ConjugatePairsFirst(List<Complex> values)
    {
        if (values.Count == 0)
        {
            return [];
        }

        // 100 × machine epsilon of double, scipy's default.
        const double Tolerance = 100 * 2.220446049250313e-16;
        var sorted = values
            .Select((v, i) => (v, i))
            .OrderBy(t => t.v.Real)
            .ThenBy(t => Math.Abs(t.v.Imaginary))
            .ThenBy(t => t.i)
            .Select(t => t.v)
            .ToList();

        var real = new List<Complex>();
        var positive = new List<Complex>();
        var negative = new List<Complex>();
        foreach (var v in sorted)
        {
            if (Math.Abs(v.Imaginary) <= Tolerance * Complex.Abs(v))
            {
                real.Add(new Complex(v.Real, 0));
            }
            else if (v.Imaginary > 0)
            {
                positive.Add(v);
            }
            else
            {
                negative.Add(v);
            }
        }

        if (positive.Count != negative.Count)
        {
            throw new InvalidOperationException("Internal error: a complex root has no conjugate partner.");
        }

        SortRunsOfEqualReal(positive, negative, Tolerance);
        var result = new List<Complex>(positive.Count + real.Count);
        for (int i = 0; i < positive.Count; i++)
        {
            result.Add((positive[i] + Complex.Conjugate(negative[i])) / 2);
        }

        result.AddRange(real);
        return result;
    }

    private static void SortRunsOfEqualReal(List<Complex> positive, List<Complex> negative, double tolerance)
    {
        int start = 0;
        while (start < positive.Count)
        {
            int stop = start + 1;
            while (stop < positive.Count && positive[stop].Real - positive[stop - 1].Real <= tolerance * Complex.Abs(positive[stop - 1]))
            {
                stop++;
            }

            if (stop - start > 1)
            {
                SortByAbsImaginary(positive, start, stop);
                SortByAbsImaginary(negative, start, stop);
            }

            start = stop;
        }
    }

    private static void SortByAbsImaginary(List<Complex> values, int start, int stop)
    {
        var run = values.GetRange(start, stop - start)
            .Select((v, i) => (v, i))
            .OrderBy(t => Math.Abs(t.v.Imaginary))
            .ThenBy(t => t.i)
            .Select(t => t.v)
            .ToList();
        for (int i = 0; i < run.Count; i++)
        {
            values[start + i] = run[i];
        }
    }
}
