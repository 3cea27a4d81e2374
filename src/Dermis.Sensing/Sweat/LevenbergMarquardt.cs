namespace Dermis.Sensing.Sweat;

/// <summary>
/// Weighted Levenberg–Marquardt least squares for the calibration models (Marquardt, J Soc Ind Appl Math 11:431, 1963,
/// doi:10.1137/0111030, with the diagonal scaling of his eq. 2.2). The logistic models are solved for ln C (and ln E) so
/// that C and E stay positive and steps are scale-free; estimates are reported back in the natural parameters.
/// </summary>
/// <remarks>
/// Convergence (docs/sweat.md §Fitting): after an accepted step, the relative decrease of the weighted SSE is below
/// 1e-12 and every parameter moved by less than 1e-9 of its magnitude (+1e-12); or the SSE is below 1e-28 of Σw·y²
/// (an exact fit); or λ has grown past 1e16 without a decrease (no descent direction left in double precision). More
/// than <see cref="MaxIterations"/> iterations is a failure.
/// </remarks>
internal static class LevenbergMarquardt
{
    public const int MaxIterations = 2000;

    public readonly record struct Outcome(double[] Parameters, double WeightedSse, int Iterations, bool Converged);

    public static Outcome Minimise(CurveModel model, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w, ReadOnlySpan<double> start)
    {
        var k = start.Length;
        var q = new double[k];
        ToInternal(model, start, q);
        Span<double> p = stackalloc double[k];
        Span<double> trialP = stackalloc double[k];
        Span<double> trialQ = stackalloc double[k];
        Span<double> jtj = stackalloc double[k * k];
        Span<double> jtr = stackalloc double[k];
        Span<double> m = stackalloc double[k * k];
        Span<double> step = stackalloc double[k];
        ToNatural(model, q, p);
        var sse = WeightedSse(model, p, x, y, w);
        if (!double.IsFinite(sse))
        {
            return new Outcome(Natural(model, q), sse, 0, false);
        }

        var scaleY = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            scaleY += w[i] * y[i] * y[i];
        }

        var lambda = 1e-3;
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            NormalEquations(model, p, x, y, w, jtj, jtr);
            var accepted = false;
            while (!accepted)
            {
                jtj.CopyTo(m);
                for (var j = 0; j < k; j++)
                {
                    m[(j * k) + j] += lambda * Math.Max(jtj[(j * k) + j], 1e-300);
                }

                jtr.CopyTo(step);
                if (SmallMatrix.Cholesky(m, k))
                {
                    SmallMatrix.CholeskySolve(m, k, step);
                    for (var j = 0; j < k; j++)
                    {
                        trialQ[j] = q[j] + step[j];
                    }

                    ToNatural(model, trialQ, trialP);
                    var trialSse = WeightedSse(model, trialP, x, y, w);
                    if (trialSse < sse)
                    {
                        var relativeDecrease = (sse - trialSse) / sse;
                        var maxRelativeStep = 0.0;
                        for (var j = 0; j < k; j++)
                        {
                            maxRelativeStep = Math.Max(maxRelativeStep, Math.Abs(step[j]) / (Math.Abs(q[j]) + 1e-12));
                        }

                        trialQ.CopyTo(q);
                        trialP.CopyTo(p);
                        sse = trialSse;
                        lambda = Math.Max(lambda / 10, 1e-12);
                        accepted = true;
                        if ((relativeDecrease < 1e-12 && maxRelativeStep < 1e-9) || sse <= 1e-28 * scaleY)
                        {
                            return new Outcome(Natural(model, q), sse, iteration, true);
                        }

                        break;
                    }
                }

                lambda *= 10;
                if (lambda > 1e16)
                {
                    return new Outcome(Natural(model, q), sse, iteration, true);
                }
            }
        }

        return new Outcome(Natural(model, q), sse, MaxIterations, false);
    }

    /// <summary>Σ wᵢ (yᵢ − f(xᵢ))²; +∞ when any prediction is not finite.</summary>
    public static double WeightedSse(CurveModel model, ReadOnlySpan<double> p, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w)
    {
        var sse = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var r = y[i] - CurveFunctions.Response(model, p, x[i]);
            sse += w[i] * r * r;
        }

        return double.IsFinite(sse) ? sse : double.PositiveInfinity;
    }

    /// <summary>JᵀWJ (k × k) and JᵀW·r in the internal parameters (ln C, ln E for the logistic models).</summary>
    private static void NormalEquations(CurveModel model, ReadOnlySpan<double> p, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w, Span<double> jtj, Span<double> jtr)
    {
        var k = p.Length;
        Span<double> g = stackalloc double[k];
        jtj.Clear();
        jtr.Clear();
        for (var i = 0; i < x.Length; i++)
        {
            CurveFunctions.Gradient(model, p, x[i], g);
            if (model != CurveModel.LogLinear)
            {
                g[2] *= p[2];
                if (model == CurveModel.FiveParameterLogistic)
                {
                    g[4] *= p[4];
                }
            }

            var r = y[i] - CurveFunctions.Response(model, p, x[i]);
            for (var a = 0; a < k; a++)
            {
                jtr[a] += w[i] * g[a] * r;
                for (var b = 0; b <= a; b++)
                {
                    jtj[(a * k) + b] += w[i] * g[a] * g[b];
                }
            }
        }

        for (var a = 0; a < k; a++)
        {
            for (var b = a + 1; b < k; b++)
            {
                jtj[(a * k) + b] = jtj[(b * k) + a];
            }
        }
    }

    private static void ToInternal(CurveModel model, ReadOnlySpan<double> natural, Span<double> q)
    {
        natural.CopyTo(q);
        if (model != CurveModel.LogLinear)
        {
            q[2] = Math.Log(natural[2]);
            if (model == CurveModel.FiveParameterLogistic)
            {
                q[4] = Math.Log(natural[4]);
            }
        }
    }

    private static void ToNatural(CurveModel model, ReadOnlySpan<double> q, Span<double> natural)
    {
        q.CopyTo(natural);
        if (model != CurveModel.LogLinear)
        {
            natural[2] = Math.Exp(q[2]);
            if (model == CurveModel.FiveParameterLogistic)
            {
                natural[4] = Math.Exp(q[4]);
            }
        }
    }

    private static double[] Natural(CurveModel model, ReadOnlySpan<double> q)
    {
        var natural = new double[q.Length];
        ToNatural(model, q, natural);
        return natural;
    }
}
