namespace Dermis.Sensing.Sweat;

/// <summary>
/// The calibration models, their gradients with respect to the parameters, and their inverses, on parameter vectors in
/// model order (4PL: A, B, C, D; 5PL: A, B, C, D, E; log-linear: Intercept, Slope). Formulas in docs/sweat.md §Models.
/// </summary>
internal static class CurveFunctions
{
    internal const double Ln10 = 2.302585092994046;

    public static int ParameterCount(CurveModel model) => model switch
    {
        CurveModel.FourParameterLogistic => 4,
        CurveModel.FiveParameterLogistic => 5,
        CurveModel.LogLinear => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Allowed: FourParameterLogistic, FiveParameterLogistic, LogLinear."),
    };

    public static string[] ParameterNames(CurveModel model) => model switch
    {
        CurveModel.FourParameterLogistic => ["A", "B", "C", "D"],
        CurveModel.FiveParameterLogistic => ["A", "B", "C", "D", "E"],
        CurveModel.LogLinear => ["Intercept", "Slope"],
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Allowed: FourParameterLogistic, FiveParameterLogistic, LogLinear."),
    };

    /// <summary>g = 1/(1 + (x/C)^B) computed from t = B·ln(x/C) without overflow; x = 0 gives the x → 0 limit.</summary>
    private static double Logistic(double x, double b, double c, out double t)
    {
        if (x == 0)
        {
            t = b > 0 ? double.NegativeInfinity : b < 0 ? double.PositiveInfinity : 0;
            return b > 0 ? 1 : b < 0 ? 0 : 0.5;
        }

        t = b * Math.Log(x / c);
        if (t > 0)
        {
            var e = Math.Exp(-t);
            return e / (1 + e);
        }

        return 1 / (1 + Math.Exp(t));
    }

    /// <summary>The response at concentration x ≥ 0 (log-linear: x &gt; 0).</summary>
    public static double Response(CurveModel model, ReadOnlySpan<double> p, double x)
    {
        if (model == CurveModel.LogLinear)
        {
            return p[0] + (p[1] * Math.Log10(x));
        }

        var g = Logistic(x, p[1], p[2], out _);
        var gE = model == CurveModel.FiveParameterLogistic ? Math.Pow(g, p[4]) : g;
        return p[3] + ((p[0] - p[3]) * gE);
    }

    /// <summary>∂y/∂θ at x in model order (natural parameters).</summary>
    public static void Gradient(CurveModel model, ReadOnlySpan<double> p, double x, Span<double> gradient)
    {
        if (model == CurveModel.LogLinear)
        {
            gradient[0] = 1;
            gradient[1] = Math.Log10(x);
            return;
        }

        double a = p[0], b = p[1], c = p[2], d = p[3];
        var e = model == CurveModel.FiveParameterLogistic ? p[4] : 1.0;
        var g = Logistic(x, b, c, out var t);
        var gE = e == 1 ? g : Math.Pow(g, e);
        gradient[0] = gE;
        gradient[3] = 1 - gE;
        if (double.IsInfinity(t))
        {
            // At x = 0 the response is an asymptote exactly: it does not depend on B, C or E.
            gradient[1] = 0;
            gradient[2] = 0;
            if (model == CurveModel.FiveParameterLogistic)
            {
                gradient[4] = 0;
            }

            return;
        }

        // y = D + (A − D)·g^E with g = 1/(1 + u), u = (x/C)^B, so ∂g/∂ln u = −g(1 − g) and ∂ln u/∂B = ln(x/C), ∂ln u/∂C = −B/C.
        var common = (a - d) * e * gE * (1 - g);
        gradient[1] = -common * Math.Log(x / c);
        gradient[2] = common * b / c;
        if (model == CurveModel.FiveParameterLogistic)
        {
            // ln g = −ln(1 + e^t), written stably for large |t|.
            var lnG = -(Math.Max(t, 0) + Math.Log(1 + Math.Exp(-Math.Abs(t))));
            gradient[4] = (a - d) * gE * lnG;
        }
    }

    /// <summary>The response range the inverse is defined on, as the limits at x → 0 and x → ∞ (±∞ for log-linear).</summary>
    public static (double AtZero, double AtInfinity) Asymptotes(CurveModel model, ReadOnlySpan<double> p)
    {
        if (model == CurveModel.LogLinear)
        {
            return p[1] >= 0 ? (double.NegativeInfinity, double.PositiveInfinity) : (double.PositiveInfinity, double.NegativeInfinity);
        }

        return p[1] > 0 ? (p[0], p[3]) : (p[3], p[0]);
    }

    /// <summary>The concentration whose response is y, or false when y is outside the open asymptote range (or the curve is flat).</summary>
    public static bool TryConcentration(CurveModel model, ReadOnlySpan<double> p, double y, out double x)
    {
        x = 0;
        if (!double.IsFinite(y))
        {
            return false;
        }

        if (model == CurveModel.LogLinear)
        {
            if (p[1] == 0)
            {
                return false;
            }

            x = Math.Pow(10, (y - p[0]) / p[1]);
            return double.IsFinite(x) && x > 0;
        }

        // x = C·(((A − D)/(y − D))^(1/E) − 1)^(1/B) (Cardillo's inverse 4PL with the 5PL exponent).
        double a = p[0], b = p[1], c = p[2], d = p[3];
        var q = (a - d) / (y - d);
        if (!(q > 1) || b == 0)
        {
            return false;
        }

        var r = model == CurveModel.FiveParameterLogistic ? Math.Pow(q, 1 / p[4]) - 1 : q - 1;
        if (!(r > 0))
        {
            return false;
        }

        x = c * Math.Exp(Math.Log(r) / b);
        return double.IsFinite(x) && x > 0;
    }

    /// <summary>
    /// Gradient of ln x̂(y; θ) with respect to θ (model order) and y, for the delta-method interval. False where the
    /// inverse is not defined.
    /// </summary>
    public static bool TryLogConcentrationGradient(CurveModel model, ReadOnlySpan<double> p, double y, Span<double> gradient, out double dLnXdY)
    {
        dLnXdY = 0;
        if (model == CurveModel.LogLinear)
        {
            if (p[1] == 0)
            {
                return false;
            }

            // ln x = ln10·(y − a)/b.
            gradient[0] = -Ln10 / p[1];
            gradient[1] = -Ln10 * (y - p[0]) / (p[1] * p[1]);
            dLnXdY = Ln10 / p[1];
            return true;
        }

        double a = p[0], b = p[1], c = p[2], d = p[3];
        var e = model == CurveModel.FiveParameterLogistic ? p[4] : 1.0;
        var q = (a - d) / (y - d);
        if (!(q > 1) || b == 0)
        {
            return false;
        }

        // ln x = ln C + (1/B)·ln r, r = q^(1/E) − 1, q = (A − D)/(y − D).
        var qe = e == 1 ? q : Math.Pow(q, 1 / e);
        var r = qe - 1;
        if (!(r > 0))
        {
            return false;
        }

        var dLnRdQ = qe / (e * q * r);
        var yd = y - d;
        gradient[0] = dLnRdQ * (1 / yd) / b;
        gradient[1] = -Math.Log(r) / (b * b);
        gradient[2] = 1 / c;
        gradient[3] = dLnRdQ * ((a - y) / (yd * yd)) / b;
        if (model == CurveModel.FiveParameterLogistic)
        {
            gradient[4] = -qe * Math.Log(q) / (e * e * r) / b;
        }

        dLnXdY = dLnRdQ * (-(a - d) / (yd * yd)) / b;
        return true;
    }
}
