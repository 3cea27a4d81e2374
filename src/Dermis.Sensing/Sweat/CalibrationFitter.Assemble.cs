using System.Globalization;

namespace Dermis.Sensing.Sweat;

public static partial class CalibrationFitter
{
    private static CalibrationCurve Assemble(
        IReadOnlyList<CalibrationStandard> standards,
        CurveModel model,
        CurveWeighting weighting,
        CalibrationFitOptions options,
        bool includeBlanks,
        (double[] X, double[] Y, double[] W) data,
        LevenbergMarquardt.Outcome fit,
        List<(double Concentration, double Mean, int Count, double SumSquares)> levels,
        int directionSign)
    {
        var p = fit.Parameters;
        var k = p.Length;
        var (x, y, w) = data;
        var n = x.Length;
        var df = n - k;
        var sse = LevenbergMarquardt.WeightedSse(model, p, x, y, w);
        double sw = 0, swy = 0;
        for (var i = 0; i < n; i++)
        {
            sw += w[i];
            swy += w[i] * y[i];
        }

        var meanY = swy / sw;
        var sst = 0.0;
        for (var i = 0; i < n; i++)
        {
            sst += w[i] * (y[i] - meanY) * (y[i] - meanY);
        }

        var s2 = sse / df;
        var covariance = Covariance(model, p, x, w, s2);
        var names = CurveFunctions.ParameterNames(model);
        var parameters = new FittedParameter[k];
        for (var j = 0; j < k; j++)
        {
            parameters[j] = new FittedParameter(names[j], p[j], covariance is null ? null : Math.Sqrt(covariance[j][j]));
        }

        var fits = new StandardFit[standards.Count];
        for (var i = 0; i < standards.Count; i++)
        {
            var s = standards[i];
            var inFit = s.Concentration > 0 || includeBlanks;
            var fitted = s.Concentration == 0 && model == CurveModel.LogLinear
                ? CurveFunctions.Asymptotes(model, p).AtZero
                : CurveFunctions.Response(model, p, s.Concentration);
            double? back = CurveFunctions.TryConcentration(model, p, s.Response, out var xb) ? xb : null;
            double? recovery = back is { } b && s.Concentration > 0 ? 100 * b / s.Concentration : null;
            // A log-linear curve has no finite response at a blank; its residual is reported as 0 rather than ±∞.
            var residual = double.IsFinite(fitted) ? s.Response - fitted : 0;
            fits[i] = new StandardFit(s.Concentration, s.Response, double.IsFinite(fitted) ? fitted : s.Response, residual, back, recovery, inFit);
        }

        var breaks = new List<double>();
        for (var i = 1; i < levels.Count; i++)
        {
            if ((levels[i].Mean - levels[i - 1].Mean) * directionSign < 0)
            {
                breaks.Add(levels[i].Concentration);
            }
        }

        return new CalibrationCurve
        {
            Model = model,
            Weighting = weighting,
            ConcentrationUnit = options.ConcentrationUnit,
            Parameters = parameters,
            Covariance = covariance,
            Sse = sse,
            RSquared = sst > 0 ? 1 - (sse / sst) : 1,
            ResidualSd = Math.Sqrt(s2),
            DegreesOfFreedom = df,
            Iterations = fit.Iterations,
            Standards = fits,
            Limits = Limits(standards, model, p, directionSign),
            LowestStandard = LowestPositive(levels),
            HighestStandard = levels[^1].Concentration,
            Direction = directionSign > 0 ? CurveDirection.Increasing : CurveDirection.Decreasing,
            StandardsMonotone = breaks.Count == 0,
            MonotonicityBreaks = breaks,
        };
    }

    /// <summary>s²·(JᵀWJ)⁻¹ with the natural-parameter Jacobian at the estimate; null when singular.</summary>
    private static double[][]? Covariance(CurveModel model, double[] p, double[] x, double[] w, double s2)
    {
        var k = p.Length;
        Span<double> g = stackalloc double[k];
        Span<double> jtj = stackalloc double[k * k];
        Span<double> inverse = stackalloc double[k * k];
        for (var i = 0; i < x.Length; i++)
        {
            CurveFunctions.Gradient(model, p, x[i], g);
            for (var a = 0; a < k; a++)
            {
                for (var b = 0; b < k; b++)
                {
                    jtj[(a * k) + b] += w[i] * g[a] * g[b];
                }
            }
        }

        if (!SmallMatrix.TryInvert(jtj, k, inverse))
        {
            return null;
        }

        var covariance = new double[k][];
        for (var a = 0; a < k; a++)
        {
            covariance[a] = new double[k];
            for (var b = 0; b < k; b++)
            {
                covariance[a][b] = s2 * inverse[(a * k) + b];
            }
        }

        return covariance;
    }

    /// <summary>Blank mean ± 3·SD and ± 10·SD mapped through the inverse curve (<see cref="DetectionLimits"/>).</summary>
    private static DetectionLimits Limits(IReadOnlyList<CalibrationStandard> standards, CurveModel model, double[] p, int directionSign)
    {
        int count = 0;
        double sum = 0;
        foreach (var s in standards)
        {
            if (s.Concentration == 0)
            {
                (count, sum) = (count + 1, sum + s.Response);
            }
        }

        if (count < 2)
        {
            return new DetectionLimits(count, count == 1 ? sum : null, null, null, null, null, null,
                $"LOD and LOQ need at least 2 blanks (standards at concentration 0); got {count}.");
        }

        var mean = sum / count;
        var ss = 0.0;
        foreach (var s in standards)
        {
            if (s.Concentration == 0)
            {
                ss += (s.Response - mean) * (s.Response - mean);
            }
        }

        var sd = Math.Sqrt(ss / (count - 1));
        var lodResponse = mean + (directionSign * 3 * sd);
        var loqResponse = mean + (directionSign * 10 * sd);
        double? lod = CurveFunctions.TryConcentration(model, p, lodResponse, out var xl) ? xl : null;
        double? loq = CurveFunctions.TryConcentration(model, p, loqResponse, out var xq) ? xq : null;
        var (atZero, atInfinity) = CurveFunctions.Asymptotes(model, p);
        string? reason = null;
        if (lod is null || loq is null)
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"The blank cut-off response{(lod is null ? $" {lodResponse:G4} (LOD)" : "")}{(loq is null ? $" {loqResponse:G4} (LOQ)" : "")} lies outside the curve's response range ({atZero:G4} to {atInfinity:G4}), so it has no concentration.");
        }

        return new DetectionLimits(count, mean, sd, lodResponse, loqResponse, lod, loq, reason);
    }
}
