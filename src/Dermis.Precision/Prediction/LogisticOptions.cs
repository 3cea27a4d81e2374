namespace Dermis.Precision.Prediction;

/// <summary>
/// Options for <see cref="PenalisedLogisticRegression"/>. The penalty follows glmnet's scaling
/// (Friedman, Hastie &amp; Tibshirani 2010, doi:10.18637/jss.v033.i01): the fit minimises
/// −loglik/n + λ·[(1−α)/2·‖θ‖² + α·‖θ‖₁] over coefficients θ of features standardised to mean 0
/// and 1/n-variance 1; the intercept is not penalised.
/// </summary>
public sealed record LogisticOptions
{
    /// <summary>Elastic-net mixing in [0, 1]: 0 ridge, 1 lasso.</summary>
    public double Alpha { get; init; }

    /// <summary>
    /// Penalty strength λ ≥ 0 on the glmnet scale; 0 gives the maximum-likelihood fit (R <c>glm</c>).
    /// <see langword="null"/> chooses λ by stratified K-fold cross-validation (minimum held-out
    /// binomial deviance over a 50-value log grid from λmax down to 10⁻⁴·λmax).
    /// </summary>
    public double? Lambda { get; init; }

    /// <summary>Number of cross-validation folds, 2 to 20.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed for fold assignment and permutations; results are reproducible for a seed.</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        if (!(Alpha >= 0 && Alpha <= 1))
        {
            throw new ArgumentException($"LogisticOptions.Alpha is {Alpha}; it must lie in [0, 1] (0 ridge, 1 lasso).", "options");
        }

        if (Lambda is { } lambda && !(lambda >= 0 && double.IsFinite(lambda)))
        {
            throw new ArgumentException($"LogisticOptions.Lambda is {lambda}; it must be a finite value ≥ 0, or null to choose it by cross-validation.", "options");
        }

        if (Folds is < 2 or > 20)
        {
            throw new ArgumentException($"LogisticOptions.Folds is {Folds}; it must lie in 2..20.", "options");
        }
    }
}
