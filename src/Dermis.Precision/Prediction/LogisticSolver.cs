using Dermis.Precision.Numerics;

namespace Dermis.Precision.Prediction;

/// <summary>
/// Minimises the glmnet elastic-net logistic objective on a <see cref="StandardisedProblem"/>.
/// Without an L1 part (α = 0 or λ = 0) the objective is smooth and strictly convex in the active
/// coefficients: damped Newton with a Cholesky solve (quadratic convergence, so λ = 0 reproduces
/// R <c>glm</c> to machine precision). With an L1 part: proximal Newton, i.e. glmnet's IRLS outer
/// loop with cyclic coordinate descent and soft-thresholding inside (Friedman et al. 2010, §3),
/// plus a backtracking step on the exact objective so every outer step descends.
/// </summary>
internal static class LogisticSolver
{
    private const int MaxOuter = 100;
    private const double StepTolerance = 1e-10;

    /// <summary>Returns [b0, θ₁ … θq]; throws when the fit does not converge (separation at λ = 0).</summary>
    public static double[] Solve(StandardisedProblem problem, double lambda, double alpha, double[]? start = null)
    {
        var parameters = start is null ? InitialParameters(problem) : (double[])start.Clone();
        var useNewton = alpha == 0 || lambda == 0;
        var eta = new double[problem.N];
        var trial = new double[parameters.Length];
        var current = problem.Objective(parameters, lambda, alpha, eta);
        for (var iteration = 0; iteration < MaxOuter; iteration++)
        {
            var proposal = useNewton ? NewtonStep(problem, parameters, lambda * (1 - alpha), eta) : ProximalStep(problem, parameters, lambda, alpha, eta);
            var step = 1.0;
            double next;
            while (true)
            {
                for (var j = 0; j < parameters.Length; j++)
                {
                    trial[j] = parameters[j] + step * (proposal[j] - parameters[j]);
                }

                next = problem.Objective(trial, lambda, alpha, eta);
                if (next <= current + 1e-15 * Math.Abs(current) || step < 1e-6)
                {
                    break;
                }

                step /= 2;
            }

            double change = 0;
            for (var j = 0; j < parameters.Length; j++)
            {
                change = Math.Max(change, Math.Abs(trial[j] - parameters[j]));
            }

            Array.Copy(trial, parameters, parameters.Length);
            current = next;
            problem.LinearPredictor(parameters, eta);
            if (change < StepTolerance)
            {
                return parameters;
            }
        }

        throw new InvalidOperationException(
            $"Penalised logistic regression (λ = {lambda}, α = {alpha}) did not converge in {MaxOuter} iterations; " +
            "the outcome is probably (quasi-)completely separated by the features. Use a penalty (Lambda > 0, or null to choose it by cross-validation).");
    }

    private static double[] InitialParameters(StandardisedProblem problem)
    {
        double mean = 0;
        foreach (var y in problem.Y)
        {
            mean += y;
        }

        mean /= problem.N;
        var parameters = new double[problem.Q + 1];
        parameters[0] = Math.Log(mean / (1 - mean));
        return parameters;
    }

    /// <summary>Full Newton proposal for −loglik/n + (λ₂/2)‖θ‖²; <paramref name="eta"/> holds current linear predictors.</summary>
    private static double[] NewtonStep(StandardisedProblem problem, double[] parameters, double lambda2, double[] eta)
    {
        var p = problem.Q + 1;
        var gradient = new double[p];
        var hessian = new double[p * p];
        var x = new double[p];
        x[0] = 1;
        for (var i = 0; i < problem.N; i++)
        {
            var mu = StandardisedProblem.Logistic(eta[i]);
            var residual = problem.Y[i] - mu;
            var w = mu * (1 - mu);
            problem.Z.AsSpan(i * problem.Q, problem.Q).CopyTo(x.AsSpan(1));
            for (var a = 0; a < p; a++)
            {
                gradient[a] -= x[a] * residual;
                for (var b = 0; b <= a; b++)
                {
                    hessian[a * p + b] += w * x[a] * x[b];
                }
            }
        }

        for (var a = 0; a < p; a++)
        {
            gradient[a] /= problem.N;
            for (var b = 0; b <= a; b++)
            {
                hessian[a * p + b] /= problem.N;
                hessian[b * p + a] = hessian[a * p + b];
            }
        }

        for (var j = 1; j < p; j++)
        {
            if (problem.Active[j - 1])
            {
                gradient[j] += lambda2 * parameters[j];
                hessian[j * p + j] += lambda2;
            }
            else
            {
                // Inactive (constant) columns: pin θ = 0 by an identity row.
                for (var b = 0; b < p; b++)
                {
                    hessian[j * p + b] = 0;
                    hessian[b * p + j] = 0;
                }

                hessian[j * p + j] = 1;
                gradient[j] = parameters[j];
            }
        }

        var delta = DenseCholesky.TrySolve(hessian, gradient, p) ?? throw new InvalidOperationException(
            "The Newton system is not positive definite: the design is rank deficient (collinear features), or the outcome is separated by the features so that every fitted probability is 0 or 1. Remove the redundant feature or use Lambda > 0.");
        var proposal = new double[p];
        for (var j = 0; j < p; j++)
        {
            proposal[j] = parameters[j] - delta[j];
        }

        return proposal;
    }

    /// <summary>One glmnet IRLS step: coordinate descent on the penalised weighted least-squares approximation.</summary>
    private static double[] ProximalStep(StandardisedProblem problem, double[] parameters, double lambda, double alpha, double[] eta)
    {
        int n = problem.N, q = problem.Q;
        var w = new double[n];
        var residual = new double[n];
        double wSum = 0;
        for (var i = 0; i < n; i++)
        {
            var mu = StandardisedProblem.Logistic(eta[i]);
            // glmnet floors the weights so a fitted probability of 0 or 1 cannot stall the step.
            w[i] = Math.Max(mu * (1 - mu), 1e-5);
            residual[i] = (problem.Y[i] - mu) / w[i];
            wSum += w[i];
        }

        var columnWeight = new double[q];
        for (var j = 0; j < q; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var z = problem.Z[i * q + j];
                columnWeight[j] += w[i] * z * z;
            }

            columnWeight[j] /= n;
        }

        var next = (double[])parameters.Clone();
        for (var sweep = 0; sweep < 10_000; sweep++)
        {
            double change = 0;
            double interceptShift = 0;
            for (var i = 0; i < n; i++)
            {
                interceptShift += w[i] * residual[i];
            }

            interceptShift /= wSum;
            next[0] += interceptShift;
            for (var i = 0; i < n; i++)
            {
                residual[i] -= interceptShift;
            }

            change = Math.Max(change, Math.Abs(interceptShift));
            for (var j = 0; j < q; j++)
            {
                if (!problem.Active[j])
                {
                    continue;
                }

                double score = 0;
                for (var i = 0; i < n; i++)
                {
                    score += w[i] * problem.Z[i * q + j] * residual[i];
                }

                var old = next[j + 1];
                var u = score / n + columnWeight[j] * old;
                var updated = SoftThreshold(u, lambda * alpha) / (columnWeight[j] + lambda * (1 - alpha));
                var shift = updated - old;
                if (shift != 0)
                {
                    next[j + 1] = updated;
                    for (var i = 0; i < n; i++)
                    {
                        residual[i] -= shift * problem.Z[i * q + j];
                    }

                    change = Math.Max(change, Math.Abs(shift));
                }
            }

            if (change < 1e-13)
            {
                break;
            }
        }

        return next;
    }

    private static double SoftThreshold(double u, double t) => u > t ? u - t : u < -t ? u + t : 0;
}
