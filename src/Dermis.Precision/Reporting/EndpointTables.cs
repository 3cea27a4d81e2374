using System.Globalization;
using System.Text;
using Dermis.Precision.Endpoints;
using Dermis.Precision.Responders;

namespace Dermis.Precision.Reporting;

/// <summary>
/// The endpoint results as CSV tables (RFC 4180, invariant culture, full double precision with
/// "R" round-trip formatting, empty cell = not available): <c>responders.csv</c>,
/// <c>lsmeans.csv</c>, <c>contrasts.csv</c>, <c>fixed_effects.csv</c>.
/// </summary>
public static class EndpointTables
{
    /// <summary>File names written by <see cref="WriteAll"/>, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["responders.csv", "lsmeans.csv", "contrasts.csv", "fixed_effects.csv"];

    /// <summary>Writes every table into <paramref name="directory"/> (created if needed); returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(EndpointResults results, string directory)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(directory);
        var tables = new[] { Responders(results), LeastSquaresMeans(results), Contrasts(results), FixedEffects(results) };
        var paths = new List<string>();
        for (var i = 0; i < tables.Length; i++)
        {
            var path = Path.Combine(directory, FileNames[i]);
            File.WriteAllText(path, tables[i], new UTF8Encoding(false));
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>One row per endpoint × visit × rule × arm, the comparison repeated on each arm's row.</summary>
    public static string Responders(EndpointResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder("endpoint,visit,rule,arm,responders,evaluable,rate,cmh_statistic,cmh_p,odds_ratio,odds_ratio_lower,odds_ratio_upper,risk_difference,risk_difference_lower,risk_difference_upper,risk_difference_p\r\n");
        foreach (var analysis in results.Responders)
        {
            foreach (var arm in analysis.Arms)
            {
                Row(csv, EndpointNames.Of(analysis.Endpoint), analysis.Visit, EndpointNames.Of(analysis.Rule), arm.Arm, N(arm.Responders), N(arm.Evaluable), D(arm.Rate),
                    D(analysis.Cmh?.Statistic), D(analysis.Cmh?.P), D(analysis.Cmh?.CommonOddsRatio), D(analysis.Cmh?.OddsRatioLower), D(analysis.Cmh?.OddsRatioUpper),
                    D(analysis.Difference?.Estimate), D(analysis.Difference?.Lower), D(analysis.Difference?.Upper), D(analysis.Difference?.P));
            }
        }

        return csv.ToString();
    }

    /// <summary>Least-squares means by endpoint, model (MMRM, ANCOVA), arm and visit.</summary>
    public static string LeastSquaresMeans(EndpointResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder("endpoint,model,arm,visit,estimate,standard_error,df,lower,upper\r\n");
        foreach (var endpoint in results.Continuous)
        {
            foreach (var (model, means) in new[] { ("MMRM", endpoint.Mmrm?.LeastSquaresMeans), ("ANCOVA", endpoint.Ancova?.LeastSquaresMeans) })
            {
                foreach (var m in means ?? [])
                {
                    Row(csv, endpoint.Endpoint, model, m.Arm, m.Visit, D(m.Estimate), D(m.StandardError), D(m.DegreesOfFreedom), D(m.Lower), D(m.Upper));
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>Arm contrasts (treated − reference) by endpoint, model and visit.</summary>
    public static string Contrasts(EndpointResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder("endpoint,model,arm,reference_arm,visit,estimate,standard_error,df,t,p,lower,upper\r\n");
        foreach (var endpoint in results.Continuous)
        {
            foreach (var (model, contrasts) in new[] { ("MMRM", endpoint.Mmrm?.Contrasts), ("ANCOVA", endpoint.Ancova?.Contrasts) })
            {
                foreach (var c in contrasts ?? [])
                {
                    Row(csv, endpoint.Endpoint, model, c.Arm, c.ReferenceArm, c.Visit, D(c.Estimate), D(c.StandardError), D(c.DegreesOfFreedom), D(c.T), D(c.P), D(c.Lower), D(c.Upper));
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>The fixed effects of every fitted model.</summary>
    public static string FixedEffects(EndpointResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder("endpoint,model,term,estimate,standard_error,df,t,p\r\n");
        foreach (var endpoint in results.Continuous)
        {
            foreach (var (model, effects) in new[] { ("MMRM", endpoint.Mmrm?.FixedEffects), ("ANCOVA", endpoint.Ancova?.FixedEffects) })
            {
                foreach (var f in effects ?? [])
                {
                    Row(csv, endpoint.Endpoint, model, f.Term, D(f.Estimate), D(f.StandardError), D(f.DegreesOfFreedom), D(f.T), D(f.P));
                }
            }
        }

        return csv.ToString();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Row(StringBuilder csv, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(cell);
            }
        }

        csv.Append("\r\n");
    }
}
