namespace Dermis.SingleCell.Annotation;

/// <summary>
/// Limited-memory BFGS with the two-loop recursion and a backtracking Armijo line search (Nocedal &amp; Wright,
/// Numerical Optimization, 2nd ed., Algorithms 7.4 and 7.5, §3.1), for smooth convex objectives.
/// </summary>
internal static class Lbfgs
{
    private const int Memory = 10;

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="x"/> (updated in place).</summary>
    /// <param name="objective">Returns f(x) and writes ∇f(x) into its second argument.</param>
    /// <param name="x">Start, overwritten with the minimiser.</param>
    /// <param name="maxIterations">Iteration limit.</param>
    /// <param name="tolerance">Stop when max |∇f| is below this.</param>
    /// <returns>Iterations used and the final value.</returns>
    public static (int Iterations, double Value) Minimise(Func<double[], double[], double> objective, double[] x, int maxIterations, double tolerance)
    {
        var n = x.Length;
        var g = new double[n];
        var f = objective(x, g);
        var s = new double[Memory][];
        var y = new double[Memory][];
        var rho = new double[Memory];
        var alpha = new double[Memory];
        var stored = 0;
        var direction = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var iteration = 0;
        for (; iteration < maxIterations && MaxAbs(g) >= tolerance; iteration++)
        {
            // Two-loop recursion: direction = −H·g.
            g.CopyTo(direction, 0);
            for (var k = stored - 1; k >= 0; k--)
            {
                alpha[k] = rho[k] * Dot(s[k], direction);
                Axpy(-alpha[k], y[k], direction);
            }

            var gamma = stored > 0 ? Dot(s[stored - 1], y[stored - 1]) / Dot(y[stored - 1], y[stored - 1]) : 1 / Math.Max(1, Math.Sqrt(Dot(g, g)));
            for (var e = 0; e < n; e++)
            {
                direction[e] *= gamma;
            }

            for (var k = 0; k < stored; k++)
            {
                var beta = rho[k] * Dot(y[k], direction);
                Axpy(alpha[k] - beta, s[k], direction);
            }

            for (var e = 0; e < n; e++)
            {
                direction[e] = -direction[e];
            }

            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (curvature information gone stale): restart from steepest descent.
                stored = 0;
                for (var e = 0; e < n; e++)
                {
                    direction[e] = -g[e];
                }

                slope = Dot(g, direction);
            }

            var step = 1.0;
            double fNew;
            while (true)
            {
                for (var e = 0; e < n; e++)
                {
                    trial[e] = x[e] + (step * direction[e]);
                }

                fNew = objective(trial, trialGradient);
                if (fNew <= f + (1e-4 * step * slope) || step < 1e-12)
                {
                    break;
                }

                step *= 0.5;
            }

            if (step < 1e-12)
            {
                break;
            }

            var newS = stored == Memory ? s[0] : new double[n];
            var newY = stored == Memory ? y[0] : new double[n];
            if (stored == Memory)
            {
                Array.Copy(s, 1, s, 0, Memory - 1);
                Array.Copy(y, 1, y, 0, Memory - 1);
                Array.Copy(rho, 1, rho, 0, Memory - 1);
                stored--;
            }

            for (var e = 0; e < n; e++)
            {
                newS[e] = trial[e] - x[e];
                newY[e] = trialGradient[e] - g[e];
            }

            var sy = Dot(newS, newY);
            trial.CopyTo(x, 0);
            trialGradient.CopyTo(g, 0);
            var improvement = f - fNew;
            f = fNew;
            if (sy > 1e-12)
            {
                s[stored] = newS;
                y[stored] = newY;
                rho[stored] = 1 / sy;
                stored++;
            }

            if (improvement <= 1e-12 * Math.Max(1, Math.Abs(f)))
            {
                iteration++;
                break;
            }
        }

        return (iteration, f);
    }

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var e = 0; e < y.Length; e++)
        {
            y[e] += a * x[e];
        }
    }

    private static double MaxAbs(double[] values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
