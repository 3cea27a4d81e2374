using Dermis.Precision.Numerics;

namespace Dermis.Precision.Continuous;

/// <summary>
/// The REML criterion of an MMRM at given covariance parameters θ: generalised least squares for β, the restricted
/// log-likelihood, and (in <see cref="RemlEvaluator.Derivatives"/>) its score, expected and observed information.
/// Every per-subject quantity uses the subject's sub-matrix of Σ, factored once per missingness pattern.
/// </summary>
/// <remarks>
/// ℓ_R(θ) = −½[(N−p)·log 2π + Σ_i log|Σ_i| + log|XᵀV⁻¹X| + rᵀV⁻¹r] (Harville 1977, JASA 72:320,
/// doi:10.1080/01621459.1977.10480998), the value R <c>nlme::gls</c> and SAS PROC MIXED report.
/// </remarks>
internal sealed partial class RemlEvaluator
{
    private readonly MmrmDesign _d;
    private readonly CovarianceModel _model;
    private readonly int _t;
    private readonly int _p;
    private readonly double _constant;
    private readonly double[] _sigma;
    private readonly double[][] _patternInverse;
    private readonly double[] _patternLogDet;
    private readonly int[] _patternSubjects;
    private readonly double[] _rhs;
    private readonly double[] _factor;
    private readonly double[] _sub;

    public RemlEvaluator(MmrmDesign design, CovarianceModel model)
    {
        _d = design;
        _model = model;
        _t = design.T;
        _p = design.P;
        _sigma = new double[_t * _t];
        _sub = new double[_t * _t];
        var patterns = design.PatternVisits.Length;
        _patternInverse = new double[patterns][];
        _patternLogDet = new double[patterns];
        _patternSubjects = new int[patterns];
        for (var g = 0; g < patterns; g++)
        {
            var m = design.PatternVisits[g].Length;
            _patternInverse[g] = new double[m * m];
        }

        foreach (var g in design.SubjectPattern)
        {
            _patternSubjects[g]++;
        }

        U = new double[design.N * _p];
        Phi = new double[_p * _p];
        Beta = new double[_p];
        Residual = new double[design.N];
        E = new double[design.N];
        _rhs = new double[_p];
        _factor = new double[_p * _p];
        _constant = -0.5 * (design.N - _p) * Math.Log(2 * Math.PI);
    }

    /// <summary>V⁻¹X by subject blocks (N × p), at the last prepared θ.</summary>
    public double[] U { get; }

    /// <summary>(XᵀV⁻¹X)⁻¹, the model-based covariance of β̂.</summary>
    public double[] Phi { get; }

    /// <summary>GLS estimate β̂.</summary>
    public double[] Beta { get; }

    /// <summary>y − Xβ̂.</summary>
    public double[] Residual { get; }

    /// <summary>V⁻¹(y − Xβ̂) by subject blocks.</summary>
    public double[] E { get; }

    /// <summary>REML log-likelihood at the last prepared θ.</summary>
    public double LogLikelihood { get; private set; }

    /// <summary>Σ at the last prepared θ (T × T).</summary>
    public ReadOnlySpan<double> Sigma => _sigma;

    /// <summary>
    /// Computes β̂, the residuals and ℓ_R at θ; returns false (leaving the state undefined) when θ is outside the
    /// parameter space or a subject's Σ_i is not positive definite.
    /// </summary>
    public bool Prepare(ReadOnlySpan<double> theta)
    {
        if (!_model.IsAdmissible(theta))
        {
            return false;
        }

        _model.Fill(theta, _sigma);
        for (var g = 0; g < _patternInverse.Length; g++)
        {
            var visits = _d.PatternVisits[g];
            var m = visits.Length;
            var sub = _sub.AsSpan(0, m * m);
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++)
                {
                    sub[(a * m) + b] = _sigma[(visits[a] * _t) + visits[b]];
                }
            }

            if (DenseCholesky.Factor(sub, m) >= 0)
            {
                return false;
            }

            _patternLogDet[g] = DenseCholesky.LogDeterminant(sub, m);
            DenseCholesky.Invert(sub, m, _patternInverse[g]);
        }

        var a0 = _factor.AsSpan();
        a0.Clear();
        Array.Clear(_rhs);
        double logDetSum = 0;
        for (var s = 0; s < _d.Subjects; s++)
        {
            var g = _d.SubjectPattern[s];
            logDetSum += _patternLogDet[g];
            AccumulateSubject(_d.SubjectStart[s], _d.PatternVisits[g].Length, _patternInverse[g], a0);
        }

        if (DenseCholesky.Factor(a0, _p) >= 0)
        {
            return false;
        }

        var logDetA = DenseCholesky.LogDeterminant(a0, _p);
        _rhs.CopyTo(Beta, 0);
        DenseCholesky.Solve(a0, _p, Beta);
        DenseCholesky.Invert(a0, _p, Phi);
        var quadratic = ResidualsAndWeighted();
        LogLikelihood = _constant - (0.5 * (logDetSum + logDetA + quadratic));
        return double.IsFinite(LogLikelihood);
    }

    /// <summary>U_i = W_i·X_i, and adds X_iᵀU_i (lower triangle) to A and U_iᵀy_i to the right-hand side.</summary>
    private void AccumulateSubject(int start, int m, double[] w, Span<double> a)
    {
        var p = _p;
        var x = _d.X;
        for (var r = 0; r < m; r++)
        {
            var u = U.AsSpan((start + r) * p, p);
            u.Clear();
            for (var c = 0; c < m; c++)
            {
                var weight = w[(r * m) + c];
                var xc = x.AsSpan((start + c) * p, p);
                for (var j = 0; j < p; j++)
                {
                    u[j] += weight * xc[j];
                }
            }
        }

        for (var r = 0; r < m; r++)
        {
            var u = U.AsSpan((start + r) * p, p);
            var xr = x.AsSpan((start + r) * p, p);
            var y = _d.Y[start + r];
            for (var i = 0; i < p; i++)
            {
                var xi = xr[i];
                if (xi == 0)
                {
                    continue;
                }

                var row = a.Slice(i * p, i + 1);
                for (var j = 0; j <= i; j++)
                {
                    row[j] += xi * u[j];
                }
            }

            for (var j = 0; j < p; j++)
            {
                _rhs[j] += u[j] * y;
            }
        }
    }

    private double ResidualsAndWeighted()
    {
        var p = _p;
        for (var i = 0; i < _d.N; i++)
        {
            var x = _d.X.AsSpan(i * p, p);
            var fitted = 0.0;
            for (var j = 0; j < p; j++)
            {
                fitted += x[j] * Beta[j];
            }

            Residual[i] = _d.Y[i] - fitted;
        }

        var quadratic = 0.0;
        for (var s = 0; s < _d.Subjects; s++)
        {
            var start = _d.SubjectStart[s];
            var g = _d.SubjectPattern[s];
            var m = _d.PatternVisits[g].Length;
            var w = _patternInverse[g];
            for (var a = 0; a < m; a++)
            {
                var sum = 0.0;
                for (var b = 0; b < m; b++)
                {
                    sum += w[(a * m) + b] * Residual[start + b];
                }

                E[start + a] = sum;
                quadratic += sum * Residual[start + a];
            }
        }

        return quadratic;
    }
}
