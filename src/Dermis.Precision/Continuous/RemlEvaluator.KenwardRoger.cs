namespace Dermis.Precision.Continuous;

internal sealed partial class RemlEvaluator
{
    /// <summary>
    /// Kenward–Roger adjusted covariance Φ_A = Φ + 2Φ{Σ_kl W_kl (Q_kl − P_k Φ P_l − ¼R_kl)}Φ (Kenward &amp; Roger 1997,
    /// eq. 4–5), with Q_kl = XᵀV⁻¹V_kV⁻¹V_lV⁻¹X, P_k = −M_k, R_kl = XᵀV⁻¹(∂²V/∂θ_k∂θ_l)V⁻¹X and W the inverse expected
    /// information; call after <see cref="Derivatives"/> at the same θ.
    /// </summary>
    public double[] KenwardRogerCovariance(ReadOnlySpan<double> theta, double[] w)
    {
        int t = _t, p = _p, q = _model.ParameterCount;
        var middle = new double[p * p];

        // Σ_kl W_kl Q_kl = Σ_i U_iᵀ Z_g U_i with Z_g = Σ_kl W_kl D_k W_g D_l restricted to the pattern's visits.
        var patterns = _d.PatternVisits.Length;
        var z = new double[patterns][];
        var position = new int[t];
        for (var g = 0; g < patterns; g++)
        {
            z[g] = PatternZ(g, w, position);
        }

        var zu = new double[t * p];
        for (var s = 0; s < _d.Subjects; s++)
        {
            var start = _d.SubjectStart[s];
            var zg = z[_d.SubjectPattern[s]];
            var m = _d.PatternVisits[_d.SubjectPattern[s]].Length;
            Array.Clear(zu);
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++)
                {
                    var zab = zg[(a * m) + b];
                    var ub = U.AsSpan((start + b) * p, p);
                    for (var j = 0; j < p; j++)
                    {
                        zu[(a * p) + j] += zab * ub[j];
                    }
                }
            }

            for (var a = 0; a < m; a++)
            {
                var ua = U.AsSpan((start + a) * p, p);
                for (var i = 0; i < p; i++)
                {
                    var ui = ua[i];
                    if (ui == 0)
                    {
                        continue;
                    }

                    for (var j = 0; j < p; j++)
                    {
                        middle[(i * p) + j] += ui * zu[(a * p) + j];
                    }
                }
            }
        }

        // − Σ_kl W_kl M_k Φ M_l
        for (var k = 0; k < q; k++)
        {
            var nk = new double[p * p];
            for (var l = 0; l < q; l++)
            {
                var wkl = w[(k * q) + l];
                for (var j = 0; j < p * p; j++)
                {
                    nk[j] += wkl * M[l][j];
                }
            }

            var product = Multiply(M[k], Multiply(Phi, nk, p), p);
            for (var j = 0; j < p * p; j++)
            {
                middle[j] -= product[j];
            }
        }

        // − ¼ Σ_kl W_kl R_kl (zero for structures linear in θ)
        if (!_model.IsLinear)
        {
            for (var k = 0; k < q; k++)
            {
                for (var l = 0; l < q; l++)
                {
                    var r = CombineBlocks(_s, _model.SecondDerivative(theta, k, l), p * p);
                    var wkl = w[(k * q) + l];
                    for (var j = 0; j < p * p; j++)
                    {
                        middle[j] -= 0.25 * wkl * r[j];
                    }
                }
            }
        }

        var lambda = Multiply(Phi, Multiply(middle, Phi, p), p);
        var adjusted = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                // Symmetrise: the two triangles of Λ differ only by rounding.
                adjusted[(i * p) + j] = Phi[(i * p) + j] + lambda[(i * p) + j] + lambda[(j * p) + i];
            }
        }

        return adjusted;
    }

    private double[] PatternZ(int g, double[] w, int[] position)
    {
        var visits = _d.PatternVisits[g];
        var m = visits.Length;
        var wg = _patternInverse[g];
        Array.Fill(position, -1);
        for (var a = 0; a < m; a++)
        {
            position[visits[a]] = a;
        }

        var q = Dk.Length;
        var z = new double[m * m];
        for (var k = 0; k < q; k++)
        {
            var dk = Dk[k];
            for (var l = 0; l < q; l++)
            {
                var wkl = w[(k * q) + l];
                if (wkl == 0)
                {
                    continue;
                }

                var dl = Dk[l];
                for (var e = 0; e < dk.Count; e++)
                {
                    int pa = position[dk.Row(e)], pb = position[dk.Column(e)];
                    if (pa < 0 || pb < 0)
                    {
                        continue;
                    }

                    var ve = wkl * dk.Value(e);
                    for (var f = 0; f < dl.Count; f++)
                    {
                        int pc = position[dl.Row(f)], pd = position[dl.Column(f)];
                        if (pc < 0 || pd < 0)
                        {
                            continue;
                        }

                        z[(pa * m) + pd] += ve * dl.Value(f) * wg[(pb * m) + pc];
                    }
                }
            }
        }

        return z;
    }
}
