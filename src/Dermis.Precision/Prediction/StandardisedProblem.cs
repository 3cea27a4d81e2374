namespace Dermis.Precision.Prediction;

/// <summary>
/// A logistic-regression problem on standardised columns: z = (x − mean) / sd with the 1/n
/// standard deviation (glmnet's convention, so λ has glmnet's meaning). Constant columns
/// (sd = 0) are zeroed and their coefficient stays 0.
/// </summary>
internal sealed class StandardisedProblem
{
    public StandardisedProblem(double[] x, int columns, double[] y)
    {
        Q = columns;
        N = y.Length;
        Y = y;
        Means = new double[columns];
        Scales = new double[columns];
        Active = new bool[columns];
        Z = new double[x.Length];
        for (var j = 0; j < columns; j++)
        {
            double sum = 0;
            for (var i = 0; i < N; i++)
            {
                sum += x[i * columns + j];
            }

            var mean = sum / N;
            double ss = 0;
            for (var i = 0; i < N; i++)
            {
                var d = x[i * columns + j] - mean;
                ss += d * d;
            }

            var sd = Math.Sqrt(ss / N);
            Means[j] = mean;
            Scales[j] = sd;
            // A column whose spread is rounding noise relative to its level carries no information.
            Active[j] = sd > 1e-12 * Math.Max(1, Math.Abs(mean));
            for (var i = 0; i < N; i++)
            {
                Z[i * columns + j] = Active[j] ? (x[i * columns + j] - mean) / sd : 0;
            }
        }
    }

    public int N { get; }

    public int Q { get; }

    /// <summary>Row-major standardised design, n × q.</summary>
    public double[] Z { get; }

    public double[] Y { get; }

    public double[] Means { get; }

    public double[] Scales { get; }

    public bool[] Active { get; }

    /// <summary>Linear predictors b0 + z·θ for parameters laid out as [b0, θ₁ … θq].</summary>
    public void LinearPredictor(ReadOnlySpan<double> parameters, Span<double> eta)
    {
        for (var i = 0; i < N; i++)
        {
            var e = parameters[0];
            var row = Z.AsSpan(i * Q, Q);
            for (var j = 0; j < Q; j++)
            {
                e += row[j] * parameters[j + 1];
            }

            eta[i] = e;
        }
    }

    /// <summary>glmnet objective −loglik/n + λ[(1−α)/2‖θ‖² + α‖θ‖₁].</summary>
    public double Objective(ReadOnlySpan<double> parameters, double lambda, double alpha, Span<double> eta)
    {
        LinearPredictor(parameters, eta);
        double loss = 0;
        for (var i = 0; i < N; i++)
        {
            loss -= Y[i] * eta[i] - Log1PExp(eta[i]);
        }

        double ridge = 0, lasso = 0;
        for (var j = 1; j <= Q; j++)
        {
            ridge += parameters[j] * parameters[j];
            lasso += Math.Abs(parameters[j]);
        }

        return loss / N + lambda * ((1 - alpha) / 2 * ridge + alpha * lasso);
    }

    /// <summary>log(1 + eᵗ) without overflow.</summary>
    public static double Log1PExp(double t) => t > 0 ? t + Math.Log(1 + Math.Exp(-t)) : Math.Log(1 + Math.Exp(t));

    /// <summary>The logistic function without overflow.</summary>
    public static double Logistic(double t) => t >= 0 ? 1 / (1 + Math.Exp(-t)) : Math.Exp(t) / (1 + Math.Exp(t));
}
