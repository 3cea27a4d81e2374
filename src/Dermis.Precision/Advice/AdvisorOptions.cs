using Dermis.Precision.Prediction;

namespace Dermis.Precision.Advice;

/// <summary>Options for <see cref="TreatmentAdvisor.Fit"/>.</summary>
public sealed record AdvisorOptions
{
    /// <summary>
    /// Per-arm model settings. Default: a near-zero ridge, α = 0 and λ = <see cref="DefaultLambda"/>,
    /// which only guards against separation. The advisor's job is calibrated per-arm probabilities
    /// with honest intervals; a cross-validation-tuned λ (set <c>Lambda = null</c>) optimises held-out
    /// deviance but pulls each arm's probabilities towards its mean, and in the known-truth simulation
    /// (docs/statistics-prediction.md) its 95 % bootstrap intervals covered the true probability only
    /// about 80 % of the time. Use a tuned λ when features are many relative to the arm size.
    /// </summary>
    public LogisticOptions Model { get; init; } = new() { Alpha = 0, Lambda = DefaultLambda };

    /// <summary>The default per-arm ridge penalty, 0.001 on glmnet's scale (standardised features).</summary>
    public const double DefaultLambda = 1e-3;

    /// <summary>Bootstrap resamples for the intervals, 200 to 10 000.</summary>
    public int BootstrapResamples { get; init; } = 200;

    /// <summary>Seed for the bootstrap and the cross-validation folds.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Name of the outcome, used in <see cref="TreatmentAdvice.TrainedOn"/>.</summary>
    public string OutcomeName { get; init; } = "response";

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model, "options");
        Model.Validate();
        if (BootstrapResamples is < 200 or > 10_000)
        {
            throw new ArgumentException($"AdvisorOptions.BootstrapResamples is {BootstrapResamples}; it must lie in 200..10000.", "options");
        }

        if (string.IsNullOrWhiteSpace(OutcomeName))
        {
            throw new ArgumentException("AdvisorOptions.OutcomeName is blank; name the outcome (for example \"EASI-75 at week 16\").", "options");
        }
    }
}
