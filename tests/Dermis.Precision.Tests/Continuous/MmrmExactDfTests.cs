using Dermis.Precision.Continuous;

namespace Dermis.Precision.Tests.Continuous;

/// <summary>
/// Satterthwaite and Kenward–Roger against cases with exact answers (no R reference is available here: mmrm and
/// pbkrtest are not installed). n = 24 subjects (12 per arm), T = 4 visits, complete and balanced, model
/// y ~ baseline + arm + visit + arm:visit + baseline:visit; k = a + 1 = 3 subject-level coefficients (intercept, arm,
/// baseline) per visit.
/// <para>
/// Compound symmetry, Σ = τI + ωJ. The design's column space is invariant under I and under the within-subject J
/// (J maps every visit column to a subject-level column), so GLS = OLS and the REML equations split into strata:
/// subject means ȳ_i regressed on (1, arm, baseline) give RSS_b with E = (λ₁/T)(n − k), λ₁ = τ + Tω; the within part
/// gives RSS_w = RSS_OLS − T·RSS_b with E = τ(T − 1)(n − k). Hence λ̂₁ = T·RSS_b/(n − k), τ̂ = RSS_w/((T − 1)(n − k)).
/// The arm effect averaged over visits, Arm + mean_v Arm:Visit, is a between-subject contrast with variance
/// (λ₁/T)·[(ZᵀZ)⁻¹]_arm: it is a scaled χ²_{n−k} estimate, so Satterthwaite and KR df = n − k = 21 exactly (the
/// split-plot ANOVA between-subject error df). An arm-by-visit interaction coefficient only involves τ: df =
/// (T − 1)(n − k) = 63 (within-subject error df). Q_kl − P_kΦP_l = 0 by the invariance, so Φ_A = Φ (Kenward &amp; Roger
/// 1997, §4: the adjustment vanishes for balanced designs of this kind).
/// </para>
/// <para>
/// Unstructured: with complete data and only subject-level covariates per visit this is the multivariate linear
/// model; GLS = OLS visit by visit, Σ̂ = EᵀE/(n − k) (E the n × T per-visit OLS residuals), the arm contrast at visit v
/// has variance σ_vv·[(ZᵀZ)⁻¹]_arm with σ̂_vv ~ σ_vv χ²_{n−k}/(n − k), so its df = n − k = 21, and again Φ_A = Φ.
/// </para>
/// Tolerances: 1e-8 relative (+1e-10 absolute) for variances and standard errors, 1e-6 relative for df.
/// </summary>
public sealed class MmrmExactDfTests
{
    private const int PerArm = 12;
    private const int Visits = 4;
    private const int Subjects = 2 * PerArm;
    private const int SubjectLevel = 3;
    private static readonly string[] VisitOrder = ["V1", "V2", "V3", "V4"];

    private static MmrmResult Fit(CovarianceStructure structure, DegreesOfFreedomMethod method) => Mmrm.Fit(
        BalancedTrial.Create(PerArm, Visits, 42),
        new MmrmOptions { VisitOrder = VisitOrder, ReferenceArm = "Control", Covariance = structure, DegreesOfFreedom = method, Tolerance = 1e-14 });

    private static (double Rss, double[,] Inverse, double[][] Residuals) SubjectMeansRegression(Func<int, double> response)
    {
        var rows = BalancedTrial.Create(PerArm, Visits, 42);
        var x = new double[Subjects][];
        var y = new double[Subjects];
        for (var s = 0; s < Subjects; s++)
        {
            var first = rows[s * Visits];
            x[s] = [1, first.Arm == "Active" ? 1 : 0, first.Baseline];
            y[s] = response(s) is var r && double.IsNaN(r) ? rows.Skip(s * Visits).Take(Visits).Average(o => o.Response!.Value) : r;
        }

        var (rss, inverse) = BalancedTrial.Ols(x, y);
        return (rss, inverse, []);
    }

    [Theory]
    [InlineData(DegreesOfFreedomMethod.KenwardRoger)]
    [InlineData(DegreesOfFreedomMethod.Satterthwaite)]
    public void CompoundSymmetry_balancedComplete_splitPlotDf(DegreesOfFreedomMethod method)
    {
        var fit = Fit(CovarianceStructure.CompoundSymmetry, method);
        var rows = BalancedTrial.Create(PerArm, Visits, 42);
        var (rssBetween, inverse, _) = SubjectMeansRegression(_ => double.NaN);
        var full = BalancedTrial.Ols([.. rows.Select(FullRow)], [.. rows.Select(r => r.Response!.Value)]);
        var lambda1 = Visits * rssBetween / (Subjects - SubjectLevel);
        var tau = (full.Rss - (Visits * rssBetween)) / ((Visits - 1) * (Subjects - SubjectLevel));
        var omega = (lambda1 - tau) / Visits;
        Tolerance.Near(tau + omega, fit.ResidualCovariance[0, 0], 1e-8, 1e-10, "σ² = τ + ω");
        Tolerance.Near(omega, fit.ResidualCovariance[1, 3], 1e-8, 1e-10, "ω");

        // Between-subject contrast: arm averaged over visits.
        var l = Vector(fit, ("Arm[Active]", 1.0), ("Arm[Active]:Visit[V2]", 0.25), ("Arm[Active]:Visit[V3]", 0.25), ("Arm[Active]:Visit[V4]", 0.25));
        var (se, df) = Contrast(fit, l);
        Tolerance.Near(se, fit.Estimate(l).StandardError, 1e-12, 0, "Estimate SE");
        Tolerance.Near(Subjects - SubjectLevel, df, 1e-6, 0, "between-subject df");
        Tolerance.Near(Math.Sqrt(lambda1 / Visits * inverse[1, 1]), se, 1e-8, 1e-10, "between-subject SE");

        var within = Assert.Single(fit.FixedEffects, f => f.Term == "Arm[Active]:Visit[V3]");
        Tolerance.Near((Visits - 1) * (Subjects - SubjectLevel), within.DegreesOfFreedom, 1e-6, 0, "within-subject df");
        AssertSameCovariance(fit, Fit(CovarianceStructure.CompoundSymmetry, DegreesOfFreedomMethod.Residual));
    }

    [Theory]
    [InlineData(DegreesOfFreedomMethod.KenwardRoger)]
    [InlineData(DegreesOfFreedomMethod.Satterthwaite)]
    public void Unstructured_balancedComplete_multivariateRegressionDf(DegreesOfFreedomMethod method)
    {
        var fit = Fit(CovarianceStructure.Unstructured, method);
        var rows = BalancedTrial.Create(PerArm, Visits, 42);
        var residuals = new double[Visits][];
        for (var v = 0; v < Visits; v++)
        {
            var visit = v;
            var (rss, inverse, _) = SubjectMeansRegression(s => rows[(s * Visits) + visit].Response!.Value);
            var x = rows.Where((_, i) => i % Visits == visit).Select(r => new double[] { 1, r.Arm == "Active" ? 1 : 0, r.Baseline }).ToArray();
            var y = rows.Where((_, i) => i % Visits == visit).Select(r => r.Response!.Value).ToArray();
            var beta = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(x).QR().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(y));
            residuals[v] = [.. y.Select((yi, i) => yi - ((beta[0] * x[i][0]) + (beta[1] * x[i][1]) + (beta[2] * x[i][2])))];
            var contrast = Assert.Single(fit.Contrasts, c => c.Visit == VisitOrder[v]);
            Tolerance.Near(beta[1], contrast.Estimate, 1e-8, 1e-10, $"arm contrast at {VisitOrder[v]}");
            Tolerance.Near(Math.Sqrt(rss / (Subjects - SubjectLevel) * inverse[1, 1]), contrast.StandardError, 1e-8, 1e-10, $"SE at {VisitOrder[v]}");
            Tolerance.Near(Subjects - SubjectLevel, contrast.DegreesOfFreedom, 1e-6, 0, $"df at {VisitOrder[v]}");
        }

        for (var a = 0; a < Visits; a++)
        {
            for (var b = 0; b < Visits; b++)
            {
                var moment = residuals[a].Zip(residuals[b], (x, y) => x * y).Sum() / (Subjects - SubjectLevel);
                Tolerance.Near(moment, fit.ResidualCovariance[a, b], 1e-8, 1e-10, $"Σ[{a},{b}]");
            }
        }

        AssertSameCovariance(fit, Fit(CovarianceStructure.Unstructured, DegreesOfFreedomMethod.Residual));
    }

    private static double[] FullRow(ContinuousObservation r)
    {
        var v = Array.IndexOf(VisitOrder, r.Visit);
        var active = r.Arm == "Active" ? 1.0 : 0;
        double[] row = [1, r.Baseline, active, v == 1 ? 1 : 0, v == 2 ? 1 : 0, v == 3 ? 1 : 0, 0, 0, 0, 0, 0, 0];
        for (var w = 1; w < Visits; w++)
        {
            row[5 + w] = v == w ? active : 0;
            row[8 + w] = v == w ? r.Baseline : 0;
        }

        return row;
    }

    private static double[] Vector(MmrmResult fit, params (string Term, double Weight)[] terms)
    {
        var l = new double[fit.FixedEffects.Count];
        foreach (var (term, weight) in terms)
        {
            l[fit.FixedEffects.ToList().FindIndex(f => f.Term == term)] = weight;
        }

        return l;
    }

    /// <summary>SE recomputed from the reported (adjusted) covariance matrix; df from the fit.</summary>
    private static (double Se, double Df) Contrast(MmrmResult fit, double[] l)
    {
        var p = l.Length;
        var variance = 0.0;
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                variance += l[i] * fit.FixedEffectsCovariance[i, j] * l[j];
            }
        }

        return (Math.Sqrt(variance), fit.Estimate(l).DegreesOfFreedom);
    }

    private static void AssertSameCovariance(MmrmResult adjusted, MmrmResult modelBased)
    {
        for (var i = 0; i < adjusted.FixedEffects.Count; i++)
        {
            for (var j = 0; j < adjusted.FixedEffects.Count; j++)
            {
                Tolerance.Near(modelBased.FixedEffectsCovariance[i, j], adjusted.FixedEffectsCovariance[i, j], 1e-7, 1e-10, $"Φ_A[{i},{j}] vs Φ");
            }
        }
    }
}
