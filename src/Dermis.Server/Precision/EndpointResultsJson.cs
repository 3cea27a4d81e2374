using System.Text.Json;
using System.Text.Json.Serialization;
using Dermis.Precision.Continuous;
using Dermis.Precision.Endpoints;
using Dermis.Precision.Prediction;
using Dermis.Precision.Reporting;

namespace Dermis.Server.Precision;

/// <summary>The JSON shapes of the statistics routes (a residual covariance as rows; endpoint and rule names as the report prints them).</summary>
public static class EndpointResultsJson
{
    /// <summary>Web casing; NaN and infinities (undefined statistics) as named literals.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The JSON shape of <paramref name="results"/>.</summary>
    public static object Of(EndpointResults results) => new
    {
        results.Study,
        results.TreatedArm,
        results.ControlArm,
        results.PrimaryVisit,
        results.Visits,
        results.Participants,
        Responders = results.Responders.Select(r => new
        {
            Endpoint = EndpointNames.Of(r.Endpoint),
            r.Visit,
            Rule = EndpointNames.Of(r.Rule),
            r.Arms,
            r.Cmh,
            r.Difference,
        }),
        Continuous = results.Continuous.Select(c => new
        {
            c.Endpoint,
            c.Unit,
            Mmrm = c.Mmrm is { } m ? Mmrm(m) : null,
            c.MmrmProblem,
            c.CovarianceNote,
            c.Ancova,
            c.AncovaProblem,
        }),
    };

    private static object Mmrm(MmrmResult m) => new
    {
        m.Covariance,
        m.DegreesOfFreedom,
        m.Subjects,
        m.Observations,
        m.Converged,
        m.Iterations,
        m.RestrictedLogLikelihood,
        ResidualCovariance = Rows(m.ResidualCovariance),
        m.FixedEffects,
        m.LeastSquaresMeans,
        m.Contrasts,
    };

    private static double[][] Rows(double[,] matrix)
    {
        var rows = new double[matrix.GetLength(0)][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[matrix.GetLength(1)];
            for (var j = 0; j < rows[i].Length; j++)
            {
                rows[i][j] = matrix[i, j];
            }
        }

        return rows;
    }
}

/// <summary>The JSON of the early-response route.</summary>
public static class EarlyResponseJson
{
    /// <summary>The JSON shape of an early-response model of <paramref name="early"/> → <paramref name="late"/>.</summary>
    public static object Of(string early, string late, CrossValidatedPrediction p) => new
    {
        Early = early,
        Late = late,
        Outcome = $"EASI-75 at {late} (non-responder imputation)",
        p.Subjects,
        p.Events,
        p.Auc,
        p.AucLower,
        p.AucUpper,
        p.CalibrationIntercept,
        p.CalibrationSlope,
        p.BrierScore,
        p.Calibration,
        p.Importance,
        OutOfFold = p.OutOfFold.Select(o => new { o.Subject, o.Predicted, o.Outcome }),
        Validation = "Method checked on simulated trials with a known truth (docs/statistics-prediction.md): the true predictors rank first and the cross-validated AUC is within 0.05 of the true model's.",
        Model = new { p.FinalModel.FeatureNames, p.FinalModel.Intercept, p.FinalModel.Coefficients, p.FinalModel.Lambda, p.FinalModel.Alpha },
    };
}
