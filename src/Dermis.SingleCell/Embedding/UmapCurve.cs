namespace Dermis.SingleCell.Embedding;

/// <summary>
/// The low-dimensional similarity curve of UMAP, 1 / (1 + a·d^(2b)) (McInnes, Healy &amp; Melville 2018,
/// arXiv:1802.03426, §3.2 and Appendix C; umap-learn <c>find_ab_params</c>).
/// </summary>
public static class UmapCurve
{
    private const int Points = 300;

    /// <summary>
    /// Fits a and b by least squares to the offset exponential 1 for d &lt; min_dist, exp(−(d − min_dist)/spread)
    /// otherwise, on 300 equally spaced d in [0, 3·spread], starting from a = b = 1 with Levenberg–Marquardt, as
    /// umap-learn does with <c>scipy.optimize.curve_fit</c>. Seurat's and Scanpy's defaults give:
    /// min_dist 0.3, spread 1 → a = 0.99218, b = 1.11225 (Seurat, uwot); min_dist 0.5 → a = 0.58303, b = 1.33417 (Scanpy);
    /// min_dist 0.1 → a = 1.57694, b = 0.89506 (umap-learn).
    /// </summary>
    /// <param name="minDist">Effective minimum distance of embedded points, in [0, spread).</param>
    /// <param name="spread">Effective scale of embedded points, &gt; 0.</param>
    /// <returns>The fitted (A, B).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public static (double A, double B) Fit(double minDist, double spread)
    {
        if (!(spread > 0) || double.IsInfinity(spread))
        {
            throw new ArgumentOutOfRangeException(nameof(spread), spread, "spread must be finite and > 0 (default 1).");
        }

        if (!(minDist >= 0 && minDist < spread))
        {
            throw new ArgumentOutOfRangeException(nameof(minDist), minDist, $"minDist must be in [0, spread = {spread}) (Seurat 0.3, Scanpy 0.5).");
        }

        var x = new double[Points];
        var y = new double[Points];
        for (var i = 0; i < Points; i++)
        {
            // numpy.linspace(0, 3 * spread, 300)
            x[i] = 3 * spread * i / (Points - 1);
            y[i] = x[i] < minDist ? 1.0 : Math.Exp(-(x[i] - minDist) / spread);
        }

        double a = 1, b = 1, lambda = 1e-3;
        var cost = Cost(x, y, a, b);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            // Normal equations JᵀJ δ = −Jᵀr for the two parameters, damped (Marquardt 1963, doi:10.1137/0111030).
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (var i = 0; i < Points; i++)
            {
                if (x[i] == 0)
                {
                    continue;
                }

                var u = Math.Pow(x[i], 2 * b);
                var denominator = 1 + (a * u);
                var f = 1 / denominator;
                var r = f - y[i];
                var da = -u / (denominator * denominator);
                var db = -a * u * 2 * Math.Log(x[i]) / (denominator * denominator);
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }

            var improved = false;
            for (var attempt = 0; attempt < 30 && !improved; attempt++)
            {
                var maa = jaa * (1 + lambda);
                var mbb = jbb * (1 + lambda);
                var det = (maa * mbb) - (jab * jab);
                var stepA = -((mbb * ga) - (jab * gb)) / det;
                var stepB = -((maa * gb) - (jab * ga)) / det;
                var candidate = Cost(x, y, a + stepA, b + stepB);
                if (candidate < cost)
                {
                    var converged = Math.Abs(stepA) < 1e-12 * (1 + Math.Abs(a)) && Math.Abs(stepB) < 1e-12 * (1 + Math.Abs(b));
                    a += stepA;
                    b += stepB;
                    var relative = (cost - candidate) / cost;
                    cost = candidate;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = true;
                    if (converged || relative < 1e-15)
                    {
                        return (a, b);
                    }
                }
                else
                {
                    lambda *= 10;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return (a, b);
    }

    private static double Cost(double[] x, double[] y, double a, double b)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var r = (1 / (1 + (a * Math.Pow(x[i], 2 * b)))) - y[i];
            sum += r * r;
        }

        return double.IsNaN(sum) ? double.PositiveInfinity : sum;
    }
}
