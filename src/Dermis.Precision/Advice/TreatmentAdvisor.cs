using System.Globalization;
using System.Text;
using Dermis.Precision.Prediction;

namespace Dermis.Precision.Advice;

/// <summary>
/// Which arm is predicted to suit a patient: one penalised logistic model per arm (a fully
/// arm-interacted model whose arm-specific coefficients are shrunk separately), so a biomarker may
/// act in one arm and not another without the penalty pulling the interaction towards zero.
/// Intervals: percentile bootstrap, participants resampled within arm, λ fixed at each arm's
/// cross-validated value (λ-selection uncertainty is not included).
/// </summary>
public sealed class TreatmentAdvisor
{
    private readonly string[] arms;
    private readonly LogisticModel[] models;
    private readonly LogisticModel[][] bootstrap; // [resample][arm]
    private readonly string trainedOn;

    private TreatmentAdvisor(string[] arms, LogisticModel[] models, LogisticModel[][] bootstrap, string trainedOn)
    {
        this.arms = arms;
        this.models = models;
        this.bootstrap = bootstrap;
        this.trainedOn = trainedOn;
    }

    /// <summary>The arms, in ordinal name order.</summary>
    public IReadOnlyList<string> Arms => arms;

    /// <summary>Each arm's model fitted to all of that arm's participants, in the order of <see cref="Arms"/>.</summary>
    public IReadOnlyList<LogisticModel> Models => models;

    /// <summary>Fits one model per arm and its bootstrap replicates.</summary>
    /// <param name="rows">Randomised participants; at least 2 arms, each with ≥ 10 participants and both outcomes.</param>
    /// <param name="featureNames">Baseline features; each must be measured in every arm.</param>
    /// <param name="options">Model, bootstrap and seed settings.</param>
    /// <exception cref="ArgumentException">Fewer than 2 arms, an arm too small or without both outcomes, unknown features, NaN values, options out of range.</exception>
    public static TreatmentAdvisor Fit(IReadOnlyList<AdviceTrainingRow> rows, IReadOnlyList<string> featureNames, AdvisorOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var byArm = new SortedDictionary<string, List<FeatureRow>>(StringComparer.Ordinal);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (string.IsNullOrWhiteSpace(row.Arm))
            {
                throw new ArgumentException($"rows: subject '{row.Subject}' has a blank Arm; every participant needs the arm they were randomised to.", nameof(rows));
            }

            if (string.IsNullOrWhiteSpace(row.Subject) || !subjects.Add(row.Subject))
            {
                throw new ArgumentException($"rows: subject '{row.Subject}' is blank or appears twice; each participant must have exactly one row.", nameof(rows));
            }

            if (!byArm.TryGetValue(row.Arm, out var list))
            {
                byArm[row.Arm] = list = [];
            }

            list.Add(new FeatureRow(row.Subject, row.Baseline, row.Responded));
        }

        if (byArm.Count < 2)
        {
            throw new ArgumentException($"rows: {byArm.Count} arm(s) found; treatment advice compares at least 2 arms.", nameof(rows));
        }

        var armNames = byArm.Keys.ToArray();
        var armRows = new List<FeatureRow>[armNames.Length];
        var models = new LogisticModel[armNames.Length];
        for (var a = 0; a < armNames.Length; a++)
        {
            try
            {
                armRows[a] = PredictionInput.Validate(byArm[armNames[a]], featureNames, options.Model);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"Arm '{armNames[a]}': {ex.Message}", ex.ParamName, ex);
            }

            models[a] = PenalisedLogisticRegression.FitValidated(armRows[a], featureNames, options.Model, unchecked(options.Seed + 7 * a));
        }

        var replicates = Bootstrap(armRows, models, featureNames, options);
        return new TreatmentAdvisor(armNames, models, replicates, Describe(armNames, armRows, models, featureNames, options));
    }

    /// <summary>Predicted response on each arm for one baseline profile, with intervals.</summary>
    /// <param name="baseline">Baseline features by name; null or absent = not measured; NaN or infinite values are rejected.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public TreatmentAdvice Advise(IReadOnlyDictionary<string, double?> baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var point = new double[arms.Length];
        var samples = new double[arms.Length][];
        for (var a = 0; a < arms.Length; a++)
        {
            point[a] = models[a].PredictProbability(baseline);
            samples[a] = new double[bootstrap.Length];
            for (var b = 0; b < bootstrap.Length; b++)
            {
                samples[a][b] = bootstrap[b][a].PredictProbability(baseline);
            }
        }

        int best = 0, next = -1;
        for (var a = 1; a < arms.Length; a++)
        {
            if (point[a] > point[best])
            {
                best = a;
            }
        }

        for (var a = 0; a < arms.Length; a++)
        {
            if (a != best && (next < 0 || point[a] > point[next]))
            {
                next = a;
            }
        }

        var predictions = new ArmPrediction[arms.Length];
        for (var a = 0; a < arms.Length; a++)
        {
            predictions[a] = new ArmPrediction(arms[a], point[a], Percentile.Of(samples[a], 0.025), Percentile.Of(samples[a], 0.975));
        }

        var differences = new double[bootstrap.Length];
        for (var b = 0; b < bootstrap.Length; b++)
        {
            differences[b] = samples[best][b] - samples[next][b];
        }

        return new TreatmentAdvice(predictions, arms[best], point[best] - point[next], Percentile.Of(differences, 0.025), Percentile.Of(differences, 0.975), trainedOn);
    }

    private static LogisticModel[][] Bootstrap(List<FeatureRow>[] armRows, LogisticModel[] models, IReadOnlyList<string> featureNames, AdvisorOptions options)
    {
        var rng = new Random(options.Seed);
        var replicates = new LogisticModel[options.BootstrapResamples][];
        for (var b = 0; b < replicates.Length; b++)
        {
            replicates[b] = new LogisticModel[armRows.Length];
            for (var a = 0; a < armRows.Length; a++)
            {
                var fixedLambda = options.Model with { Lambda = models[a].Lambda };
                replicates[b][a] = FitResample(armRows[a], featureNames, fixedLambda, rng);
            }
        }

        return replicates;
    }

    /// <summary>
    /// Refits on a resample with replacement; a resample with a single outcome class, or one the
    /// solver cannot fit (separation at λ = 0), is redrawn (at most 100 times).
    /// </summary>
    private static LogisticModel FitResample(List<FeatureRow> rows, IReadOnlyList<string> featureNames, LogisticOptions options, Random rng)
    {
        var resample = new FeatureRow[rows.Count];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var events = 0;
            for (var i = 0; i < resample.Length; i++)
            {
                resample[i] = rows[rng.Next(rows.Count)];
                events += resample[i].Outcome == true ? 1 : 0;
            }

            if (events == 0 || events == resample.Length)
            {
                continue;
            }

            try
            {
                return PenalisedLogisticRegression.FitValidated(resample, featureNames, options, options.Seed);
            }
            catch (InvalidOperationException)
            {
                // Separation in this resample; draw another (documented above).
            }
        }

        throw new InvalidOperationException("100 consecutive bootstrap resamples could not be fitted (single outcome class or separation); the arm is too small or the features separate its outcome. Use Lambda > 0 or fewer features.");
    }

    private static string Describe(string[] arms, List<FeatureRow>[] armRows, LogisticModel[] models, IReadOnlyList<string> featureNames, AdvisorOptions options)
    {
        var text = new StringBuilder();
        var total = 0;
        foreach (var rows in armRows)
        {
            total += rows.Count;
        }

        text.Append(CultureInfo.InvariantCulture, $"Trained on {total} randomised trial participants (");
        for (var a = 0; a < arms.Length; a++)
        {
            var responders = armRows[a].Count(r => r.Outcome == true);
            text.Append(CultureInfo.InvariantCulture, $"{(a > 0 ? "; " : string.Empty)}{arms[a]}: n = {armRows[a].Count}, {responders} with {options.OutcomeName}, λ = {models[a].Lambda:G3}");
        }

        text.Append(CultureInfo.InvariantCulture, $"). Outcome: {options.OutcomeName}. Baseline features: {string.Join(", ", featureNames)}. ");
        text.Append(CultureInfo.InvariantCulture, $"One penalised logistic model per arm (α = {options.Model.Alpha:G3}); 95 % intervals from {options.BootstrapResamples} bootstrap resamples within arm. ");
        text.Append("This is a model of response in a clinical-trial population, not a prescription: it does not know this patient's comorbidities, contraindications or preferences, and it applies only to patients like those enrolled.");
        return text.ToString();
    }
}
