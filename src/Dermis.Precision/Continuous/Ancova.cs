using Dermis.Precision.Numerics;

namespace Dermis.Precision.Continuous;

/// <summary>
/// Single-visit ANCOVA: response ~ baseline + arm + strata by ordinary least squares (R <c>lm</c>), with LS means
/// (baseline at its mean, stratum levels weighted equally) and arm-minus-reference contrasts on n − p df
/// (ICH E9 §5.7; EMA/CHMP/295050/2013 guideline on adjustment for baseline covariates).
/// </summary>
public static class Ancova
{
    /// <summary>Fits the ANCOVA to the rows of one visit; rows with a null response are dropped.</summary>
    /// <exception cref="ArgumentException">
    /// A row field is invalid, the reference arm is absent, an arm has fewer than 2 responses, or the design is
    /// collinear or has no residual degrees of freedom.
    /// </exception>
    public static AncovaResult Fit(IReadOnlyList<ContinuousObservation> data, AncovaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ContinuousInput.ValidateConfidence(options.ConfidenceLevel, "options.ConfidenceLevel");
        ContinuousInput.ValidateRows(data);
        var rows = data.Where(r => r.Response.HasValue).ToArray();
        var arms = ContinuousInput.Arms(rows.Select(r => (r.Subject, r.Arm)), options.ReferenceArm, "options.ReferenceArm");
        if (rows.Select(r => r.Subject).Distinct(StringComparer.Ordinal).Count() != rows.Length)
        {
            throw ContinuousInput.Invalid("data has a subject with more than one response; the ANCOVA takes the rows of one visit.");
        }

        var strata = ContinuousInput.StrataLevels(rows, data[0].Strata.Count);
        var terms = new List<string> { "(Intercept)", "Baseline" };
        terms.AddRange(arms.Skip(1).Select(a => $"Arm[{a}]"));
        for (var f = 0; f < strata.Length; f++)
        {
            terms.AddRange(strata[f].Skip(1).Select(level => $"Stratum{f + 1}[{level}]"));
        }

        int n = rows.Length, p = terms.Count;
        if (n <= p)
        {
            throw ContinuousInput.Invalid($"data has {n} responses for {p} coefficients; more than {p} are needed.");
        }

        var x = new double[n * p];
        var baselineMean = rows.Average(r => r.Baseline);
        for (var i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * p, p);
            row[0] = 1;
            row[1] = rows[i].Baseline;
            var arm = Array.IndexOf(arms, rows[i].Arm);
            if (arm > 0)
            {
                row[1 + arm] = 1;
            }

            var column = 1 + arms.Length;
            for (var f = 0; f < strata.Length; f++)
            {
                var level = Array.BinarySearch(strata[f], rows[i].Strata[f], StringComparer.Ordinal);
                if (level > 0)
                {
                    row[column + level - 1] = 1;
                }

                column += strata[f].Length - 1;
            }
        }

        return Solve(rows, x, [.. terms], arms, strata, baselineMean, options.ConfidenceLevel);
    }

    private static AncovaResult Solve(ContinuousObservation[] rows, double[] x, string[] terms, string[] arms, string[][] strata, double baselineMean, double level)
    {
        int n = rows.Length, p = terms.Length;
        var crossProduct = new double[p * p];
        var beta = new double[p];
        for (var i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * p, p);
            for (var r = 0; r < p; r++)
            {
                beta[r] += row[r] * rows[i].Response!.Value;
                for (var c = 0; c <= r; c++)
                {
                    crossProduct[(r * p) + c] += row[r] * row[c];
                }
            }
        }

        var failed = DenseCholesky.Factor(crossProduct, p, 1e-10);
        if (failed >= 0)
        {
            throw ContinuousInput.Invalid($"data: the term '{terms[failed]}' is collinear with earlier terms (for example a stratum level that occurs in one arm only); the ANCOVA cannot be estimated.");
        }

        DenseCholesky.Solve(crossProduct, p, beta);
        var inverse = new double[p * p];
        DenseCholesky.Invert(crossProduct, p, inverse);
        var rss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var residual = rows[i].Response!.Value - RemlEvaluator.Dot(x.AsSpan(i * p, p), beta);
            rss += residual * residual;
        }

        var df = n - p;
        var sigma = Math.Sqrt(rss / df);
        var critical = StudentT.Critical(level, df);
        (double Estimate, double Se) Combine(double[] l)
        {
            var variance = 0.0;
            for (var i = 0; i < p; i++)
            {
                variance += l[i] * RemlEvaluator.Dot(inverse.AsSpan(i * p, p), l);
            }

            return (RemlEvaluator.Dot(l, beta), sigma * Math.Sqrt(variance));
        }

        var fixedEffects = new FixedEffect[p];
        for (var j = 0; j < p; j++)
        {
            var se = sigma * Math.Sqrt(inverse[(j * p) + j]);
            fixedEffects[j] = new FixedEffect(terms[j], beta[j], se, df, beta[j] / se, StudentT.TwoSidedP(beta[j] / se, df));
        }

        var visit = rows[0].Visit;
        var means = new LeastSquaresMean[arms.Length];
        var contrasts = new ArmContrast[arms.Length - 1];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var l = new double[p];
            l[0] = 1;
            l[1] = baselineMean;
            var column = 1 + arms.Length;
            foreach (var levels in strata)
            {
                for (var k = 1; k < levels.Length; k++)
                {
                    l[column++] = 1.0 / levels.Length;
                }
            }

            if (arm > 0)
            {
                l[1 + arm] = 1;
                var difference = new double[p];
                difference[1 + arm] = 1;
                var (d, dSe) = Combine(difference);
                contrasts[arm - 1] = new ArmContrast(arms[arm], arms[0], visit, d, dSe, df, d / dSe, StudentT.TwoSidedP(d / dSe, df), d - (critical * dSe), d + (critical * dSe));
            }

            var (estimate, meanSe) = Combine(l);
            means[arm] = new LeastSquaresMean(arms[arm], visit, estimate, meanSe, df, estimate - (critical * meanSe), estimate + (critical * meanSe));
        }

        return new AncovaResult
        {
            FixedEffects = fixedEffects,
            ResidualStandardDeviation = sigma,
            ResidualDegreesOfFreedom = df,
            Observations = n,
            LeastSquaresMeans = means,
            Contrasts = contrasts,
        };
    }
}
