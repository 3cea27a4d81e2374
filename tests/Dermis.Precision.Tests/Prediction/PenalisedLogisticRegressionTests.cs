using Dermis.Precision.Prediction;

namespace Dermis.Precision.Tests.Prediction;

/// <summary>
/// Against R (Fixtures/logistic_reference.R): glm for λ = 0 and optim(BFGS) minimisers of the
/// glmnet-scaled ridge objective. The data contain a sweat cytokine missing for 25 of 120
/// participants, so the missing-indicator design is checked too (R builds it explicitly).
/// </summary>
public sealed class PenalisedLogisticRegressionTests
{
    private static readonly string[] Features = ["week16", "easi", "il13"];

    internal static List<FeatureRow> FixtureRows()
    {
        var rows = new List<FeatureRow>();
        foreach (var f in FixtureFiles.Read("Prediction", "logistic_data.csv"))
        {
            var features = new Dictionary<string, double?>
            {
                ["week16"] = FixtureFiles.Parse(f[1]),
                ["easi"] = FixtureFiles.Parse(f[2]),
                ["il13"] = f[3].Length == 0 ? null : FixtureFiles.Parse(f[3]),
            };
            rows.Add(new FeatureRow(f[0], features, f[4] == "1"));
        }

        return rows;
    }

    [Fact]
    public void Fit_lambdaZero_equalsRGlmToOneInAMillion()
    {
        var reference = FixtureFiles.Reference("Prediction", "logistic_reference.csv");
        var model = PenalisedLogisticRegression.Fit(FixtureRows(), Features, new LogisticOptions { Lambda = 0 });

        // Relative 1e-6 plus absolute 1e-9 (the glm coefficients are O(0.01–2)).
        AssertClose(reference["glm/(Intercept)"], model.Intercept, 1e-6);
        AssertClose(reference["glm/week16"], model.Coefficients[0], 1e-6);
        AssertClose(reference["glm/easi"], model.Coefficients[1], 1e-6);
        AssertClose(reference["glm/il13"], model.Coefficients[2], 1e-6);
        Assert.Equal(["il13"], model.MissingIndicators);
        AssertClose(reference["glm/il13_missing"], model.MissingIndicatorCoefficients[0], 1e-6);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    public void Fit_ridgeWithGivenLambda_equalsROptimMinimiser(double lambda)
    {
        var reference = FixtureFiles.Reference("Prediction", "logistic_reference.csv");
        var model = PenalisedLogisticRegression.Fit(FixtureRows(), Features, new LogisticOptions { Alpha = 0, Lambda = lambda });
        var key = $"ridge_{lambda.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

        // Tolerance 1e-4 relative (plus 1e-7 absolute): BFGS stops on reltol, not on the gradient.
        AssertClose(reference[$"{key}/(Intercept)"], model.Intercept, 1e-4);
        AssertClose(reference[$"{key}/week16"], model.Coefficients[0], 1e-4);
        AssertClose(reference[$"{key}/easi"], model.Coefficients[1], 1e-4);
        AssertClose(reference[$"{key}/il13"], model.Coefficients[2], 1e-4);
        AssertClose(reference[$"{key}/il13_missing"], model.MissingIndicatorCoefficients[0], 1e-4);
        AssertClose(reference[$"{key}/std_week16"], model.StandardisedCoefficients[0], 1e-4);
        AssertClose(reference[$"{key}/std_easi"], model.StandardisedCoefficients[1], 1e-4);
        AssertClose(reference[$"{key}/std_il13"], model.StandardisedCoefficients[2], 1e-4);
        Assert.Equal(lambda, model.Lambda);
    }

    [Fact]
    public void PredictProbability_missingCytokine_usesImputedMeanAndIndicator()
    {
        var model = PenalisedLogisticRegression.Fit(FixtureRows(), Features, new LogisticOptions { Lambda = 0 });
        var measured = new Dictionary<string, double?> { ["week16"] = 1, ["easi"] = 20, ["il13"] = 1.2 };
        var missing = new Dictionary<string, double?> { ["week16"] = 1, ["easi"] = 20 };

        var etaMeasured = model.Intercept + model.Coefficients[0] + 20 * model.Coefficients[1] + 1.2 * model.Coefficients[2];
        var etaMissing = model.Intercept + model.Coefficients[0] + 20 * model.Coefficients[1]
            + model.ImputationMeans[2] * model.Coefficients[2] + model.MissingIndicatorCoefficients[0];
        Assert.Equal(1 / (1 + Math.Exp(-etaMeasured)), model.PredictProbability(measured), 12);
        Assert.Equal(1 / (1 + Math.Exp(-etaMissing)), model.PredictProbability(missing), 12);
    }

    [Fact]
    public void Fit_lasso_satisfiesKarushKuhnTuckerConditions()
    {
        // Hand-derivable optimality: for the glmnet objective the gradient of −loglik/n w.r.t. each
        // standardised θⱼ equals −λ·sign(θⱼ) when θⱼ ≠ 0 and lies in [−λ, λ] when θⱼ = 0 (α = 1).
        var rows = FixtureRows();
        const double Lambda = 0.03;
        var model = PenalisedLogisticRegression.Fit(rows, Features, new LogisticOptions { Alpha = 1, Lambda = Lambda });
        var design = LogisticDesign.Build(rows, Features);
        var problem = new StandardisedProblem(design.Matrix(rows), design.Columns, PredictionInput.Outcomes(rows));
        var theta = new List<double>(model.StandardisedCoefficients);
        for (var k = 0; k < model.MissingIndicatorCoefficients.Count; k++)
        {
            theta.Add(model.MissingIndicatorCoefficients[k] * problem.Scales[Features.Length + k]);
        }

        for (var j = 0; j < problem.Q; j++)
        {
            double gradient = 0;
            for (var i = 0; i < problem.N; i++)
            {
                var p = model.PredictProbability(rows[i].Features);
                gradient -= problem.Z[i * problem.Q + j] * (problem.Y[i] - p) / problem.N;
            }

            if (theta[j] != 0)
            {
                Assert.Equal(-Lambda * Math.Sign(theta[j]), gradient, 6);
            }
            else
            {
                Assert.InRange(gradient, -Lambda - 1e-7, Lambda + 1e-7);
            }
        }

        Assert.Contains(theta, t => t == 0);
    }

    [Fact]
    public void Fit_lambdaByCrossValidation_liesOnGridAndShrinksLessThanLambdaMax()
    {
        var model = PenalisedLogisticRegression.Fit(FixtureRows(), Features, new LogisticOptions { Alpha = 0, Seed = 3 });
        Assert.InRange(model.Lambda, 1e-8, 1e3);
        // Seeded: the same options give the same λ.
        var again = PenalisedLogisticRegression.Fit(FixtureRows(), Features, new LogisticOptions { Alpha = 0, Seed = 3 });
        Assert.Equal(model.Lambda, again.Lambda);
        Assert.True(model.StandardisedCoefficients[0] > 0.2, $"week16 standardised coefficient {model.StandardisedCoefficients[0]}");
    }

    internal static void AssertClose(double expected, double actual, double relative, double absolute = 1e-9) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected) + absolute, $"expected {expected:R}, got {actual:R} (rel tol {relative}, abs {absolute})");
}
