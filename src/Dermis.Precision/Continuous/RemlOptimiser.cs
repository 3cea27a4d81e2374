using Dermis.Precision.Numerics;

namespace Dermis.Precision.Continuous;

/// <summary>
/// Maximises the REML log-likelihood over θ by Newton–Raphson on the analytic observed information, falling back to
/// Fisher scoring (expected information) where the observed one is not positive definite, with step halving that
/// keeps every Σ_i positive definite and ℓ_R non-decreasing. Starts from moments of OLS residuals.
/// </summary>
internal static class RemlOptimiser
{
    /// <summary>The optimum (or last iterate) and the information matrices there.</summary>
    internal sealed record Outcome(double[] Theta, int Iterations, bool Converged, double[] Gradient, double[] Expected, double[] Observed);

    public static Outcome Maximise(RemlEvaluator evaluator, MmrmDesign design, CovarianceModel model, MmrmOptions options)
    {
        var theta = StartingValues(design, model);
        if (!evaluator.Prepare(theta))
        {
            throw ContinuousInput.Invalid(
                "data: the residual covariance has a zero variance at some visit (identical responses after adjustment); the MMRM cannot be fitted.");
        }

        var (gradient, expected, observed) = evaluator.Derivatives(theta);
        var q = theta.Length;
        var iterations = 0;
        var converged = false;
        while (true)
        {
            var newton = Solve(observed, gradient, q);
            var fisher = Solve(expected, gradient, q);
            var direction = newton ?? fisher;
            if (direction is null)
            {
                break;
            }

            var decrement = RemlEvaluator.Dot(gradient, direction);
            if (decrement >= 0 && decrement < options.Tolerance)
            {
                converged = true;
                break;
            }

            if (iterations >= options.MaxIterations)
            {
                break;
            }

            var next = LineSearch(evaluator, theta, direction, evaluator.LogLikelihood)
                ?? (fisher is not null && newton is not null ? LineSearch(evaluator, theta, fisher, evaluator.LogLikelihood) : null);
            if (next is null)
            {
                // No step improves ℓ_R: the iterate is at the optimum up to rounding if the decrement is already tiny.
                evaluator.Prepare(theta);
                (gradient, expected, observed) = evaluator.Derivatives(theta);
                converged = Math.Abs(decrement) < Math.Sqrt(options.Tolerance) * 1e-2;
                break;
            }

            theta = next;
            iterations++;
            (gradient, expected, observed) = evaluator.Derivatives(theta);
        }

        return new Outcome(theta, iterations, converged, gradient, expected, observed);
    }

    private static double[]? LineSearch(RemlEvaluator evaluator, double[] theta, double[] direction, double current)
    {
        var candidate = new double[theta.Length];
        var step = 1.0;
        for (var halving = 0; halving < 40; halving++, step *= 0.5)
        {
            for (var k = 0; k < theta.Length; k++)
            {
                candidate[k] = theta[k] + (step * direction[k]);
            }

            // A tiny relative slack: at the optimum ℓ_R is flat to rounding and a strict increase may be unattainable.
            if (evaluator.Prepare(candidate) && evaluator.LogLikelihood >= current - (1e-13 * Math.Abs(current)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static double[]? Solve(double[] matrix, double[] rhs, int n)
    {
        var factor = (double[])matrix.Clone();
        if (DenseCholesky.Factor(factor, n) >= 0)
        {
            return null;
        }

        var x = (double[])rhs.Clone();
        DenseCholesky.Solve(factor, n, x);
        return x;
    }

    /// <summary>OLS fit, then pairwise moments Σ̃_ab = mean of r_a·r_b over subjects observed at both visits.</summary>
    private static double[] StartingValues(MmrmDesign design, CovarianceModel model)
    {
        int p = design.P, t = design.T;
        var crossProduct = new double[p * p];
        var rhs = new double[p];
        for (var i = 0; i < design.N; i++)
        {
            var x = design.X.AsSpan(i * p, p);
            for (var r = 0; r < p; r++)
            {
                rhs[r] += x[r] * design.Y[i];
                for (var c = 0; c <= r; c++)
                {
                    crossProduct[(r * p) + c] += x[r] * x[c];
                }
            }
        }

        DenseCholesky.Factor(crossProduct, p);
        DenseCholesky.Solve(crossProduct, p, rhs);
        var residual = new double[design.N];
        for (var i = 0; i < design.N; i++)
        {
            residual[i] = design.Y[i] - RemlEvaluator.Dot(design.X.AsSpan(i * p, p), rhs);
        }

        var moments = new double[t * t];
        var counts = new int[t * t];
        for (var s = 0; s < design.Subjects; s++)
        {
            for (var i = design.SubjectStart[s]; i < design.SubjectStart[s + 1]; i++)
            {
                for (var j = design.SubjectStart[s]; j < design.SubjectStart[s + 1]; j++)
                {
                    var cell = (design.VisitOf[i] * t) + design.VisitOf[j];
                    moments[cell] += residual[i] * residual[j];
                    counts[cell]++;
                }
            }
        }

        for (var cell = 0; cell < moments.Length; cell++)
        {
            moments[cell] = counts[cell] > 0 ? moments[cell] / counts[cell] : 0;
        }

        return model.Start(moments);
    }
}
