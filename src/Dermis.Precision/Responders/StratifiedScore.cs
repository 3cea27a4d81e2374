namespace Dermis.Precision.Responders;

/// <summary>
/// The Miettinen–Nurminen score statistic for a common risk difference δ over strata, with the restricted maximum-likelihood
/// rates from the Farrington–Manning cubic. Every stratum here has participants in both arms.
/// </summary>
internal sealed class StratifiedScore
{
    private readonly double[] _x1, _n1, _x0, _n0, _difference, _fixedWeight, _variance;
    private readonly StratumWeighting _weighting;

    public StratifiedScore(IReadOnlyList<StratumCounts> strata, StratumWeighting weighting)
    {
        var k = strata.Count;
        _weighting = weighting;
        _x1 = new double[k];
        _n1 = new double[k];
        _x0 = new double[k];
        _n0 = new double[k];
        _difference = new double[k];
        _fixedWeight = new double[k];
        _variance = new double[k];
        double total = 0;
        for (var i = 0; i < k; i++)
        {
            var s = strata[i];
            (_x1[i], _n1[i], _x0[i], _n0[i]) = (s.RespondersTreated, s.TotalTreated, s.RespondersControl, s.TotalControl);
            _difference[i] = (_x1[i] / _n1[i]) - (_x0[i] / _n0[i]);
            _fixedWeight[i] = weighting switch
            {
                StratumWeighting.CochranMantelHaenszel => _n1[i] * _n0[i] / (_n1[i] + _n0[i]),
                StratumWeighting.SampleSize => _n1[i] + _n0[i],
                _ => 1.0,
            };
            total += _fixedWeight[i];
        }

        double estimate = 0;
        for (var i = 0; i < k; i++)
        {
            _fixedWeight[i] /= total;
            estimate += _fixedWeight[i] * _difference[i];
        }

        FixedEstimate = estimate;
    }

    /// <summary>Σwₖd̂ₖ with the fixed (non-MN) weights; for MN weights the estimate is the root of <see cref="Z"/>.</summary>
    public double FixedEstimate { get; }

    /// <summary>z(δ) = Σwₖ(d̂ₖ − δ) / √(Σwₖ²Ṽₖ(δ)); 0 when numerator and variance are both 0 (e.g. 0/n − 0/m at δ = 0).</summary>
    public double Z(double delta)
    {
        var k = _x1.Length;
        for (var i = 0; i < k; i++)
        {
            _variance[i] = RestrictedVariance(_x1[i], _n1[i], _x0[i], _n0[i], delta);
        }

        double weightSum = 0;
        if (_weighting == StratumWeighting.MiettinenNurminen)
        {
            for (var i = 0; i < k; i++)
            {
                weightSum += 1.0 / Math.Max(_variance[i], 1e-12);
            }
        }

        double numerator = 0, variance = 0;
        for (var i = 0; i < k; i++)
        {
            var w = _weighting == StratumWeighting.MiettinenNurminen ? 1.0 / Math.Max(_variance[i], 1e-12) / weightSum : _fixedWeight[i];
            numerator += w * (_difference[i] - delta);
            variance += w * w * _variance[i];
        }

        if (numerator == 0 && variance == 0)
        {
            return 0;
        }

        return numerator / Math.Sqrt(variance);
    }

    /// <summary>
    /// Ṽ(δ) = (p̃₁(1 − p̃₁)/n₁ + p̃₀(1 − p̃₀)/n₀) · N/(N − 1) at the restricted MLE p̃₁ − p̃₀ = δ
    /// (Farrington &amp; Manning 1990 eq. 5; Miettinen &amp; Nurminen 1985 appendix).
    /// </summary>
    internal static double RestrictedVariance(double x1, double n1, double x0, double n0, double delta)
    {
        var (p1, p0) = RestrictedRates(x1, n1, x0, n0, delta);
        var n = n1 + n0;
        return ((p1 * (1 - p1) / n1) + (p0 * (1 - p0) / n0)) * n / (n - 1);
    }

    /// <summary>Restricted MLE of (p₁, p₀) under p₁ − p₀ = δ: the root of the FM cubic in trigonometric form, clamped to the feasible range.</summary>
    internal static (double Treated, double Control) RestrictedRates(double x1, double n1, double x0, double n0, double delta)
    {
        double p1 = x1 / n1, p0 = x0 / n0, theta = n0 / n1;
        var a = 1 + theta;
        var b = -(1 + theta + p1 + (theta * p0) + (delta * (theta + 2)));
        var c = (delta * delta) + (delta * ((2 * p1) + theta + 1)) + p1 + (theta * p0);
        var d = -p1 * delta * (1 + delta);
        var a3 = 3 * a;
        var v = (b * b * b / (a3 * a3 * a3)) - (b * c / (6 * a * a)) + (d / (2 * a));
        var u = (v >= 0 ? 1.0 : -1.0) * Math.Sqrt(Math.Max(0, (b * b / (a3 * a3)) - (c / a3)));
        double treated;
        if (u == 0)
        {
            treated = -b / a3;
        }
        else
        {
            var w = (Math.PI + Math.Acos(Math.Clamp(v / (u * u * u), -1.0, 1.0))) / 3;
            treated = (2 * u * Math.Cos(w)) - (b / a3);
        }

        treated = Math.Clamp(treated, Math.Max(0, delta), Math.Min(1, 1 + delta));
        return (treated, treated - delta);
    }
}
