namespace Dermis.Precision.Prediction;

/// <summary>
/// Elastic-net penalised logistic regression with glmnet's objective
/// −loglik/n + λ·[(1−α)/2·‖θ‖² + α·‖θ‖₁] on standardised features, intercept unpenalised
/// (Friedman, Hastie &amp; Tibshirani 2010, doi:10.18637/jss.v033.i01). λ = 0 gives the
/// maximum-likelihood fit of R <c>glm(family = binomial)</c>.
/// </summary>
public static class PenalisedLogisticRegression
{
    private const int GridSize = 50;
    private const double GridRatio = 1e-4;

    /// <summary>Fits the model; λ is chosen by stratified K-fold cross-validation when <see cref="LogisticOptions.Lambda"/> is null.</summary>
    /// <param name="rows">Participants (at least 10 with an outcome, both outcomes present); rows with a null outcome are skipped.</param>
    /// <param name="featureNames">Features to use; each must be measured in at least one row.</param>
    /// <param name="options">Penalty and cross-validation settings.</param>
    /// <exception cref="ArgumentException">Too few participants, a single outcome class, unknown features, NaN values, or options out of range.</exception>
    /// <exception cref="InvalidOperationException">λ = 0 and the outcome is separated by the features (the maximum-likelihood estimate does not exist).</exception>
    public static LogisticModel Fit(IReadOnlyList<FeatureRow> rows, IReadOnlyList<string> featureNames, LogisticOptions options)
    {
        var kept = PredictionInput.Validate(rows, featureNames, options);
        return FitValidated(kept, featureNames, options, options.Seed);
    }

    /// <summary>Fit on rows already validated (all with outcomes).</summary>
    internal static LogisticModel FitValidated(IReadOnlyList<FeatureRow> rows, IReadOnlyList<string> featureNames, LogisticOptions options, int seed)
    {
        var lambda = options.Lambda ?? ChooseLambda(rows, featureNames, options.Alpha, options.Folds, seed);
        var design = LogisticDesign.Build(rows, featureNames);
        var problem = new StandardisedProblem(design.Matrix(rows), design.Columns, PredictionInput.Outcomes(rows));
        var parameters = LogisticSolver.Solve(problem, lambda, options.Alpha);
        return LogisticModel.From(design, problem, parameters, lambda, options.Alpha);
    }

    /// <summary>
    /// The λ grid: 50 log-spaced values from λmax = maxⱼ|zⱼ·(y − ȳ)| / (n·max(α, 0.001)) (the smallest
    /// λ at which all lasso coefficients are 0; glmnet's floor on α for ridge) down to 10⁻⁴·λmax.
    /// </summary>
    internal static double[] LambdaGrid(StandardisedProblem problem, double alpha)
    {
        double mean = 0;
        foreach (var y in problem.Y)
        {
            mean += y;
        }

        mean /= problem.N;
        double max = 0;
        for (var j = 0; j < problem.Q; j++)
        {
            double dot = 0;
            for (var i = 0; i < problem.N; i++)
            {
                dot += problem.Z[i * problem.Q + j] * (problem.Y[i] - mean);
            }

            max = Math.Max(max, Math.Abs(dot));
        }

        var lambdaMax = Math.Max(max / (problem.N * Math.Max(alpha, 1e-3)), 1e-8);
        var grid = new double[GridSize];
        for (var k = 0; k < GridSize; k++)
        {
            grid[k] = lambdaMax * Math.Pow(GridRatio, k / (double)(GridSize - 1));
        }

        return grid;
    }

    /// <summary>
    /// λ with the smallest summed held-out binomial deviance over stratified folds (the number of
    /// folds is reduced to the minority-class count when that is smaller). Each fold builds its own
    /// imputation and standardisation from its training part, so nothing leaks from held-out rows.
    /// </summary>
    internal static double ChooseLambda(IReadOnlyList<FeatureRow> rows, IReadOnlyList<string> featureNames, double alpha, int folds, int seed)
    {
        var minority = PredictionInput.MinorityCount(rows);
        if (minority < 2)
        {
            throw new ArgumentException($"rows: the smaller outcome class has {minority} participant(s) in this training set; choosing Lambda by cross-validation needs at least 2. Give a fixed Lambda or more events.", nameof(rows));
        }

        var k = Math.Min(folds, minority);
        var fullDesign = LogisticDesign.Build(rows, featureNames);
        var grid = LambdaGrid(new StandardisedProblem(fullDesign.Matrix(rows), fullDesign.Columns, PredictionInput.Outcomes(rows)), alpha);
        var outcomes = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            outcomes[i] = rows[i].Outcome == true;
        }

        var assignment = StratifiedFolds.Assign(outcomes, k, seed);
        var deviance = new double[grid.Length];
        for (var fold = 0; fold < k; fold++)
        {
            var train = new List<FeatureRow>();
            var test = new List<FeatureRow>();
            for (var i = 0; i < rows.Count; i++)
            {
                (assignment[i] == fold ? test : train).Add(rows[i]);
            }

            var design = LogisticDesign.Build(train, featureNames);
            var problem = new StandardisedProblem(design.Matrix(train), design.Columns, PredictionInput.Outcomes(train));
            double[]? warm = null;
            for (var g = 0; g < grid.Length; g++)
            {
                try
                {
                    warm = LogisticSolver.Solve(problem, grid[g], alpha, warm);
                }
                catch (InvalidOperationException)
                {
                    // A training fold separated at tiny λ: that λ cannot be evaluated there, so it is never chosen.
                    for (var rest = g; rest < grid.Length; rest++)
                    {
                        deviance[rest] = double.PositiveInfinity;
                    }

                    break;
                }

                var model = LogisticModel.From(design, problem, warm, grid[g], alpha);
                foreach (var row in test)
                {
                    var eta = model.LinearPredictor(row.Features);
                    // Binomial deviance −2·loglik, written with log(1 + e^η) to stay finite.
                    deviance[g] += 2 * (StandardisedProblem.Log1PExp(eta) - (row.Outcome == true ? eta : 0));
                }
            }
        }

        var best = 0;
        for (var g = 1; g < grid.Length; g++)
        {
            if (deviance[g] < deviance[best])
            {
                best = g;
            }
        }

        return grid[best];
    }
}
