using Dermis.Sensing.Simulation;

namespace Dermis.Sensing.Scratch;

/// <summary>
/// How <see cref="ScratchClassifier.Default"/> was fitted, kept in code so the fit is reproducible: simulated tuning
/// nights → gate bouts → features and labels → L2-penalised logistic regression by iteratively reweighted least squares.
/// </summary>
internal static class ScratchModelTraining
{
    /// <summary>Seeds the shipped model was fitted on.</summary>
    public const int FirstTuningSeed = 1;

    /// <summary>Last tuning seed (inclusive).</summary>
    public const int LastTuningSeed = 20;

    /// <summary>First held-out evaluation seed; never used for fitting.</summary>
    public const int FirstHeldOutSeed = 101;

    /// <summary>Last held-out evaluation seed (inclusive).</summary>
    public const int LastHeldOutSeed = 120;

    /// <summary>Ridge penalty on the standardised weights (not the intercept).</summary>
    public const double Ridge = 1.0;

    /// <summary>Minimum share of a bout covered by ground-truth scratch for the label "scratch".</summary>
    public const double LabelCoverage = 0.5;

    /// <summary>
    /// Length of the protocol nights, h: 2 rather than the simulator's default 8 so that the refit and the held-out
    /// evaluation run inside the unit-test budget (about 0.1 s per 2-h night in a Debug build).
    /// </summary>
    public const double ProtocolNightHours = 2.0;

    /// <summary>Simulation settings of a tuning or evaluation seed: default options, severity = seed mod 4 (mild, moderate, severe, healthy, …).</summary>
    public static NightSimulationOptions OptionsForSeed(int seed, double durationHours = ProtocolNightHours)
        => new() { Severity = (ScratchSeverity)(seed % 4), DurationHours = durationHours };

    /// <summary>True when ground-truth scratch covers at least <see cref="LabelCoverage"/> of the bout.</summary>
    public static bool Label(ScratchBout bout, IReadOnlyList<ScratchEvent> truth)
    {
        double covered = 0;
        foreach (var t in truth)
        {
            covered += Math.Max(0, ScratchAgreement.OverlapSeconds(bout.StartSeconds, bout.EndSeconds, t));
        }

        return covered >= LabelCoverage * (bout.EndSeconds - bout.StartSeconds);
    }

    /// <summary>Features and labels of every gate bout of the simulated nights of <paramref name="seeds"/>.</summary>
    public static (List<ScratchBoutFeatures> Features, List<bool> Labels) CollectBouts(IEnumerable<int> seeds, double durationHours = ProtocolNightHours)
    {
        var detector = new ScratchDetector();
        var features = new List<ScratchBoutFeatures>();
        var labels = new List<bool>();
        foreach (int seed in seeds)
        {
            var night = NightSimulator.Simulate(OptionsForSeed(seed, durationHours), seed);
            foreach (var bout in detector.Detect(night.Night).Bouts)
            {
                features.Add(bout.Features);
                labels.Add(Label(bout, night.Scratch));
            }
        }

        return (features, labels);
    }

    /// <summary>Fits the logistic regression by Newton–Raphson (IRLS) with ridge <paramref name="ridge"/> on standardised inputs.</summary>
    public static ScratchClassifier Fit(IReadOnlyList<ScratchBoutFeatures> features, IReadOnlyList<bool> labels, double ridge = Ridge)
    {
        const int p = ScratchBoutFeatures.Count;
        int n = features.Count;
        var x = new double[n, p];
        Span<double> row = stackalloc double[p];
        var means = new double[p];
        var scales = new double[p];
        for (int i = 0; i < n; i++)
        {
            features[i].CopyTo(row);
            for (int j = 0; j < p; j++)
            {
                x[i, j] = row[j];
                means[j] += row[j] / n;
            }
        }

        for (int j = 0; j < p; j++)
        {
            double ss = 0;
            for (int i = 0; i < n; i++)
            {
                ss += (x[i, j] - means[j]) * (x[i, j] - means[j]);
            }

            scales[j] = Math.Sqrt(ss / n) is > 0 and var s ? s : 1.0;
            for (int i = 0; i < n; i++)
            {
                x[i, j] = (x[i, j] - means[j]) / scales[j];
            }
        }

        // beta[0] is the intercept, beta[1..p] the weights.
        var beta = new double[p + 1];
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var hessian = new double[p + 1, p + 1];
            var gradient = new double[p + 1];
            for (int i = 0; i < n; i++)
            {
                double logit = beta[0];
                for (int j = 0; j < p; j++)
                {
                    logit += beta[j + 1] * x[i, j];
                }

                double prob = 1.0 / (1.0 + Math.Exp(-logit));
                double w = prob * (1 - prob);
                double residual = (labels[i] ? 1.0 : 0.0) - prob;
                for (int a = 0; a <= p; a++)
                {
                    double xa = a == 0 ? 1.0 : x[i, a - 1];
                    gradient[a] += xa * residual;
                    for (int b = 0; b <= a; b++)
                    {
                        double xb = b == 0 ? 1.0 : x[i, b - 1];
                        hessian[a, b] += w * xa * xb;
                    }
                }
            }

            for (int a = 0; a <= p; a++)
            {
                for (int b = 0; b < a; b++)
                {
                    hessian[b, a] = hessian[a, b];
                }

                if (a > 0)
                {
                    hessian[a, a] += ridge;
                    gradient[a] -= ridge * beta[a];
                }
            }

            var step = Solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a <= p; a++)
            {
                beta[a] += step[a];
                largest = Math.Max(largest, Math.Abs(step[a]));
            }

            if (largest < 1e-12)
            {
                break;
            }
        }

        return new ScratchClassifier(means, scales, beta[1..], beta[0]);
    }

    /// <summary>Gaussian elimination with partial pivoting for the small Newton system.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (int c = 0; c < n; c++)
            {
                (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            }

            (v[col], v[pivot]) = (v[pivot], v[col]);
            for (int r = col + 1; r < n; r++)
            {
                double f = m[r, col] / m[col, col];
                for (int c = col; c < n; c++)
                {
                    m[r, c] -= f * m[col, c];
                }

                v[r] -= f * v[col];
            }
        }

        var solution = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double s = v[r];
            for (int c = r + 1; c < n; c++)
            {
                s -= m[r, c] * solution[c];
            }

            solution[r] = s / m[r, r];
        }

        return solution;
    }
}
