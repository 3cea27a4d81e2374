using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dermis.Sensing.Sweat;

/// <summary>
/// Turns sweat sensor responses into concentrations through a <see cref="CalibrationCurve"/>, with flags (LOD, LLOQ,
/// ULOQ, asymptotes, failed channel, low sweat rate) and, per reading, a delta-method confidence interval.
/// Construct once per curve (it precomputes the inverse's constants and the t quantile); thread-safe after construction.
/// </summary>
/// <remarks>
/// Interval (docs/sweat.md §Quantification): the first-order delta method on ln x̂ (Seber &amp; Wild 1989 §5.1;
/// the inverse-prediction variance of Findlay &amp; Dillard, AAPS J 9:E260, 2007):
/// Var(ln x̂) ≈ (∂ln x/∂y)²·s²/w(y) + ∇θ(ln x)ᵀ·Σθ·∇θ(ln x), with s the residual SD, w(y) the fit's weight at the
/// reading and Σθ the parameter covariance; the interval is x̂·exp(±t_{df,(1+level)/2}·√Var), positive and asymmetric.
/// </remarks>
public sealed partial class SweatQuantifier
{
    private readonly CurveModel _model;
    private readonly double[] _p;
    private readonly double _sign, _vLod, _vLow, _vHigh, _vTop, _vLloq;
    private readonly double _aMinusD, _d, _c, _lnC, _invB, _invE, _intercept, _ln10OverSlope;
    private readonly bool _hasMarker;
    private readonly double _marker, _minimumRate;
    private readonly double _t, _weightFloor;
    private readonly double[]? _covariance;

    /// <summary>Prepares a curve (fitted, or read back from JSON) for quantification.</summary>
    /// <param name="curve">The calibration curve.</param>
    /// <param name="options">Failed-channel marker, minimum sweat rate, confidence level; default <see cref="SweatQuantifierOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The curve's parameters do not match its model or are not finite, or an option is out of range.</exception>
    public SweatQuantifier(CalibrationCurve curve, SweatQuantifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        options ??= SweatQuantifierOptions.Default;
        if (!(options.ConfidenceLevel is > 0 and < 1))
        {
            throw new ArgumentException($"ConfidenceLevel is {options.ConfidenceLevel.ToString(CultureInfo.InvariantCulture)}; allowed: (0, 1), e.g. 0.95.", nameof(options));
        }

        if (!(options.MinimumSweatRateMicrolitresPerMinutePerCm2 >= 0) || !double.IsFinite(options.MinimumSweatRateMicrolitresPerMinutePerCm2))
        {
            throw new ArgumentException($"MinimumSweatRateMicrolitresPerMinutePerCm2 is {options.MinimumSweatRateMicrolitresPerMinutePerCm2.ToString(CultureInfo.InvariantCulture)}; allowed: a finite rate ≥ 0.", nameof(options));
        }

        Curve = curve;
        _model = curve.Model;
        _p = curve.ParameterValues();
        foreach (var v in _p)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"The {curve.Model} curve has a non-finite parameter; refit the standards with CalibrationFitter.Fit.", nameof(curve));
            }
        }

        _sign = curve.Direction == CurveDirection.Increasing ? 1 : -1;
        var (atZero, atInfinity) = CurveFunctions.Asymptotes(_model, _p);
        (_vLow, _vHigh) = (_sign * atZero, _sign * atInfinity);
        _vLod = curve.Limits.Lod is not null && curve.Limits.LodResponse is { } lod ? _sign * lod : double.NegativeInfinity;
        _vTop = _sign * CurveFunctions.Response(_model, _p, curve.HighestStandard);
        _vLloq = _sign * CurveFunctions.Response(_model, _p, curve.LowerLimitOfQuantification);
        if (_model == CurveModel.LogLinear)
        {
            (_intercept, _ln10OverSlope) = (_p[0], CurveFunctions.Ln10 / _p[1]);
        }
        else
        {
            (_aMinusD, _d, _c, _lnC, _invB) = (_p[0] - _p[3], _p[3], _p[2], Math.Log(_p[2]), 1 / _p[1]);
            _invE = _model == CurveModel.FiveParameterLogistic ? 1 / _p[4] : 1;
        }

        (_hasMarker, _marker) = (options.FailedChannelMarker is not null, options.FailedChannelMarker ?? 0);
        _minimumRate = options.MinimumSweatRateMicrolitresPerMinutePerCm2;
        _t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, Math.Max(curve.DegreesOfFreedom, 1), (1 + options.ConfidenceLevel) / 2);
        var maxAbs = 0.0;
        foreach (var s in curve.Standards)
        {
            maxAbs = s.InFit ? Math.Max(maxAbs, Math.Abs(s.Response)) : maxAbs;
        }

        _weightFloor = 0.01 * maxAbs;
        _covariance = Flatten(curve.Covariance, _p.Length);
    }

    /// <summary>The curve this quantifier reads through.</summary>
    public CalibrationCurve Curve { get; }

    /// <summary>Quantifies every response of a span into caller-owned spans with one call (no allocation per reading).</summary>
    /// <param name="curve">The calibration curve.</param>
    /// <param name="responses">Responses, one per reading.</param>
    /// <param name="concentrations">Receives the concentration in the curve's unit; NaN where the flag carries no concentration (BelowLod, AboveTopStandard, BeyondAsymptote, ChannelFailed).</param>
    /// <param name="flags">Receives each reading's flag.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void QuantifyAll(CalibrationCurve curve, ReadOnlySpan<double> responses, Span<double> concentrations, Span<ReadingFlag> flags) =>
        new SweatQuantifier(curve).QuantifyAll(responses, concentrations, flags);

    /// <summary>Quantifies one response with its confidence interval.</summary>
    /// <param name="response">The response.</param>
    /// <param name="sweatRateMicrolitresPerMinutePerCm2">The window's sweat rate in µL·min⁻¹·cm⁻²; NaN (default) when unknown.</param>
    public QuantifiedReading Quantify(double response, double sweatRateMicrolitresPerMinutePerCm2 = double.NaN)
    {
        var flag = Classify(response, out var x);
        if (flag <= ReadingFlag.BelowLoq && sweatRateMicrolitresPerMinutePerCm2 < _minimumRate)
        {
            flag = ReadingFlag.LowSweatVolume;
        }

        if (double.IsNaN(x))
        {
            var display = flag switch
            {
                ReadingFlag.BelowLod => "< LOD",
                ReadingFlag.AboveTopStandard => "> ULOQ",
                ReadingFlag.BeyondAsymptote => "beyond curve",
                _ => "channel failed",
            };
            return new QuantifiedReading(response, flag, null, null, null, display);
        }

        var (lower, upper) = Interval(response, x);
        var text = x.ToString("G4", CultureInfo.InvariantCulture) + flag switch
        {
            ReadingFlag.BelowLoq => " (< LLOQ)",
            ReadingFlag.LowSweatVolume => " (low sweat volume)",
            _ => "",
        };
        return new QuantifiedReading(response, flag, x, lower, upper, text);
    }

    /// <summary>The flag of a response, in the precedence of <see cref="ReadingFlag"/>, before the inverse is taken.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadingFlag Classify(double y)
    {
        if (!double.IsFinite(y) || (_hasMarker && y == _marker))
        {
            return ReadingFlag.ChannelFailed;
        }

        var v = _sign * y;
        if (v < _vLod)
        {
            return ReadingFlag.BelowLod;
        }

        if (v <= _vLow || v >= _vHigh)
        {
            return ReadingFlag.BeyondAsymptote;
        }

        if (v > _vTop)
        {
            return ReadingFlag.AboveTopStandard;
        }

        return v < _vLloq ? ReadingFlag.BelowLoq : ReadingFlag.Ok;
    }

    /// <summary>One reading: the flag, and the concentration by the scalar inverse (NaN without one).</summary>
    private ReadingFlag Classify(double y, out double concentration)
    {
        concentration = double.NaN;
        var flag = Classify(y);
        if (flag > ReadingFlag.BelowLoq)
        {
            return flag;
        }

        var x = Inverse(y);
        if (!(x > 0) || !double.IsFinite(x))
        {
            // Underflow at the very edge of the asymptote: there is no usable inverse.
            return ReadingFlag.BeyondAsymptote;
        }

        concentration = x;
        return flag;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Inverse(double y) => _model switch
    {
        CurveModel.FourParameterLogistic => _c * Math.Pow((_aMinusD / (y - _d)) - 1, _invB),
        CurveModel.FiveParameterLogistic => _c * Math.Pow(Math.Pow(_aMinusD / (y - _d), _invE) - 1, _invB),
        _ => Math.Exp((y - _intercept) * _ln10OverSlope),
    };

    private (double? Lower, double? Upper) Interval(double y, double x)
    {
        var k = _p.Length;
        Span<double> g = stackalloc double[k];
        if (_covariance is null || !CurveFunctions.TryLogConcentrationGradient(_model, _p, y, g, out var dLnXdY))
        {
            return (null, null);
        }

        var residualVariance = Curve.ResidualSd * Curve.ResidualSd / CalibrationFitter.WeightAt(y, Curve.Weighting, _weightFloor);
        var variance = dLnXdY * dLnXdY * residualVariance;
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                variance += g[a] * _covariance[(a * k) + b] * g[b];
            }
        }

        if (!(variance >= 0) || !double.IsFinite(variance))
        {
            return (null, null);
        }

        var half = _t * Math.Sqrt(variance);
        return (x * Math.Exp(-half), x * Math.Exp(half));
    }

    private static double[]? Flatten(IReadOnlyList<IReadOnlyList<double>>? covariance, int k)
    {
        if (covariance is null || covariance.Count != k)
        {
            return null;
        }

        var flat = new double[k * k];
        for (var a = 0; a < k; a++)
        {
            if (covariance[a] is null || covariance[a].Count != k)
            {
                return null;
            }

            for (var b = 0; b < k; b++)
            {
                flat[(a * k) + b] = covariance[a][b];
            }
        }

        return flat;
    }

    private static void CheckLengths(int responses, int concentrations, int flags)
    {
        if (concentrations != responses || flags != responses)
        {
            throw new ArgumentException($"The spans differ in length: {responses} inputs, {concentrations} concentrations, {flags} flags; they must be equal.", nameof(concentrations));
        }
    }
}
