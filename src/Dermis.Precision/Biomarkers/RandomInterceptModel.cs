using Dermis.Precision.Prediction;
using Dermis.Precision.Numerics;

namespace Dermis.Precision.Biomarkers;

/// <summary>
/// Linear mixed model y = Xβ + b_subject + ε with b ~ N(0, τ²), ε ~ N(0, σ²), fitted by REML.
/// With γ = τ²/σ², each participant's covariance is σ²(I + γJ), whose inverse and determinant are
/// closed-form (I − γ/(1 + nᵢγ)·J and 1 + nᵢγ), so β and σ² are profiled out and the restricted
/// log-likelihood is maximised over log γ alone (Pinheiro &amp; Bates 2000, §2.2.5).
/// </summary>
internal sealed class RandomInterceptModel
{
    private RandomInterceptModel(double[] beta, double[] covariance, double sigma2, double gamma, double logLik)
    {
        Beta = beta;
        Covariance = covariance;
        Sigma2 = sigma2;
        Gamma = gamma;
        RestrictedLogLikelihood = logLik;
    }

    public double[] Beta { get; }

    /// <summary>Row-major p × p covariance of β̂, σ̂²·(X′V⁻¹X)⁻¹.</summary>
    public double[] Covariance { get; }

    public double Sigma2 { get; }

    /// <summary>Variance ratio τ²/σ².</summary>
    public double Gamma { get; }

    /// <summary>Restricted log-likelihood at the optimum (as nlme's <c>logLik</c> for REML fits).</summary>
    public double RestrictedLogLikelihood { get; }

    /// <param name="x">Row-major N × p design (including the intercept column).</param>
    /// <param name="p">Number of columns.</param>
    /// <param name="y">Outcome.</param>
    /// <param name="group">Participant index 0..S−1 per row.</param>
    /// <param name="groups">S.</param>
    public static RandomInterceptModel Fit(double[] x, int p, double[] y, int[] group, int groups)
    {
        var sums = new GroupSums(x, p, y, group, groups);
        // Coarse scan of log γ to bracket the maximum, then golden-section refinement.
        const double Low = -18, High = 12;
        const int Steps = 60;
        var bestU = Low;
        var best = double.NegativeInfinity;
        for (var s = 0; s <= Steps; s++)
        {
            var u = Low + (High - Low) * s / Steps;
            var value = sums.Profile(Math.Exp(u)).LogLik;
            if (value > best)
            {
                best = value;
                bestU = u;
            }
        }

        var step = (High - Low) / Steps;
        double a = bestU - step, b = bestU + step;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a), d = a + ratio * (b - a);
        double fc = sums.Profile(Math.Exp(c)).LogLik, fd = sums.Profile(Math.Exp(d)).LogLik;
        while (b - a > 1e-11)
        {
            if (fc > fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - ratio * (b - a);
                fc = sums.Profile(Math.Exp(c)).LogLik;
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + ratio * (b - a);
                fd = sums.Profile(Math.Exp(d)).LogLik;
            }
        }

        // At the lower end of the scan the optimum is on the boundary τ² = 0 (ordinary least squares).
        var gamma = bestU <= Low ? 0 : Math.Exp((a + b) / 2);
        var fit = sums.Profile(gamma);
        var inverse = new double[p * p];
        for (var j = 0; j < p; j++)
        {
            var unit = new double[p];
            unit[j] = 1;
            var column = DenseCholesky.TrySolve(fit.Information, unit, p) ?? throw RankDeficient();
            for (var i = 0; i < p; i++)
            {
                inverse[i * p + j] = column[i] * fit.Sigma2;
            }
        }

        return new RandomInterceptModel(fit.Beta, inverse, fit.Sigma2, gamma, fit.LogLik);
    }

    /// <summary>Per-participant sufficient statistics: Xᵢ′Xᵢ, Xᵢ′yᵢ, yᵢ′yᵢ, column sums and sizes.</summary>
    private sealed class GroupSums
    {
        private readonly int p;
        private readonly int n;
        private readonly double[] xtx;
        private readonly double[] xty;
        private readonly double yty;
        private readonly double[][] columnSums;
        private readonly double[] ySums;
        private readonly int[] sizes;

        public GroupSums(double[] x, int p, double[] y, int[] group, int groups)
        {
            this.p = p;
            n = y.Length;
            xtx = new double[p * p];
            xty = new double[p];
            columnSums = new double[groups][];
            for (var g = 0; g < groups; g++)
            {
                columnSums[g] = new double[p];
            }

            ySums = new double[groups];
            sizes = new int[groups];
            for (var i = 0; i < n; i++)
            {
                var g = group[i];
                sizes[g]++;
                ySums[g] += y[i];
                yty += y[i] * y[i];
                for (var a = 0; a < p; a++)
                {
                    var xa = x[i * p + a];
                    columnSums[g][a] += xa;
                    xty[a] += xa * y[i];
                    for (var b = 0; b < p; b++)
                    {
                        xtx[a * p + b] += xa * x[i * p + b];
                    }
                }
            }
        }

        /// <summary>GLS fit at a fixed γ and the profiled restricted log-likelihood.</summary>
        public (double[] Beta, double[] Information, double Sigma2, double LogLik) Profile(double gamma)
        {
            var a = (double[])xtx.Clone();
            var r = (double[])xty.Clone();
            var quadratic = yty;
            double logDetV = 0;
            for (var g = 0; g < sizes.Length; g++)
            {
                var c = gamma / (1 + sizes[g] * gamma);
                logDetV += Math.Log(1 + sizes[g] * gamma);
                var s = columnSums[g];
                for (var i = 0; i < p; i++)
                {
                    r[i] -= c * s[i] * ySums[g];
                    for (var j = 0; j < p; j++)
                    {
                        a[i * p + j] -= c * s[i] * s[j];
                    }
                }

                quadratic -= c * ySums[g] * ySums[g];
            }

            var beta = DenseCholesky.TrySolve(a, r, p) ?? throw RankDeficient();
            var residual = quadratic;
            for (var i = 0; i < p; i++)
            {
                residual -= beta[i] * r[i];
            }

            var df = n - p;
            var sigma2 = residual / df;
            var logDetA = LogDeterminant(a, p);
            // −½[(N−p)·log(2πσ̂²) + (N−p) + log|V| + log|X′V⁻¹X|] with V scaled by σ², σ̂² profiled out.
            var logLik = -0.5 * (df * Math.Log(2 * Math.PI * sigma2) + df + logDetV + logDetA);
            return (beta, a, sigma2, logLik);
        }

        private static double LogDeterminant(double[] a, int p)
        {
            // Cholesky: log|A| = 2·Σ log Lᵢᵢ.
            var l = new double[p * p];
            double sum = 0;
            for (var i = 0; i < p; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    var v = a[i * p + j];
                    for (var k = 0; k < j; k++)
                    {
                        v -= l[i * p + k] * l[j * p + k];
                    }

                    l[i * p + j] = i == j ? Math.Sqrt(v) : v / l[j * p + j];
                }

                sum += Math.Log(l[i * p + i]);
            }

            return 2 * sum;
        }
    }

    private static InvalidOperationException RankDeficient() =>
        new("The mixed model's fixed-effects system is not positive definite: the biomarker or time is constant or collinear with the intercept.");
}
