using System.Numerics.Tensors;

namespace Dermis.SingleCell.Neighbors;

/// <summary>Row distances on a prepared copy of the embedding (rows L2-normalised for cosine, so cosine = 1 − dot).</summary>
internal static class DistanceKernel
{
    /// <summary>Copies the embedding, rejecting non-finite values, and normalises rows when the metric is cosine.</summary>
    public static float[] Prepare(ReadOnlySpan<float> embedding, int cells, int dims, DistanceMetric metric)
    {
        if (cells < 1 || dims < 1 || embedding.Length != (long)cells * dims)
        {
            throw new ArgumentException($"The embedding must hold cells × dims = {cells} × {dims} = {(long)cells * dims} values (row-major); got {embedding.Length}.", nameof(embedding));
        }

        var data = embedding.ToArray();
        if (!TensorPrimitives.IsFiniteAll<float>(data))
        {
            throw new ArgumentException("The embedding holds NaN or infinite values; run PCA on finite, scaled data first.", nameof(embedding));
        }

        if (metric == DistanceMetric.Cosine)
        {
            for (var i = 0; i < cells; i++)
            {
                var row = data.AsSpan(i * dims, dims);
                var norm = TensorPrimitives.Norm<float>(row);
                if (norm > 0f)
                {
                    TensorPrimitives.Divide(row, norm, row);
                }
            }
        }

        return data;
    }

    /// <summary>Distance between two prepared rows: euclidean, or 1 − cosine similarity clamped at 0.</summary>
    public static float Measure(ReadOnlySpan<float> x, ReadOnlySpan<float> y, bool cosine) =>
        cosine ? MathF.Max(0f, 1f - TensorPrimitives.Dot(x, y)) : TensorPrimitives.Distance(x, y);
}
