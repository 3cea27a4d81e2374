using Dermis.Precision.Numerics;

namespace Dermis.Precision.Continuous;

/// <summary>
/// Mixed model for repeated measures: response ~ baseline + arm + visit + arm×visit + baseline×visit + strata, with a
/// within-subject residual covariance over the scheduled visits (unstructured, compound symmetry or AR(1)) fitted by
/// REML; missing visits are handled likelihood-based through each subject's sub-covariance (valid under MAR).
/// Reproduces R <c>nlme::gls(..., method = "REML")</c>; LS means with the emmeans weighting; Residual, Satterthwaite and
/// Kenward–Roger degrees of freedom (Mallinckrodt et al. 2008, Drug Inf J 42:303, doi:10.1177/009286150804200402).
/// </summary>
public static class Mmrm
{
    /// <summary>
    /// Fits the MMRM to one row per scheduled subject-visit (rows with a null response are missing visits; subjects
    /// without any response are not analysed).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A row field is invalid (empty subject, non-finite baseline or response, a visit not in
    /// <see cref="MmrmOptions.VisitOrder"/>, a repeated visit, inconsistent subject-level fields), the reference arm is
    /// absent, an arm has fewer than 2 analysed subjects or no response at a visit, or the design is not estimable.
    /// </exception>
    /// <returns>The fit; check <see cref="MmrmResult.Converged"/> before reporting it.</returns>
    public static MmrmResult Fit(IReadOnlyList<ContinuousObservation> data, MmrmOptions options)
    {
        var design = MmrmDesign.Build(data, options);
        var model = CovarianceModel.Create(options.Covariance, design.T);
        var evaluator = new RemlEvaluator(design, model);
        var outcome = RemlOptimiser.Maximise(evaluator, design, model, options);
        var q = model.ParameterCount;
        var expectedInverse = DenseCholesky.TryInverse(outcome.Expected, q);
        var observedInverse = DenseCholesky.TryInverse(outcome.Observed, q) ?? expectedInverse;
        var converged = outcome.Converged && expectedInverse is not null;
        var method = options.DegreesOfFreedom;
        var weights = method == DegreesOfFreedomMethod.Satterthwaite ? observedInverse : expectedInverse;
        var covariance = method == DegreesOfFreedomMethod.KenwardRoger && expectedInverse is not null
            ? evaluator.KenwardRogerCovariance(outcome.Theta, expectedInverse)
            : (double[])evaluator.Phi.Clone();
        var inference = new MmrmInference(design, evaluator, covariance, method == DegreesOfFreedomMethod.Residual ? null : weights, options.ConfidenceLevel);
        var fixedEffects = new FixedEffect[design.P];
        for (var j = 0; j < design.P; j++)
        {
            var l = new double[design.P];
            l[j] = 1;
            var (estimate, se, df, t, pValue, _, _) = inference.Estimate(l);
            fixedEffects[j] = new FixedEffect(design.Terms[j], estimate, se, df, t, pValue);
        }

        var means = new List<LeastSquaresMean>();
        var contrasts = new List<ArmContrast>();
        for (var arm = 0; arm < design.Arms.Length; arm++)
        {
            for (var v = 0; v < design.T; v++)
            {
                var (estimate, se, df, _, _, lower, upper) = inference.Estimate(design.GridVector(arm, v));
                means.Add(new LeastSquaresMean(design.Arms[arm], design.VisitNames[v], estimate, se, df, lower, upper));
            }
        }

        for (var arm = 1; arm < design.Arms.Length; arm++)
        {
            for (var v = 0; v < design.T; v++)
            {
                var l = design.GridVector(arm, v);
                var reference = design.GridVector(0, v);
                for (var j = 0; j < l.Length; j++)
                {
                    l[j] -= reference[j];
                }

                var (estimate, se, df, t, pValue, lower, upper) = inference.Estimate(l);
                contrasts.Add(new ArmContrast(design.Arms[arm], design.Arms[0], design.VisitNames[v], estimate, se, df, t, pValue, lower, upper));
            }
        }

        var sigma = new double[design.T, design.T];
        for (var a = 0; a < design.T; a++)
        {
            for (var b = 0; b < design.T; b++)
            {
                sigma[a, b] = evaluator.Sigma[(a * design.T) + b];
            }
        }

        var fixedCovariance = new double[design.P, design.P];
        for (var i = 0; i < design.P; i++)
        {
            for (var j = 0; j < design.P; j++)
            {
                fixedCovariance[i, j] = covariance[(i * design.P) + j];
            }
        }

        var finite = fixedEffects.All(f => double.IsFinite(f.Estimate) && double.IsFinite(f.StandardError)) && double.IsFinite(evaluator.LogLikelihood);
        return new MmrmResult
        {
            FixedEffects = fixedEffects,
            ResidualCovariance = sigma,
            RestrictedLogLikelihood = evaluator.LogLikelihood,
            Subjects = design.Subjects,
            Observations = design.N,
            Iterations = outcome.Iterations,
            Converged = converged && finite,
            LeastSquaresMeans = means,
            Contrasts = contrasts,
            Covariance = options.Covariance,
            DegreesOfFreedom = method,
            CovarianceParameters = outcome.Theta,
            FixedEffectsCovariance = fixedCovariance,
            Inference = inference,
        };
    }
}
