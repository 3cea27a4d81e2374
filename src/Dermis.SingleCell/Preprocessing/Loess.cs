namespace Dermis.SingleCell.Preprocessing;

/// <summary>How a <see cref="Loess"/> fit is evaluated at the data points.</summary>
public enum LoessSurface
{
    /// <summary>
    /// R's default <c>surface = "interpolate"</c>: exact local fits (value and slope) at the vertices of a k-d
    /// tree over x (cells of at most <c>floor(n · span · 0.2)</c> points), cubic Hermite interpolation between
    /// them. Reproduces R's <c>loess</c> to rounding.
    /// </summary>
    Interpolate,

    /// <summary>R's <c>surface = "direct"</c>: an exact local fit at every point (slower, differs slightly from the default).</summary>
    Direct,
}

/// <summary>
/// One-predictor local polynomial regression (LOESS) as R's <c>loess(y ~ x, span, degree)</c> with the
/// Gaussian family: tricube weights over the <c>floor(n · span)</c> nearest points, weighted least squares of
/// degree 1 or 2 (Cleveland, Grosse, Shyu, "Local regression models", ch. 8 of Statistical Models in S, 1992;
/// Cleveland &amp; Devlin, JASA 83:596, 1988, doi:10.1080/01621459.1988.10478639). The k-d tree and vertex
/// interpolation follow netlib <c>dloess</c> (<c>ehg124</c>, <c>ehg126</c>, <c>ehg127</c>, <c>ehg128</c>) as shipped in R's stats package.
/// </summary>
internal static class Loess
{
    /// <summary>The fitted values at each x.</summary>
    /// <param name="x">Predictor values (any order, ties allowed).</param>
    /// <param name="y">Responses, same length.</param>
    /// <param name="span">Fraction of points in each neighbourhood, in (0, 1] (Seurat vst 0.3).</param>
    /// <param name="degree">Local polynomial degree, 1 or 2 (R default 2).</param>
    /// <param name="surface">Interpolated (R default) or direct evaluation.</param>
    /// <returns>Fitted values, one per point.</returns>
    public static double[] Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double span, int degree, LoessSurface surface)
    {
        var n = x.Length;
        if (y.Length != n)
        {
            throw new ArgumentException($"x has {n} values but y has {y.Length}.", nameof(y));
        }

        if (!(span > 0 && span <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, "span must be in (0, 1].");
        }

        if (degree is < 1 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(degree), degree, "degree must be 1 or 2.");
        }

        var neighbours = Math.Min(n, (int)Math.Floor(n * span));
        if (neighbours < degree + 2)
        {
            throw new ArgumentException($"span {span} leaves {neighbours} points per neighbourhood for {n} points; a degree-{degree} fit needs at least {degree + 2}.", nameof(span));
        }

        var order = new int[n];
        var sortedX = x.ToArray();
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(sortedX, order);
        var sortedY = new double[n];
        for (var i = 0; i < n; i++)
        {
            sortedY[i] = y[order[i]];
        }

        var context = new Context(sortedX, sortedY, neighbours, Math.Max(1.0, span), degree);
        var fitted = new double[n];
        if (surface == LoessSurface.Direct)
        {
            var xs = x.ToArray();
            Parallel.For(0, Normalization.ChunkCount(n), chunk =>
            {
                var (start, end) = Normalization.ChunkRange(chunk, n);
                for (var i = start; i < end; i++)
                {
                    fitted[i] = context.LocalFit(xs[i]).Value;
                }
            });
            return fitted;
        }

        var vertices = Vertices(sortedX, (int)Math.Floor(n * (span * 0.2)));
        var values = new double[vertices.Length];
        var slopes = new double[vertices.Length];
        Parallel.For(0, vertices.Length, v =>
        {
            var fit = context.LocalFit(vertices[v]);
            values[v] = fit.Value;
            slopes[v] = fit.Slope;
        });

        for (var i = 0; i < n; i++)
        {
            fitted[i] = Interpolate(x[i], vertices, values, slopes);
        }

        return fitted;
    }

    /// <summary>
    /// Vertices of dloess's k-d tree in one dimension (<c>ehg126</c> bounding box widened by 0.5 % of the range,
    /// <c>ehg124</c> median splits of cells holding more than <paramref name="cellPoints"/> points, ties moved off the split).
    /// </summary>
    internal static double[] Vertices(double[] sortedX, int cellPoints)
    {
        var n = sortedX.Length;
        var lo = sortedX[0];
        var hi = sortedX[n - 1];
        var margin = 0.005 * Math.Max(hi - lo, (1e-10 * Math.Max(Math.Abs(lo), Math.Abs(hi))) + 1e-30);
        var vertices = new List<double> { lo - margin, hi + margin };
        var cells = new Queue<(int L, int U, double VLow, double VHigh)>();
        cells.Enqueue((1, n, lo - margin, hi + margin));
        while (cells.Count > 0)
        {
            var (l, u, vLow, vHigh) = cells.Dequeue();
            if (u - l + 1 <= cellPoints || vHigh - vLow <= 0)
            {
                continue;
            }

            // 1-based ranks as in ehg124: m = (l + u) / 2, then the btyner 2006 tie fix searches m, m+1, m-1, m+2, …
            // for a position whose value differs from the next one.
            var m = (l + u) / 2;
            var offset = 0;
            while (m + offset < u && m + offset >= l)
            {
                if (sortedX[m + offset - 1] == sortedX[m + offset])
                {
                    offset = -offset;
                    if (offset >= 0)
                    {
                        offset++;
                    }
                }
                else
                {
                    m += offset;
                    break;
                }
            }

            var split = sortedX[m - 1];
            if (split == vLow || split == vHigh)
            {
                continue;
            }

            vertices.Add(split);
            cells.Enqueue((l, m, vLow, split));
            cells.Enqueue((m + 1, u, split, vHigh));
        }

        var result = vertices.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Cubic Hermite interpolation in the cell containing z (<c>ehg128</c>; a point on a split goes to the lower cell).</summary>
    internal static double Interpolate(double z, double[] vertices, double[] values, double[] slopes)
    {
        var k = Array.BinarySearch(vertices, z);
        int right;
        if (k >= 0)
        {
            return values[k];
        }

        right = ~k;
        right = Math.Clamp(right, 1, vertices.Length - 1);
        var left = right - 1;
        var width = vertices[right] - vertices[left];
        var h = (z - vertices[left]) / width;
        var phi0 = (1 - h) * (1 - h) * (1 + (2 * h));
        var phi1 = h * h * (3 - (2 * h));
        var psi0 = h * (1 - h) * (1 - h);
        var psi1 = h * h * (h - 1);
        return (phi0 * values[left]) + (phi1 * values[right]) + (((psi0 * slopes[left]) + (psi1 * slopes[right])) * width);
    }

    private sealed class Context(double[] sortedX, double[] sortedY, int neighbours, double spanFactor, int degree)
    {
        /// <summary>Weighted least-squares fit at q (<c>ehg127</c>): value and first derivative of the local polynomial.</summary>
        public (double Value, double Slope) LocalFit(double q)
        {
            var n = sortedX.Length;
            // The nf nearest points form a contiguous window of the sorted x; grow it from the insertion point.
            var pos = Array.BinarySearch(sortedX, q);
            if (pos < 0)
            {
                pos = ~pos;
            }

            int lo = pos, hi = pos; // window [lo, hi)
            while (hi - lo < neighbours)
            {
                if (lo == 0)
                {
                    hi++;
                }
                else if (hi == n)
                {
                    lo--;
                }
                else if (q - sortedX[lo - 1] <= sortedX[hi] - q)
                {
                    lo--;
                }
                else
                {
                    hi++;
                }
            }

            var farthest = Math.Max(q - sortedX[lo], sortedX[hi - 1] - q);
            // rho is a squared distance in dloess, enlarged by max(1, span).
            var rho = farthest * farthest * spanFactor;
            var radius = Math.Sqrt(rho);
            Span<double> m = stackalloc double[5];
            Span<double> r = stackalloc double[3];
            for (var i = lo; i < hi; i++)
            {
                var d = sortedX[i] - q;
                var u = Math.Sqrt(d * d / rho);
                var t = 1 - (u * u * u);
                var w = t * t * t;
                if (w <= 0)
                {
                    continue;
                }

                var s = d / radius;
                var ws = w * s;
                var ws2 = ws * s;
                m[0] += w;
                m[1] += ws;
                m[2] += ws2;
                m[3] += ws2 * s;
                m[4] += ws2 * s * s;
                var yi = sortedY[i];
                r[0] += w * yi;
                r[1] += ws * yi;
                r[2] += ws2 * yi;
            }

            var k = degree + 1;
            Span<double> a = stackalloc double[9];
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    a[(i * 3) + j] = m[i + j];
                }
            }

            Span<double> beta = stackalloc double[3];
            SolveSymmetric(a, r, beta, k);
            return (beta[0], beta[1] / radius);
        }

        /// <summary>Solves the k × k normal equations by Gaussian elimination with partial pivoting; near-singular directions get 0 (pseudo-inverse-like, as dloess's SVD cut at 100 ε).</summary>
        private static void SolveSymmetric(Span<double> a, Span<double> b, Span<double> x, int k)
        {
            Span<int> perm = stackalloc int[3];
            for (var i = 0; i < k; i++)
            {
                perm[i] = i;
            }

            var scale = 0.0;
            for (var i = 0; i < k; i++)
            {
                scale = Math.Max(scale, Math.Abs(a[(i * 3) + i]));
            }

            Span<bool> dead = stackalloc bool[3];
            for (var col = 0; col < k; col++)
            {
                var pivot = col;
                for (var i = col + 1; i < k; i++)
                {
                    if (Math.Abs(a[(i * 3) + col]) > Math.Abs(a[(pivot * 3) + col]))
                    {
                        pivot = i;
                    }
                }

                if (pivot != col)
                {
                    for (var j = 0; j < k; j++)
                    {
                        (a[(col * 3) + j], a[(pivot * 3) + j]) = (a[(pivot * 3) + j], a[(col * 3) + j]);
                    }

                    (b[col], b[pivot]) = (b[pivot], b[col]);
                }

                var p = a[(col * 3) + col];
                if (Math.Abs(p) <= scale * 1e-13)
                {
                    dead[col] = true;
                    continue;
                }

                for (var i = col + 1; i < k; i++)
                {
                    var f = a[(i * 3) + col] / p;
                    for (var j = col; j < k; j++)
                    {
                        a[(i * 3) + j] -= f * a[(col * 3) + j];
                    }

                    b[i] -= f * b[col];
                }
            }

            for (var i = k - 1; i >= 0; i--)
            {
                if (dead[i])
                {
                    x[i] = 0;
                    continue;
                }

                var s = b[i];
                for (var j = i + 1; j < k; j++)
                {
                    s -= a[(i * 3) + j] * x[j];
                }

                x[i] = s / a[(i * 3) + i];
            }
        }
    }
}
