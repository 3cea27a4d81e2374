using System.Numerics.Tensors;

namespace Dermis.SingleCell.Decomposition;

/// <summary>
/// Truncated SVD of a dense row-major float matrix by randomised subspace iteration with re-orthonormalisation
/// at every step and a final Rayleigh–Ritz projection (Halko, Martinsson, Tropp, SIAM Rev 53:217, 2011,
/// doi:10.1137/090771806, Algorithms 4.4 and 5.1). Products run in float through <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>,
/// orthonormalisation and the small eigenproblem in double. Deterministic for a seed, whatever the thread count.
/// </summary>
internal static class RandomizedSvd
{
    public sealed record Result(double[] SingularValues, double[] Left, double[] Right);

    /// <summary>Top <paramref name="k"/> singular triplets of the n × p matrix <paramref name="a"/>.</summary>
    /// <returns>Singular values (descending), left vectors (k × n, one row per component), right vectors (k × p).</returns>
    public static Result Compute(float[] a, int n, int p, int k, int oversampling, int iterations, int seed)
    {
        var l = Math.Min(Math.Min(n, p), k + oversampling);
        var at = Transpose(a, n, p);
        var random = new Random(seed);
        var omega = new float[l * p];
        for (var i = 0; i < omega.Length; i++)
        {
            omega[i] = (float)Gaussian(random);
        }

        var y = new float[l * n];
        var z = new float[l * p];
        Multiply(a, n, p, omega, l, y);
        var q = Orthonormalize(y, l, n);
        for (var it = 0; it < iterations; it++)
        {
            Multiply(at, p, n, q, l, z);
            var qz = Orthonormalize(z, l, p);
            Multiply(a, n, p, qz, l, y);
            q = Orthonormalize(y, l, n);
        }

        // B = Qᵀ A (l × p), row j = A ᵀ q_j; then the eigenvectors W of B Bᵀ give U = Q W, σ = sqrt(λ), V = Bᵀ W / σ.
        var b = new float[l * p];
        Multiply(at, p, n, q, l, b);
        var gram = new double[l * l];
        for (var i = 0; i < l; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                gram[(i * l) + j] = gram[(j * l) + i] = DotDouble(b.AsSpan(i * p, p), b.AsSpan(j * p, p));
            }
        }

        var (eigenvalues, vectors) = JacobiEigen.Decompose(gram, l);
        var singular = new double[k];
        var left = new double[k * n];
        var right = new double[k * p];
        for (var c = 0; c < k; c++)
        {
            var sigma = Math.Sqrt(Math.Max(0, eigenvalues[c]));
            singular[c] = sigma;
            var u = left.AsSpan(c * n, n);
            var v = right.AsSpan(c * p, p);
            for (var j = 0; j < l; j++)
            {
                var w = vectors[(j * l) + c];
                var qRow = q.AsSpan(j * n, n);
                var bRow = b.AsSpan(j * p, p);
                for (var i = 0; i < n; i++)
                {
                    u[i] += w * qRow[i];
                }

                for (var g = 0; g < p; g++)
                {
                    v[g] += w * bRow[g];
                }
            }

            if (sigma > 0)
            {
                TensorPrimitives.Multiply(v, 1.0 / sigma, v);
            }
        }

        return new Result(singular, left, right);
    }

    /// <summary>Out[j, i] = dot(M row i, V row j) for the m × d matrix M and the c × d rows V; rows of M in parallel chunks.</summary>
    private static void Multiply(float[] m, int rows, int d, float[] v, int c, float[] output)
    {
        Parallel.For(0, Preprocessing.Normalization.ChunkCount(rows), chunk =>
        {
            var (start, end) = Preprocessing.Normalization.ChunkRange(chunk, rows);
            for (var i = start; i < end; i++)
            {
                var row = m.AsSpan(i * d, d);
                for (var j = 0; j < c; j++)
                {
                    output[(j * rows) + i] = TensorPrimitives.Dot(row, v.AsSpan(j * d, d));
                }
            }
        });
    }

    /// <summary>Modified Gram–Schmidt, twice ("twice is enough", Giraud et al. 2005), on c vectors of length len stored as rows; returns float rows.</summary>
    private static float[] Orthonormalize(float[] rows, int c, int len)
    {
        var q = new double[c * len];
        for (var i = 0; i < q.Length; i++)
        {
            q[i] = rows[i];
        }

        for (var pass = 0; pass < 2; pass++)
        {
            for (var j = 0; j < c; j++)
            {
                var vj = q.AsSpan(j * len, len);
                for (var i = 0; i < j; i++)
                {
                    var vi = q.AsSpan(i * len, len);
                    var proj = TensorPrimitives.Dot<double>(vi, vj);
                    TensorPrimitives.MultiplyAdd(vi, -proj, vj, vj);
                }

                var norm = Math.Sqrt(TensorPrimitives.Dot<double>(vj, vj));
                if (norm > 0)
                {
                    TensorPrimitives.Multiply(vj, 1.0 / norm, vj);
                }
            }
        }

        var result = new float[q.Length];
        for (var i = 0; i < q.Length; i++)
        {
            result[i] = (float)q[i];
        }

        return result;
    }

    private static double DotDouble(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double s = 0;
        for (var i = 0; i < x.Length; i++)
        {
            s += (double)x[i] * y[i];
        }

        return s;
    }

    private static float[] Transpose(float[] a, int n, int p)
    {
        var t = new float[a.Length];
        const int Block = 64;
        Parallel.For(0, (p + Block - 1) / Block, bj =>
        {
            var j0 = bj * Block;
            var j1 = Math.Min(p, j0 + Block);
            for (var i = 0; i < n; i++)
            {
                var rowOffset = i * p;
                for (var j = j0; j < j1; j++)
                {
                    t[(j * n) + i] = a[rowOffset + j];
                }
            }
        });
        return t;
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller; one variate per call keeps the stream simple and seed-reproducible.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
