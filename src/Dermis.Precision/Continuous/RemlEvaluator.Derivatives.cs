namespace Dermis.Precision.Continuous;

internal sealed partial class RemlEvaluator
{
    /// <summary>∂Σ/∂θ_k at the last <see cref="Derivatives"/> call.</summary>
    public MatrixEntries[] Dk { get; private set; } = [];

    /// <summary>M_k = XᵀV⁻¹(∂V/∂θ_k)V⁻¹X (p × p each) at the last <see cref="Derivatives"/> call; P_k of Kenward–Roger is −M_k.</summary>
    public double[][] M { get; private set; } = [];

    /// <summary>S[a,b] = Σ_i u_ia·u_ibᵀ (p × p blocks, a, b visits), u_ia the row of V_i⁻¹X_i at visit a.</summary>
    private double[] _s = [];

    /// <summary>
    /// Score ∂ℓ_R/∂θ, expected information I_E[k,l] = ½·tr(P·V_k·P·V_l) and observed information −∂²ℓ_R/∂θ_k∂θ_l at the
    /// θ of the last successful <see cref="Prepare"/> (P = V⁻¹ − V⁻¹XΦXᵀV⁻¹, V_k = ∂V/∂θ_k; e.g. Searle, Casella &amp;
    /// McCulloch 1992, Variance Components, §6.6).
    /// </summary>
    public (double[] Gradient, double[] Expected, double[] Observed) Derivatives(ReadOnlySpan<double> theta)
    {
        int t = _t, p = _p, q = _model.ParameterCount, t2 = _t * _t;
        Dk = _model.Derivatives(theta);
        var patterns = _d.PatternVisits.Length;
        var qBar = new double[patterns][];
        var eBar = new double[patterns][];
        for (var g = 0; g < patterns; g++)
        {
            var m = _d.PatternVisits[g].Length;
            qBar[g] = new double[m * m];
            eBar[g] = new double[m * m];
        }

        _s = new double[t2 * p * p];
        var h = new double[t2 * p];
        var uPhi = new double[t * p];
        for (var s = 0; s < _d.Subjects; s++)
        {
            AccumulateDerivativeSums(s, qBar, eBar, h, uPhi);
        }

        // S[b,a] = S[a,b]ᵀ: only a < b blocks (and the diagonal) were accumulated.
        for (var a = 0; a < t; a++)
        {
            for (var b = a + 1; b < t; b++)
            {
                var upper = _s.AsSpan(((a * t) + b) * p * p, p * p);
                var lower = _s.AsSpan(((b * t) + a) * p * p, p * p);
                for (var i = 0; i < p; i++)
                {
                    for (var j = 0; j < p; j++)
                    {
                        lower[(j * p) + i] = upper[(i * p) + j];
                    }
                }
            }
        }

        // tr(Y_g·D_k·W_g·D_l) summed over patterns, for Y = n_g·W_g − 2·Q̄_g (expected information) and Y = Ē_g (the
        // yᵀP·V_k·P·V_l·Py part), through the T⁴ tensors Σ_g Y_g ⊗ W_g.
        var tensorExpected = new double[t2 * t2];
        var tensorObserved = new double[t2 * t2];
        var sumP = new double[t2];
        var sumE = new double[t2];
        for (var g = 0; g < patterns; g++)
        {
            AccumulateTensors(g, qBar[g], eBar[g], tensorExpected, tensorObserved, sumP, sumE);
        }

        var traceExpected = Contract(tensorExpected, Dk);
        var traceObserved = Contract(tensorObserved, Dk);
        M = new double[q][];
        var phiM = new double[q][];
        var hk = new double[q][];
        for (var k = 0; k < q; k++)
        {
            M[k] = CombineBlocks(_s, Dk[k], p * p);
            hk[k] = CombineBlocks(h, Dk[k], p);
            phiM[k] = Multiply(Phi, M[k], p);
        }

        var gradient = new double[q];
        var expected = new double[q * q];
        var observed = new double[q * q];
        var difference = new double[t2];
        for (var i = 0; i < t2; i++)
        {
            difference[i] = sumP[i] - sumE[i];
        }

        for (var k = 0; k < q; k++)
        {
            gradient[k] = -0.5 * Dk[k].Contract(difference, t);
            var phiH = Multiply(Phi, hk[k], p, 1);
            for (var l = 0; l <= k; l++)
            {
                var fisher = 0.5 * (traceExpected[(k * q) + l] + TraceOfProduct(phiM[k], phiM[l], p));
                var average = traceObserved[(k * q) + l] - Dot(hk[l], phiH);
                var second = _model.IsLinear ? 0 : 0.5 * _model.SecondDerivative(theta, k, l).Contract(difference, t);
                expected[(k * q) + l] = expected[(l * q) + k] = fisher;
                observed[(k * q) + l] = observed[(l * q) + k] = average - fisher + second;
            }
        }

        return (gradient, expected, observed);
    }

    private void AccumulateDerivativeSums(int s, double[][] qBar, double[][] eBar, double[] h, double[] uPhi)
    {
        int t = _t, p = _p;
        var start = _d.SubjectStart[s];
        var g = _d.SubjectPattern[s];
        var visits = _d.PatternVisits[g];
        var m = visits.Length;
        for (var a = 0; a < m; a++)
        {
            var u = U.AsSpan((start + a) * p, p);
            var target = uPhi.AsSpan(a * p, p);
            target.Clear();
            for (var i = 0; i < p; i++)
            {
                var ui = u[i];
                if (ui == 0)
                {
                    continue;
                }

                var phiRow = Phi.AsSpan(i * p, p);
                for (var j = 0; j < p; j++)
                {
                    target[j] += ui * phiRow[j];
                }
            }
        }

        for (var a = 0; a < m; a++)
        {
            var ua = U.AsSpan((start + a) * p, p);
            var upa = uPhi.AsSpan(a * p, p);
            for (var b = 0; b < m; b++)
            {
                var ub = U.AsSpan((start + b) * p, p);
                qBar[g][(a * m) + b] += Dot(upa, ub);
                eBar[g][(a * m) + b] += E[start + a] * E[start + b];
                var hb = h.AsSpan(((visits[a] * t) + visits[b]) * p, p);
                var eb = E[start + b];
                for (var j = 0; j < p; j++)
                {
                    hb[j] += ua[j] * eb;
                }

                if (b < a)
                {
                    continue;
                }

                var block = _s.AsSpan(((visits[a] * t) + visits[b]) * p * p, p * p);
                for (var i = 0; i < p; i++)
                {
                    var ui = ua[i];
                    if (ui == 0)
                    {
                        continue;
                    }

                    var row = block.Slice(i * p, p);
                    for (var j = 0; j < p; j++)
                    {
                        row[j] += ui * ub[j];
                    }
                }
            }
        }
    }

    private void AccumulateTensors(int g, double[] qBar, double[] eBar, double[] tensorExpected, double[] tensorObserved, double[] sumP, double[] sumE)
    {
        var t = _t;
        var t2 = t * t;
        var visits = _d.PatternVisits[g];
        var m = visits.Length;
        var w = _patternInverse[g];
        var n = _patternSubjects[g];
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < m; b++)
            {
                var ab = (visits[a] * t) + visits[b];
                var y1 = (n * w[(a * m) + b]) - (2 * qBar[(a * m) + b]);
                var y2 = eBar[(a * m) + b];
                sumP[ab] += (n * w[(a * m) + b]) - qBar[(a * m) + b];
                sumE[ab] += y2;
                for (var c = 0; c < m; c++)
                {
                    for (var d = 0; d < m; d++)
                    {
                        var index = (ab * t2) + (visits[c] * t) + visits[d];
                        var wcd = w[(c * m) + d];
                        tensorExpected[index] += y1 * wcd;
                        tensorObserved[index] += y2 * wcd;
                    }
                }
            }
        }
    }

    /// <summary>C[k,l] = Σ_{abcd} T[a,b,c,d]·D_k[b,c]·D_l[d,a] = tr(Y·D_k·W·D_l) for T = Y ⊗ W.</summary>
    private double[] Contract(double[] tensor, MatrixEntries[] d)
    {
        int t = _t, t2 = _t * _t, q = d.Length;
        var result = new double[q * q];
        var z = new double[t2];
        for (var k = 0; k < q; k++)
        {
            Array.Clear(z);
            var dk = d[k];
            for (var e = 0; e < dk.Count; e++)
            {
                int b = dk.Row(e), c = dk.Column(e);
                var v = dk.Value(e);
                for (var a = 0; a < t; a++)
                {
                    var baseIndex = (((a * t) + b) * t2) + (c * t);
                    for (var dd = 0; dd < t; dd++)
                    {
                        z[(a * t) + dd] += v * tensor[baseIndex + dd];
                    }
                }
            }

            for (var l = 0; l < q; l++)
            {
                // Σ_{(d,a)} D_l[d,a]·Z[a,d]; D_l is symmetric, so its entry list read transposed is the same.
                result[(k * q) + l] = d[l].Contract(z, t);
            }
        }

        return result;
    }

    private double[] CombineBlocks(double[] blocks, MatrixEntries d, int size)
    {
        var result = new double[size];
        for (var e = 0; e < d.Count; e++)
        {
            var v = d.Value(e);
            var block = blocks.AsSpan(((d.Row(e) * _t) + d.Column(e)) * size, size);
            for (var j = 0; j < size; j++)
            {
                result[j] += v * block[j];
            }
        }

        return result;
    }

    /// <summary>Row-major product of a p × p matrix and a p × <paramref name="columns"/> matrix.</summary>
    internal static double[] Multiply(double[] a, double[] b, int p, int columns = -1)
    {
        var n = columns < 0 ? p : columns;
        var result = new double[p * n];
        for (var i = 0; i < p; i++)
        {
            for (var k = 0; k < p; k++)
            {
                var aik = a[(i * p) + k];
                if (aik == 0)
                {
                    continue;
                }

                for (var j = 0; j < n; j++)
                {
                    result[(i * n) + j] += aik * b[(k * n) + j];
                }
            }
        }

        return result;
    }

    internal static double TraceOfProduct(double[] a, double[] b, int p)
    {
        var sum = 0.0;
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                sum += a[(i * p) + j] * b[(j * p) + i];
            }
        }

        return sum;
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
