namespace Dermis.SingleCell.Decomposition;

/// <summary>
/// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (Golub &amp; Van Loan, Matrix
/// Computations, 4th ed., §8.5), accurate to a few ulps; eigenvalues returned in descending order.
/// </summary>
internal static class JacobiEigen
{
    /// <summary>Decomposes the m × m symmetric row-major <paramref name="matrix"/> (overwritten).</summary>
    /// <returns>Eigenvalues descending and the eigenvectors as columns of an m × m row-major matrix.</returns>
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int m)
    {
        var a = matrix;
        var v = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            v[(i * m) + i] = 1;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, diag = 0;
            for (var i = 0; i < m; i++)
            {
                diag += a[(i * m) + i] * a[(i * m) + i];
                for (var j = i + 1; j < m; j++)
                {
                    off += a[(i * m) + j] * a[(i * m) + j];
                }
            }

            if (off <= 1e-30 * diag)
            {
                break;
            }

            for (var p = 0; p < m - 1; p++)
            {
                for (var q = p + 1; q < m; q++)
                {
                    var apq = a[(p * m) + q];
                    if (apq == 0)
                    {
                        continue;
                    }

                    var app = a[(p * m) + p];
                    var aqq = a[(q * m) + q];
                    var theta = (aqq - app) / (2 * apq);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var k = 0; k < m; k++)
                    {
                        var akp = a[(k * m) + p];
                        var akq = a[(k * m) + q];
                        a[(k * m) + p] = (c * akp) - (s * akq);
                        a[(k * m) + q] = (s * akp) + (c * akq);
                    }

                    for (var k = 0; k < m; k++)
                    {
                        var apk = a[(p * m) + k];
                        var aqk = a[(q * m) + k];
                        a[(p * m) + k] = (c * apk) - (s * aqk);
                        a[(q * m) + k] = (s * apk) + (c * aqk);
                    }

                    for (var k = 0; k < m; k++)
                    {
                        var vkp = v[(k * m) + p];
                        var vkq = v[(k * m) + q];
                        v[(k * m) + p] = (c * vkp) - (s * vkq);
                        v[(k * m) + q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }

        var order = new int[m];
        var values = new double[m];
        for (var i = 0; i < m; i++)
        {
            order[i] = i;
            values[i] = a[(i * m) + i];
        }

        Array.Sort(order, (x, y) => values[y].CompareTo(values[x]));
        var sortedValues = new double[m];
        var sortedVectors = new double[m * m];
        for (var c = 0; c < m; c++)
        {
            sortedValues[c] = values[order[c]];
            for (var r = 0; r < m; r++)
            {
                sortedVectors[(r * m) + c] = v[(r * m) + order[c]];
            }
        }

        return (sortedValues, sortedVectors);
    }
}
