using Dermis.SingleCell.Neighbors;

namespace Dermis.SingleCell.Embedding;

/// <summary>
/// Spectral initialisation for UMAP (umap-learn <c>spectral_layout</c>; Belkin &amp; Niyogi 2003,
/// doi:10.1162/089976603321780317): the eigenvectors of the symmetric normalised Laplacian I − D^−½ W D^−½ with the
/// smallest non-zero eigenvalues. Computed by block subspace iteration with Rayleigh–Ritz on (I + D^−½ W D^−½)/2,
/// deflating the known trivial eigenvector D^½·1; sparse products run in parallel over fixed row chunks, so the
/// result does not depend on the thread count.
/// </summary>
internal static class SpectralLayout
{
    private const int ChunkRows = 1024;
    private const int MaxIterations = 300;

    /// <summary>Number of connected components (edges of any positive weight).</summary>
    public static int Components(CellGraph graph)
    {
        var n = graph.NodeCount;
        var label = new int[n];
        Array.Fill(label, -1);
        var stack = new Stack<int>();
        var count = 0;
        for (var s = 0; s < n; s++)
        {
            if (label[s] >= 0)
            {
                continue;
            }

            label[s] = count;
            stack.Push(s);
            while (stack.Count > 0)
            {
                var v = stack.Pop();
                foreach (var u in graph.ColumnsOf(v))
                {
                    if (label[u] < 0)
                    {
                        label[u] = count;
                        stack.Push(u);
                    }
                }
            }

            count++;
        }

        return count;
    }

    /// <summary>Writes n × dims eigenvector coordinates (row-major) into <paramref name="output"/>.</summary>
    public static void Compute(CellGraph graph, int dims, ref SplitMix64 rng, Span<double> output)
    {
        var n = graph.NodeCount;
        var p = Math.Min(n - 1, dims + 4);
        var invSqrtDegree = new double[n];
        var trivial = new double[n];
        var norm = 0.0;
        for (var i = 0; i < n; i++)
        {
            var degree = 0.0;
            foreach (var w in graph.WeightsOf(i))
            {
                degree += w;
            }

            invSqrtDegree[i] = degree > 0 ? 1 / Math.Sqrt(degree) : 0;
            trivial[i] = Math.Sqrt(degree);
            norm += degree;
        }

        norm = Math.Sqrt(norm);
        for (var i = 0; i < n; i++)
        {
            trivial[i] /= norm;
        }

        // Column-major blocks: vector c occupies [c·n, (c+1)·n).
        var x = new double[n * p];
        var y = new double[n * p];
        for (var e = 0; e < x.Length; e++)
        {
            x[e] = rng.NextGaussian();
        }

        Orthonormalise(x, n, p, trivial);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Apply(graph, invSqrtDegree, x, y, n, p);
            (x, y) = (y, x);
            Orthonormalise(x, n, p, trivial);
        }

        // Rayleigh–Ritz: eigenvectors of the small p × p projection order the block by eigenvalue.
        Apply(graph, invSqrtDegree, x, y, n, p);
        var h = new double[p * p];
        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < p; b++)
            {
                h[(a * p) + b] = Dot(x.AsSpan(a * n, n), y.AsSpan(b * n, n));
            }
        }

        var (values, vectors) = Jacobi(h, p);
        var order = new int[p];
        for (var c = 0; c < p; c++)
        {
            order[c] = c;
        }

        var keys = (double[])values.Clone();
        for (var c = 0; c < p; c++)
        {
            keys[c] = -keys[c];
        }

        Array.Sort(keys, order);
        for (var d = 0; d < dims; d++)
        {
            var column = order[d];
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var a = 0; a < p; a++)
                {
                    sum += x[(a * n) + i] * vectors[(a * p) + column];
                }

                output[(i * dims) + d] = sum;
            }
        }
    }

    /// <summary>y = ½ (x + D^−½ W D^−½ x) for every block column.</summary>
    private static void Apply(CellGraph graph, double[] invSqrtDegree, double[] x, double[] y, int n, int p)
    {
        var chunks = (n + ChunkRows - 1) / ChunkRows;
        Parallel.For(0, chunks, chunk =>
        {
            var rows = graph.RowPointers;
            var cols = graph.Columns;
            var weights = graph.Weights;
            var end = Math.Min(n, (chunk + 1) * ChunkRows);
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                for (var c = 0; c < p; c++)
                {
                    var block = c * n;
                    var sum = 0.0;
                    for (var e = rows[i]; e < rows[i + 1]; e++)
                    {
                        var j = cols[e];
                        sum += weights[e] * invSqrtDegree[j] * x[block + j];
                    }

                    y[block + i] = 0.5 * (x[block + i] + (invSqrtDegree[i] * sum));
                }
            }
        });
    }

    /// <summary>Modified Gram–Schmidt of the block columns against the trivial vector and each other.</summary>
    private static void Orthonormalise(double[] x, int n, int p, double[] trivial)
    {
        for (var c = 0; c < p; c++)
        {
            var column = x.AsSpan(c * n, n);
            for (var pass = 0; pass < 2; pass++)
            {
                Subtract(column, trivial, Dot(column, trivial));
                for (var b = 0; b < c; b++)
                {
                    var other = x.AsSpan(b * n, n);
                    Subtract(column, other, Dot(column, other));
                }
            }

            var length = Math.Sqrt(Dot(column, column));
            if (length > 0)
            {
                foreach (ref var v in column)
                {
                    v /= length;
                }
            }
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static void Subtract(Span<double> target, ReadOnlySpan<double> basis, double amount)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] -= amount * basis[i];
        }
    }

    /// <summary>Cyclic Jacobi eigen-decomposition of a small symmetric matrix; vectors are columns of a row-major p × p.</summary>
    private static (double[] Values, double[] Vectors) Jacobi(double[] matrix, int p)
    {
        var a = (double[])matrix.Clone();
        for (var i = 0; i < p; i++)
        {
            for (var j = i + 1; j < p; j++)
            {
                var mean = 0.5 * (a[(i * p) + j] + a[(j * p) + i]);
                a[(i * p) + j] = mean;
                a[(j * p) + i] = mean;
            }
        }

        var v = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            v[(i * p) + i] = 1;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            for (var i = 0; i < p; i++)
            {
                for (var j = i + 1; j < p; j++)
                {
                    off += a[(i * p) + j] * a[(i * p) + j];
                }
            }

            if (off < 1e-30)
            {
                break;
            }

            for (var i = 0; i < p; i++)
            {
                for (var j = i + 1; j < p; j++)
                {
                    var aij = a[(i * p) + j];
                    if (Math.Abs(aij) < 1e-300)
                    {
                        continue;
                    }

                    var theta = (a[(j * p) + j] - a[(i * p) + i]) / (2 * aij);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var k = 0; k < p; k++)
                    {
                        var aki = a[(k * p) + i];
                        var akj = a[(k * p) + j];
                        a[(k * p) + i] = (c * aki) - (s * akj);
                        a[(k * p) + j] = (s * aki) + (c * akj);
                    }

                    for (var k = 0; k < p; k++)
                    {
                        var aik = a[(i * p) + k];
                        var ajk = a[(j * p) + k];
                        a[(i * p) + k] = (c * aik) - (s * ajk);
                        a[(j * p) + k] = (s * aik) + (c * ajk);
                    }

                    for (var k = 0; k < p; k++)
                    {
                        var vki = v[(k * p) + i];
                        var vkj = v[(k * p) + j];
                        v[(k * p) + i] = (c * vki) - (s * vkj);
                        v[(k * p) + j] = (s * vki) + (c * vkj);
                    }
                }
            }
        }

        var values = new double[p];
        for (var i = 0; i < p; i++)
        {
            values[i] = a[(i * p) + i];
        }

        return (values, v);
    }
}
