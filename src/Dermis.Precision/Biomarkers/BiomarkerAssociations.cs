using MathNet.Numerics.Distributions;

namespace Dermis.Precision.Biomarkers;

/// <summary>
/// Can a biomarker (sensor data, sweat cytokines, cell composition) stand in for an outcome?
/// Pooled Pearson and Spearman, repeated-measures correlation and a random-intercept mixed model
/// on the same repeated observations; see <see cref="BiomarkerAssociation"/> for each statistic.
/// </summary>
public static class BiomarkerAssociations
{
    private const double Z975 = 1.959963984540054;

    /// <summary>Computes all association statistics for one biomarker–outcome pair.</summary>
    /// <param name="biomarker">Biomarker name (reported back).</param>
    /// <param name="outcome">Outcome name (reported back).</param>
    /// <param name="data">
    /// Observations: at least 3 participants and enough repeats that N − S − 1 ≥ 4 (the rmcorr interval
    /// needs df − 3 &gt; 0); all values finite; biomarker, outcome and time not constant.
    /// </param>
    /// <exception cref="ArgumentException">Blank names, too few participants or observations, NaN/infinite values, constant columns.</exception>
    public static BiomarkerAssociation Analyse(string biomarker, string outcome, IReadOnlyList<BiomarkerObservation> data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(biomarker);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        ArgumentNullException.ThrowIfNull(data);
        var n = data.Count;
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var group = new int[n];
        var x = new double[n];
        var y = new double[n];
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            var o = data[i] ?? throw new ArgumentException($"data[{i}] is null.", nameof(data));
            if (!double.IsFinite(o.Biomarker) || !double.IsFinite(o.Outcome) || !double.IsFinite(o.Time))
            {
                throw new ArgumentException($"data[{i}] (subject '{o.Subject}') has Time = {o.Time}, Biomarker = {o.Biomarker}, Outcome = {o.Outcome}; all must be finite numbers.", nameof(data));
            }

            if (string.IsNullOrWhiteSpace(o.Subject))
            {
                throw new ArgumentException($"data[{i}].Subject is blank; every observation needs its participant.", nameof(data));
            }

            if (!groupOf.TryGetValue(o.Subject, out var g))
            {
                g = groupOf.Count;
                groupOf.Add(o.Subject, g);
            }

            group[i] = g;
            x[i] = o.Biomarker;
            y[i] = o.Outcome;
            t[i] = o.Time;
        }

        var subjects = groupOf.Count;
        var rmDf = n - subjects - 1;
        if (subjects < 3 || rmDf < 4)
        {
            throw new ArgumentException($"data: {n} observations from {subjects} participants; at least 3 participants and N − participants − 1 ≥ 4 repeated observations are required.", nameof(data));
        }

        foreach (var (values, field) in new[] { (x, "Biomarker"), (y, "Outcome"), (t, "Time") })
        {
            if (IsConstant(values))
            {
                throw new ArgumentException($"data: every {field} equals {values[0]}; a constant {field} has no association to estimate.", nameof(data));
            }
        }

        var pearson = Correlation.Pearson(x, y);
        var pearsonZ = Math.Atanh(pearson);
        var pearsonHalf = Z975 / Math.Sqrt(n - 3);
        var spearman = Correlation.Pearson(Correlation.Ranks(x), Correlation.Ranks(y));
        var spearmanP = TwoSidedP(spearman * Math.Sqrt((n - 2) / (1 - spearman * spearman)), n - 2);

        var (rm, rmP) = Correlation.RepeatedMeasures(x, y, group, subjects);
        var rmHalf = Z975 / Math.Sqrt(rmDf - 3);

        var design = new double[n * 3];
        for (var i = 0; i < n; i++)
        {
            design[i * 3] = 1;
            design[i * 3 + 1] = x[i];
            design[i * 3 + 2] = t[i];
        }

        var model = RandomInterceptModel.Fit(design, 3, y, group, subjects);
        var slopeSe = Math.Sqrt(model.Covariance[4]);
        var df = ContainmentDf(x, t, group, subjects, n);
        return new BiomarkerAssociation(
            biomarker,
            outcome,
            subjects,
            n,
            pearson,
            Math.Tanh(pearsonZ - pearsonHalf),
            Math.Tanh(pearsonZ + pearsonHalf),
            spearman,
            spearmanP,
            rm,
            Math.Tanh(Math.Atanh(rm) - rmHalf),
            Math.Tanh(Math.Atanh(rm) + rmHalf),
            rmP,
            model.Beta[1],
            slopeSe,
            TwoSidedP(model.Beta[1] / slopeSe, df))
        {
            RmcorrDf = rmDf,
            MixedModelDf = df,
            RandomInterceptSd = Math.Sqrt(model.Gamma * model.Sigma2),
            ResidualSd = Math.Sqrt(model.Sigma2),
        };
    }

    /// <summary>2·P(T_df ≥ |t|); 0 for |t| = ∞ (a perfect correlation).</summary>
    internal static double TwoSidedP(double t, int df) =>
        double.IsNaN(t) ? double.NaN : double.IsInfinity(t) ? 0 : 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));

    /// <summary>
    /// nlme's containment df for the biomarker in Outcome ~ Biomarker + Time | subject: terms that
    /// vary within some participant are estimated at the residual level, df = N − S − p_within; a
    /// term constant within every participant is a between-participant term, df = S − 1 − p_between.
    /// </summary>
    private static int ContainmentDf(double[] x, double[] t, int[] group, int subjects, int n)
    {
        var xWithin = Correlation.VariesWithin(x, group, subjects);
        var tWithin = Correlation.VariesWithin(t, group, subjects);
        var within = (xWithin ? 1 : 0) + (tWithin ? 1 : 0);
        return xWithin ? n - subjects - within : subjects - 1 - (2 - within);
    }

    private static bool IsConstant(double[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] != values[0])
            {
                return false;
            }
        }

        return true;
    }
}
