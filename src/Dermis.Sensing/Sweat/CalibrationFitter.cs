using System.Globalization;

namespace Dermis.Sensing.Sweat;

/// <summary>
/// Fits a calibration curve to a lot's standards by weighted Levenberg–Marquardt least squares (docs/sweat.md §Fitting):
/// 4PL, 5PL or log-linear, with parameter standard errors from s²·(JᵀWJ)⁻¹, R², residuals, back-calculated standards,
/// blank-based LOD/LOQ and the calibrated range. Reproduces the SciPy <c>curve_fit</c> reference fits of biomarkers.md §2.6.
/// </summary>
public static partial class CalibrationFitter
{
    /// <summary>Fits the standards and returns the curve, or throws when the data give none.</summary>
    /// <param name="standards">The standards, replicates as separate rows, blanks at concentration 0.</param>
    /// <param name="model">The curve model.</param>
    /// <param name="weighting">The fit weighting; default none (ordinary least squares).</param>
    /// <param name="options">Blank handling and unit; default <see cref="CalibrationFitOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">A concentration is negative or not finite, a response is not finite, or there are too few standards or distinct concentrations for the model.</exception>
    /// <exception cref="CalibrationFailedException">The response is flat, or the fit did not converge; <see cref="CalibrationFailedException.Failure"/> says why.</exception>
    public static CalibrationCurve Fit(IReadOnlyList<CalibrationStandard> standards, CurveModel model, CurveWeighting weighting = CurveWeighting.None, CalibrationFitOptions? options = null)
    {
        var result = Attempt(standards, model, weighting, options);
        return result.Curve ?? throw new CalibrationFailedException(result.Failure!);
    }

    /// <summary>Fits the standards and returns either the curve or a typed failure (flat response, no convergence).</summary>
    /// <param name="standards">The standards, replicates as separate rows, blanks at concentration 0.</param>
    /// <param name="model">The curve model.</param>
    /// <param name="weighting">The fit weighting; default none.</param>
    /// <param name="options">Blank handling and unit; default <see cref="CalibrationFitOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Invalid standards, as for <see cref="Fit"/>.</exception>
    public static CalibrationFitResult Attempt(IReadOnlyList<CalibrationStandard> standards, CurveModel model, CurveWeighting weighting = CurveWeighting.None, CalibrationFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(standards);
        options ??= CalibrationFitOptions.Default;
        var k = CurveFunctions.ParameterCount(model);
        if (!Enum.IsDefined(weighting))
        {
            throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "Allowed: None, OneOverY, OneOverY2.");
        }

        Validate(standards);
        var includeBlanks = model != CurveModel.LogLinear && options.IncludeBlanksInFit;
        var fitted = new List<CalibrationStandard>(standards.Count);
        foreach (var s in standards)
        {
            if (s.Concentration > 0 || includeBlanks)
            {
                fitted.Add(s);
            }
        }

        var levels = Levels(standards);
        var fittedLevels = Levels(fitted);
        if (fittedLevels.Count < k || fitted.Count <= k)
        {
            throw new ArgumentException(
                $"A {model} fit needs at least {k} distinct concentrations and more than {k} standards (for a residual SD); got {fittedLevels.Count} concentrations in {fitted.Count} fitted standards{(includeBlanks ? "" : " (blanks excluded)")}.",
                nameof(standards));
        }

        var flat = FlatResponse(standards, levels);
        if (flat is not null)
        {
            return new CalibrationFitResult(null, flat);
        }

        var n = fitted.Count;
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            (x[i], y[i]) = (fitted[i].Concentration, fitted[i].Response);
        }

        var w = Weights(y, weighting);
        var best = default(LevenbergMarquardt.Outcome);
        var found = false;
        foreach (var start in Starts(model, x, y, w, fittedLevels))
        {
            var outcome = LevenbergMarquardt.Minimise(model, x, y, w, start);
            if (outcome.Converged && (!found || outcome.WeightedSse < best.WeightedSse))
            {
                (best, found) = (outcome, true);
            }
        }

        if (!found)
        {
            return new CalibrationFitResult(null, new CalibrationFailure(CalibrationFailureKind.DidNotConverge,
                $"The {model} fit did not converge within {LevenbergMarquardt.MaxIterations} Levenberg–Marquardt iterations from any start; check the standards for outliers or try another model."));
        }

        var p = best.Parameters;
        if (model == CurveModel.FourParameterLogistic && p[1] < 0)
        {
            // The 4PL with (A, B, D) is identical to the one with (D, −B, A); keep B > 0 so A is the response at zero.
            (p[0], p[1], p[3]) = (p[3], -p[1], p[0]);
        }

        var lowest = LowestPositive(levels);
        var directionSign = Math.Sign(CurveFunctions.Response(model, p, levels[^1].Concentration) - CurveFunctions.Response(model, p, lowest));
        if (directionSign == 0)
        {
            return new CalibrationFitResult(null, new CalibrationFailure(CalibrationFailureKind.NoDirection,
                "The fitted curve has the same response at the lowest and highest standard, so no concentration can be read from it."));
        }

        return new CalibrationFitResult(Assemble(standards, model, weighting, options, includeBlanks, (x, y, w), best with { Parameters = p }, levels, directionSign), null);
    }

    private static void Validate(IReadOnlyList<CalibrationStandard> standards)
    {
        for (var i = 0; i < standards.Count; i++)
        {
            var s = standards[i] ?? throw new ArgumentException($"Standard {i} is null.", nameof(standards));
            if (!double.IsFinite(s.Concentration) || s.Concentration < 0)
            {
                throw new ArgumentException($"Standard {i} has concentration {s.Concentration.ToString(CultureInfo.InvariantCulture)}; allowed: a finite number ≥ 0 (0 for a blank).", nameof(standards));
            }

            if (!double.IsFinite(s.Response))
            {
                throw new ArgumentException($"Standard {i} (concentration {s.Concentration.ToString(CultureInfo.InvariantCulture)}) has response {s.Response.ToString(CultureInfo.InvariantCulture)}; allowed: a finite number. Leave failed wells out.", nameof(standards));
            }
        }
    }

    /// <summary>Mean response per distinct concentration, ascending.</summary>
    internal static List<(double Concentration, double Mean, int Count, double SumSquares)> Levels(IReadOnlyList<CalibrationStandard> standards)
    {
        var byConcentration = new SortedDictionary<double, (double Sum, int Count)>();
        foreach (var s in standards)
        {
            byConcentration.TryGetValue(s.Concentration, out var acc);
            byConcentration[s.Concentration] = (acc.Sum + s.Response, acc.Count + 1);
        }

        var levels = new List<(double, double, int, double)>(byConcentration.Count);
        foreach (var (c, acc) in byConcentration)
        {
            var mean = acc.Sum / acc.Count;
            var ss = 0.0;
            foreach (var s in standards)
            {
                if (s.Concentration == c)
                {
                    ss += (s.Response - mean) * (s.Response - mean);
                }
            }

            levels.Add((c, mean, acc.Count, ss));
        }

        return levels;
    }

    /// <summary>
    /// Refuses standards whose level means span less than 3 noise SDs: the blank SD with ≥ 2 blanks, else the pooled
    /// within-level SD of the replicates, else (no replicates at all) only an exactly constant response.
    /// </summary>
    private static CalibrationFailure? FlatResponse(IReadOnlyList<CalibrationStandard> standards, List<(double Concentration, double Mean, int Count, double SumSquares)> levels)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity, pooledSs = 0;
        var pooledDf = 0;
        foreach (var level in levels)
        {
            min = Math.Min(min, level.Mean);
            max = Math.Max(max, level.Mean);
            pooledSs += level.SumSquares;
            pooledDf += level.Count - 1;
        }

        var range = max - min;
        var blank = levels[0].Concentration == 0 && levels[0].Count >= 2 ? levels[0] : default;
        string noiseName;
        double noise;
        if (blank.Count >= 2)
        {
            (noiseName, noise) = ("blank SD", Math.Sqrt(blank.SumSquares / (blank.Count - 1)));
        }
        else if (pooledDf > 0)
        {
            (noiseName, noise) = ("pooled replicate SD", Math.Sqrt(pooledSs / pooledDf));
        }
        else
        {
            (noiseName, noise) = ("noise", 0);
        }

        if (range > 3 * noise && range > 1e-12 * Math.Max(Math.Abs(max), Math.Abs(min)))
        {
            return null;
        }

        return new CalibrationFailure(CalibrationFailureKind.FlatResponse, string.Create(CultureInfo.InvariantCulture,
            $"The response does not change with concentration (range of means {range:G3} ≤ 3 × {noiseName} {noise:G3}) across {standards.Count} standards; check the lot or the reader."));
    }

    private static double[] Weights(double[] y, CurveWeighting weighting)
    {
        var w = new double[y.Length];
        var maxAbs = 0.0;
        foreach (var v in y)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs(v));
        }

        // Floor |y| at 1 % of the largest response so that blanks near zero do not take all the weight (docs/sweat.md).
        var floor = 0.01 * maxAbs;
        for (var i = 0; i < y.Length; i++)
        {
            var a = Math.Max(Math.Abs(y[i]), floor);
            w[i] = weighting switch
            {
                CurveWeighting.OneOverY => 1 / a,
                CurveWeighting.OneOverY2 => 1 / (a * a),
                _ => 1,
            };
        }

        return w;
    }

    /// <summary>The weight a new reading of response y gets under the fit's weighting (the variance model for the interval).</summary>
    internal static double WeightAt(double response, CurveWeighting weighting, double floor)
    {
        var a = Math.Max(Math.Abs(response), floor);
        return weighting switch
        {
            CurveWeighting.OneOverY => 1 / a,
            CurveWeighting.OneOverY2 => 1 / (a * a),
            _ => 1,
        };
    }
}
