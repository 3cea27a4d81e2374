namespace Dermis.Sensing.Sweat;

/// <summary>Dense symmetric positive-definite algebra for the ≤ 5 × 5 normal equations of the calibration fit (row-major spans).</summary>
internal static class SmallMatrix
{
    /// <summary>In-place Cholesky factor L (lower triangle) of the k × k matrix; false when it is not positive definite.</summary>
    public static bool Cholesky(Span<double> m, int k)
    {
        for (var j = 0; j < k; j++)
        {
            var sum = m[(j * k) + j];
            for (var s = 0; s < j; s++)
            {
                sum -= m[(j * k) + s] * m[(j * k) + s];
            }

            if (!(sum > 0) || !double.IsFinite(sum))
            {
                return false;
            }

            var ljj = Math.Sqrt(sum);
            m[(j * k) + j] = ljj;
            for (var i = j + 1; i < k; i++)
            {
                var v = m[(i * k) + j];
                for (var s = 0; s < j; s++)
                {
                    v -= m[(i * k) + s] * m[(j * k) + s];
                }

                m[(i * k) + j] = v / ljj;
            }
        }

        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place of b, with L from <see cref="Cholesky"/>.</summary>
    public static void CholeskySolve(ReadOnlySpan<double> l, int k, Span<double> b)
    {
        for (var i = 0; i < k; i++)
        {
            var v = b[i];
            for (var s = 0; s < i; s++)
            {
                v -= l[(i * k) + s] * b[s];
            }

            b[i] = v / l[(i * k) + i];
        }

        for (var i = k - 1; i >= 0; i--)
        {
            var v = b[i];
            for (var s = i + 1; s < k; s++)
            {
                v -= l[(s * k) + i] * b[s];
            }

            b[i] = v / l[(i * k) + i];
        }
    }

    /// <summary>
    /// The inverse of a symmetric positive-definite k × k matrix after equilibration (scaling rows and columns to a
    /// unit diagonal, which keeps parameters on scales 1e-4 to 1e8 apart solvable); false when it is singular.
    /// </summary>
    public static bool TryInvert(ReadOnlySpan<double> matrix, int k, Span<double> inverse)
    {
        Span<double> scale = stackalloc double[k];
        Span<double> l = stackalloc double[k * k];
        for (var i = 0; i < k; i++)
        {
            var dii = matrix[(i * k) + i];
            if (!(dii > 0))
            {
                return false;
            }

            scale[i] = 1 / Math.Sqrt(dii);
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                l[(i * k) + j] = matrix[(i * k) + j] * scale[i] * scale[j];
            }
        }

        // A condition number beyond ~1e14 leaves no correct digit in double precision: treat it as singular.
        if (!Cholesky(l, k) || MinDiagonalRatio(l, k) < 1e-7)
        {
            return false;
        }

        Span<double> column = stackalloc double[k];
        for (var j = 0; j < k; j++)
        {
            column.Clear();
            column[j] = 1;
            CholeskySolve(l, k, column);
            for (var i = 0; i < k; i++)
            {
                inverse[(i * k) + j] = column[i] * scale[i] * scale[j];
            }
        }

        return true;
    }

    private static double MinDiagonalRatio(ReadOnlySpan<double> l, int k)
    {
        double min = double.PositiveInfinity, max = 0;
        for (var i = 0; i < k; i++)
        {
            var v = l[(i * k) + i];
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return min / max;
    }
}
