namespace Dermis.Sensing.Scratch;

/// <summary>
/// Logistic regression on standardised <see cref="ScratchBoutFeatures"/>:
/// p(scratch) = 1 / (1 + exp(−(b + Σ wᵢ·(fᵢ − μᵢ) / sᵢ))), with fᵢ from <see cref="ScratchBoutFeatures.CopyTo"/>.
/// </summary>
public sealed class ScratchClassifier
{
    private readonly double[] _means;
    private readonly double[] _scales;
    private readonly double[] _weights;

    /// <summary>A model with per-input means μ, scales s (&gt; 0), weights w (each of length <see cref="ScratchBoutFeatures.Count"/>) and intercept b.</summary>
    /// <exception cref="ArgumentException">A vector has the wrong length, a value is not finite, or a scale is not &gt; 0.</exception>
    public ScratchClassifier(IReadOnlyList<double> means, IReadOnlyList<double> scales, IReadOnlyList<double> weights, double intercept)
    {
        _means = Copy(means, nameof(means), positive: false);
        _scales = Copy(scales, nameof(scales), positive: true);
        _weights = Copy(weights, nameof(weights), positive: false);
        if (!double.IsFinite(intercept))
        {
            throw new ArgumentException($"The intercept must be finite; got {intercept}.", nameof(intercept));
        }

        Intercept = intercept;
    }

    /// <summary>
    /// The shipped model, fitted by <c>ScratchModelTraining.Fit</c> (L2-penalised IRLS, ridge 1 on standardised weights)
    /// on all 535 gate bouts (245 scratch) of the simulated tuning nights, seeds 1–20: 2 h each at 20 Hz, default
    /// <c>NightSimulationOptions</c>, severity = seed mod 4 (mild, moderate, severe, healthy, …); a bout is labelled
    /// scratch when ground-truth scratch covers ≥ 50 % of it. The held-out seeds 101–120 were not used.
    /// Inputs in <see cref="ScratchBoutFeatures.CopyTo"/> order; the 2–6 Hz power fraction carries the largest weight,
    /// then rhythmicity and duration. The unit test <c>ScratchModel_refit_on_tuning_seeds_reproduces_Default</c> re-derives it.
    /// </summary>
    public static ScratchClassifier Default { get; } = new(
        [2.117148661355209, 2.4033294392523317, 0.4700465613997202, 0.5202539044769581, 0.2571795182988397, -1.4187099559730214],
        [1.1679979638679916, 1.5833338421208885, 0.43134937346790364, 0.3841240103381793, 0.39323045867095446, 0.45628569296236043],
        [0.5954699705662012, -0.22589203689794368, 4.462099261388387, 1.1304121975165884, -0.3722075433008102, -0.23742485424725984],
        -0.5217894619667333);

    /// <summary>Means μ of the model inputs.</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>Scales s of the model inputs.</summary>
    public IReadOnlyList<double> Scales => _scales;

    /// <summary>Weights w of the standardised inputs.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Intercept b.</summary>
    public double Intercept { get; }

    /// <summary>Probability, 0–1, that a bout with <paramref name="features"/> is scratch.</summary>
    public double Probability(in ScratchBoutFeatures features)
    {
        Span<double> inputs = stackalloc double[ScratchBoutFeatures.Count];
        features.CopyTo(inputs);
        double logit = Intercept;
        for (int i = 0; i < inputs.Length; i++)
        {
            logit += _weights[i] * (inputs[i] - _means[i]) / _scales[i];
        }

        return 1.0 / (1.0 + Math.Exp(-logit));
    }

    private static double[] Copy(IReadOnlyList<double> values, string name, bool positive)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count != ScratchBoutFeatures.Count)
        {
            throw new ArgumentException($"{name} must have {ScratchBoutFeatures.Count} values; got {values.Count}.", name);
        }

        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v) || (positive && v <= 0))
            {
                throw new ArgumentException($"{name}[{i}] must be finite{(positive ? " and > 0" : string.Empty)}; got {v}.", name);
            }

            copy[i] = v;
        }

        return copy;
    }
}
