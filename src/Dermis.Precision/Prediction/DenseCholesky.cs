namespace Dermis.Precision.Prediction;

/// <summary>Cholesky solve for the small symmetric positive-definite systems of the Newton steps.</summary>
internal static class DenseCholesky
{
    /// <summary>Solves A·x = b for row-major symmetric positive-definite A (p × p).</summary>
    public static double[] Solve(double[] a, double[] b, int p)
    {
        var l = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i * p + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i * p + k] * l[j * p + k];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        throw new InvalidOperationException("The Newton system is not positive definite: the design is rank deficient (collinear features), or the outcome is separated by the features so that every fitted probability is 0 or 1. Remove the redundant feature or use Lambda > 0.");
                    }

                    l[i * p + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i * p + j] = sum / l[j * p + j];
                }
            }
        }

        var y = new double[p];
        for (var i = 0; i < p; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i * p + k] * y[k];
            }

            y[i] = sum / l[i * p + i];
        }

        var x = new double[p];
        for (var i = p - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < p; k++)
            {
                sum -= l[k * p + i] * x[k];
            }

            x[i] = sum / l[i * p + i];
        }

        return x;
    }
}
