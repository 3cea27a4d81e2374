namespace Dermis.SingleCell.Annotation;

/// <summary>
/// Penalised mean cross-entropy of softmax regression on standardised sparse features and its gradient:
/// L = −(1/n) Σᵢ log pᵢ,yᵢ + (λ/2)‖W‖², pᵢ = softmax(b + Wᵀzᵢ), zᵢ = (xᵢ − μ) / σ. The standardisation is applied
/// through the weights (V = W/σ, offset b − Vᵀμ), so x stays sparse.
/// </summary>
internal sealed class SoftmaxProblem(SparseMatrix x, int[] y, int classes, double[] mean, double[] sd, double penalty)
{
    private const int CellsPerChunk = 256;
    private readonly int _genes = x.Columns;

    /// <summary>W (genes × classes, row-major) followed by b (classes).</summary>
    public int ParameterCount => (_genes * classes) + classes;

    public double Evaluate(double[] theta, double[] gradient)
    {
        var (v, offsets) = Effective(theta);
        var n = x.Rows;
        var chunks = (n + CellsPerChunk - 1) / CellsPerChunk;
        var partialGradients = new double[chunks][];
        var partialResiduals = new double[chunks][];
        var partialLoss = new double[chunks];
        Parallel.For(0, chunks, chunk =>
        {
            var a = new double[_genes * classes];
            var r = new double[classes];
            var p = new double[classes];
            var loss = 0.0;
            var end = Math.Min(n, (chunk + 1) * CellsPerChunk);
            for (var i = chunk * CellsPerChunk; i < end; i++)
            {
                offsets.CopyTo(p, 0);
                var indices = x.RowIndices(i);
                var values = x.RowValues(i);
                for (var k = 0; k < indices.Length; k++)
                {
                    var w = v.AsSpan(indices[k] * classes, classes);
                    for (var c = 0; c < classes; c++)
                    {
                        p[c] += w[c] * values[k];
                    }
                }

                loss -= Softmax(p, y[i]);
                p[y[i]] -= 1;
                for (var c = 0; c < classes; c++)
                {
                    r[c] += p[c];
                }

                for (var k = 0; k < indices.Length; k++)
                {
                    var g = a.AsSpan(indices[k] * classes, classes);
                    for (var c = 0; c < classes; c++)
                    {
                        g[c] += p[c] * values[k];
                    }
                }
            }

            partialGradients[chunk] = a;
            partialResiduals[chunk] = r;
            partialLoss[chunk] = loss;
        });

        // Summed in chunk order so the result does not depend on the thread count.
        Array.Clear(gradient);
        var total = 0.0;
        var residual = new double[classes];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            total += partialLoss[chunk];
            var a = partialGradients[chunk];
            for (var e = 0; e < a.Length; e++)
            {
                gradient[e] += a[e];
            }

            for (var c = 0; c < classes; c++)
            {
                residual[c] += partialResiduals[chunk][c];
            }
        }

        var penaltyTerm = 0.0;
        for (var g = 0; g < _genes; g++)
        {
            for (var c = 0; c < classes; c++)
            {
                var e = (g * classes) + c;
                gradient[e] = ((gradient[e] - (mean[g] * residual[c])) / (n * sd[g])) + (penalty * theta[e]);
                penaltyTerm += theta[e] * theta[e];
            }
        }

        for (var c = 0; c < classes; c++)
        {
            gradient[(_genes * classes) + c] = residual[c] / n;
        }

        return (total / n) + (0.5 * penalty * penaltyTerm);
    }

    /// <summary>The weights and offsets acting on the unstandardised features.</summary>
    public (double[] Weights, double[] Offsets) Effective(double[] theta)
    {
        var v = new double[_genes * classes];
        var offsets = new double[classes];
        Array.Copy(theta, _genes * classes, offsets, 0, classes);
        for (var g = 0; g < _genes; g++)
        {
            for (var c = 0; c < classes; c++)
            {
                var e = (g * classes) + c;
                v[e] = theta[e] / sd[g];
                offsets[c] -= v[e] * mean[g];
            }
        }

        return (v, offsets);
    }

    /// <summary>Turns logits into probabilities in place (max subtracted for stability).</summary>
    public static void Softmax(Span<double> logits) => Softmax(logits, 0);

    /// <summary>Turns logits into probabilities in place; returns log p of <paramref name="target"/>.</summary>
    public static double Softmax(Span<double> logits, int target)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, z);
        }

        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = Math.Exp(logits[c] - max);
            sum += logits[c];
        }

        var logTarget = Math.Log(logits[target] / sum);
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] /= sum;
        }

        return logTarget;
    }
}
