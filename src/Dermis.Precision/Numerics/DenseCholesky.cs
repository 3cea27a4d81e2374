namespace Dermis.Precision.Numerics;

/// <summary>
/// In-place Cholesky factorisation and the solves built on it for the small dense symmetric matrices of the REML fit
/// (the REML fit's visits × visits and fixed effects × fixed effects, the Newton steps of the logistic and mixed models); row-major spans, lower triangle holds L.
/// </summary>
internal static class DenseCholesky
{
    /// <summary>
    /// Factors the symmetric matrix <paramref name="a"/> (n × n, lower triangle read) into L·Lᵀ in place. Returns the
    /// index of the first pivot that is not positive (relative to the original diagonal times
    /// <paramref name="relativePivot"/>), or −1 on success.
    /// </summary>
    public static int Factor(Span<double> a, int n, double relativePivot = 0)
    {
        for (var j = 0; j < n; j++)
        {
            var original = a[(j * n) + j];
            var sum = original;
            var rowJ = a.Slice(j * n, j);
            for (var k = 0; k < j; k++)
            {
                sum -= rowJ[k] * rowJ[k];
            }

            // A pivot that is tiny relative to the diagonal it came from means the column is (numerically) a combination
            // of the earlier ones: rank deficiency, not a small variance.
            if (!(sum > relativePivot * Math.Abs(original)) || !(sum > 0))
            {
                return j;
            }

            var diagonal = Math.Sqrt(sum);
            a[(j * n) + j] = diagonal;
            for (var i = j + 1; i < n; i++)
            {
                var rowI = a.Slice(i * n, j);
                var s = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= rowI[k] * rowJ[k];
                }

                a[(i * n) + j] = s / diagonal;
            }
        }

        return -1;
    }

    /// <summary>log|A| = 2·Σ log L_jj from a factor of <see cref="Factor"/>.</summary>
    public static double LogDeterminant(ReadOnlySpan<double> l, int n)
    {
        var sum = 0.0;
        for (var j = 0; j < n; j++)
        {
            sum += Math.Log(l[(j * n) + j]);
        }

        return 2 * sum;
    }

    /// <summary>Solves L·Lᵀ·x = b in place (b overwritten by x).</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= l[(i * n) + k] * b[k];
            }

            b[i] = s / l[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= l[(k * n) + i] * b[k];
            }

            b[i] = s / l[(i * n) + i];
        }
    }

    /// <summary>Writes A⁻¹ (full symmetric, n × n) from the factor L of A.</summary>
    public static void Invert(ReadOnlySpan<double> l, int n, Span<double> inverse)
    {
        Span<double> column = n <= 128 ? stackalloc double[n] : new double[n];
        for (var j = 0; j < n; j++)
        {
            column.Clear();
            column[j] = 1;
            Solve(l, n, column);
            for (var i = 0; i < n; i++)
            {
                inverse[(i * n) + j] = column[i];
            }
        }

        // Symmetrise: the two triangles differ only by rounding, and callers rely on exact symmetry.
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var mean = 0.5 * (inverse[(i * n) + j] + inverse[(j * n) + i]);
                inverse[(i * n) + j] = mean;
                inverse[(j * n) + i] = mean;
            }
        }
    }

    /// <summary>Inverse of a symmetric positive-definite matrix, or <see langword="null"/> when it is not positive definite.</summary>
    public static double[]? TryInverse(ReadOnlySpan<double> a, int n)
    {
        var work = a.ToArray();
        if (Factor(work, n) >= 0)
        {
            return null;
        }

        var inverse = new double[n * n];
        Invert(work, n, inverse);
        return inverse;
    }

    /// <summary>Solves A·x = b for the symmetric positive-definite <paramref name="a"/> (n × n, row-major); null when A is not positive definite.</summary>
    public static double[]? TrySolve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n)
    {
        var work = a.ToArray();
        if (Factor(work, n) >= 0)
        {
            return null;
        }

        var x = b.ToArray();
        Solve(work, n, x);
        return x;
    }
}
