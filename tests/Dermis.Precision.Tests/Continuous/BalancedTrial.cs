using Dermis.Precision.Continuous;

namespace Dermis.Precision.Tests.Continuous;

/// <summary>Seeded complete, balanced two-arm data (no strata) for the exact-df checks, and OLS helpers to hand-compute them.</summary>
internal static class BalancedTrial
{
    public static List<ContinuousObservation> Create(int perArm, int visits, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var rows = new List<ContinuousObservation>();
        for (var s = 0; s < 2 * perArm; s++)
        {
            var arm = s % 2 == 0 ? "Control" : "Active";
            var baseline = 25 + (5 * Normal());
            var subjectEffect = 3 * Normal();
            for (var v = 0; v < visits; v++)
            {
                var mean = -2 - v - (arm == "Active" ? 1.5 * v : 0) - (0.2 * baseline);
                rows.Add(new ContinuousObservation($"P{s:D3}", arm, $"V{v + 1}", baseline, mean + subjectEffect + (2 * Normal()) + (0.3 * v * Normal()), []));
            }
        }

        return rows;
    }

    /// <summary>OLS of y on the columns of x: residual sum of squares and (XᵀX)⁻¹.</summary>
    public static (double Rss, double[,] Inverse) Ols(double[][] x, double[] y)
    {
        var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(x);
        var vector = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(y);
        var beta = matrix.QR().Solve(vector);
        var residual = vector - (matrix * beta);
        return (residual.DotProduct(residual), (matrix.TransposeThisAndMultiply(matrix)).Inverse().ToArray());
    }
}
