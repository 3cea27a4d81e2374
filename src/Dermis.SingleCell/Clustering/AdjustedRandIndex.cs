namespace Dermis.SingleCell.Clustering;

/// <summary>Agreement between two partitions of the same cells.</summary>
public static class AdjustedRandIndex
{
    /// <summary>
    /// Hubert–Arabie adjusted Rand index (Hubert &amp; Arabie 1985, doi:10.1007/BF01908075): (Σ_ij C(n_ij, 2) − E) /
    /// (½[Σ_i C(a_i, 2) + Σ_j C(b_j, 2)] − E), E = Σ_i C(a_i, 2) Σ_j C(b_j, 2) / C(n, 2), from the contingency table n_ij
    /// with row sums a_i and column sums b_j; as scikit-learn's <c>adjusted_rand_score</c> and R mclust's
    /// <c>adjustedRandIndex</c>. 1 for identical partitions (up to renaming), about 0 for independent ones, can be
    /// negative; 1 when both partitions put every cell in one cluster, or every cell alone (scikit-learn's convention).
    /// </summary>
    /// <param name="first">Label per cell, non-negative.</param>
    /// <param name="second">Label per cell, non-negative, same length.</param>
    /// <returns>The ARI.</returns>
    /// <exception cref="ArgumentException">Lengths differ, are empty, or a label is negative.</exception>
    public static double Compute(ReadOnlySpan<int> first, ReadOnlySpan<int> second)
    {
        if (first.Length != second.Length || first.Length == 0)
        {
            throw new ArgumentException($"Both label vectors must be non-empty and of one length; got {first.Length} and {second.Length}.", nameof(second));
        }

        if (first.Length == 1)
        {
            return 1.0;
        }

        var rows = 0;
        var cols = 0;
        for (var i = 0; i < first.Length; i++)
        {
            if (first[i] < 0 || second[i] < 0)
            {
                throw new ArgumentException($"Labels must be ≥ 0; cell {i} has ({first[i]}, {second[i]}).", nameof(first));
            }

            rows = Math.Max(rows, first[i] + 1);
            cols = Math.Max(cols, second[i] + 1);
        }

        var table = new Dictionary<long, long>();
        var a = new long[rows];
        var b = new long[cols];
        for (var i = 0; i < first.Length; i++)
        {
            var key = ((long)first[i] * cols) + second[i];
            table[key] = table.GetValueOrDefault(key) + 1;
            a[first[i]]++;
            b[second[i]]++;
        }

        double sumCells = 0, sumA = 0, sumB = 0;
        foreach (var count in table.Values)
        {
            sumCells += Pairs(count);
        }

        foreach (var count in a)
        {
            sumA += Pairs(count);
        }

        foreach (var count in b)
        {
            sumB += Pairs(count);
        }

        var expected = sumA * sumB / Pairs(first.Length);
        var max = 0.5 * (sumA + sumB);
        return max == expected ? 1.0 : (sumCells - expected) / (max - expected);
    }

    private static double Pairs(long n) => n * (n - 1) / 2.0;
}
