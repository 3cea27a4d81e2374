namespace Dermis.Precision.Numerics;

/// <summary>Two-sided t p-values and quantiles (MathNet.Numerics), with the normal limit for unbounded df.</summary>
internal static class StudentT
{
    // Beyond this the t and normal distributions agree to far below the reported precision.
    private const double NormalLimit = 1e7;

    /// <summary>P(|T_df| ≥ |t|).</summary>
    public static double TwoSidedP(double t, double df) => df > NormalLimit
        ? 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(t))
        : 2 * MathNet.Numerics.Distributions.StudentT.CDF(0, 1, df, -Math.Abs(t));

    /// <summary>The (1 + level)/2 quantile of t_df, the half-width multiplier of a two-sided interval.</summary>
    public static double Critical(double level, double df) => df > NormalLimit
        ? MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 + level) / 2)
        : MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, (1 + level) / 2);
}
