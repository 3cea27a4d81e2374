using System.Buffers;

namespace Dermis.SingleCell.Markers;

/// <summary>Per gene and group: expressing cells, sum of expm1, rank sum over all cells; per gene: the tie term Σ(t³ − t).</summary>
internal sealed class GeneStatistics
{
    private GeneStatistics(int cellCount, int geneCount, int groupCount)
    {
        CellCount = cellCount;
        Expressed = new int[geneCount * groupCount];
        ExpressedTotal = new int[geneCount];
        Expm1Sum = new double[geneCount * groupCount];
        Expm1Total = new double[geneCount];
        RankSum = new double[geneCount * groupCount];
        TieTerm = new double[geneCount];
    }

    public int CellCount { get; }

    public int[] Expressed { get; }

    public int[] ExpressedTotal { get; }

    public double[] Expm1Sum { get; }

    public double[] Expm1Total { get; }

    public double[] RankSum { get; }

    public double[] TieTerm { get; }

    /// <param name="byGene">Genes × cells CSR (the CSC of X).</param>
    /// <param name="groupOf">Group index of each cell.</param>
    /// <param name="sizes">Cells per group.</param>
    public static GeneStatistics Compute(SparseMatrix byGene, int[] groupOf, int[] sizes)
    {
        var groups = sizes.Length;
        var cells = byGene.Columns;
        var stats = new GeneStatistics(cells, byGene.Rows, groups);
        var chunks = Preprocessing.Normalization.ChunkCount(byGene.Rows);
        Parallel.For(0, chunks, chunk =>
        {
            var (start, end) = Preprocessing.Normalization.ChunkRange(chunk, byGene.Rows);
            var values = ArrayPool<float>.Shared.Rent(cells);
            var owners = ArrayPool<int>.Shared.Rent(cells);
            var zerosPerGroup = new int[groups];
            try
            {
                for (var gene = start; gene < end; gene++)
                {
                    stats.Accumulate(byGene, gene, groupOf, sizes, values, owners, zerosPerGroup);
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(values);
                ArrayPool<int>.Shared.Return(owners);
            }
        });
        return stats;
    }

    private void Accumulate(SparseMatrix byGene, int gene, int[] groupOf, int[] sizes, float[] valueBuffer, int[] ownerBuffer, int[] zerosPerGroup)
    {
        var groups = sizes.Length;
        var baseIndex = gene * groups;
        var cellIndices = byGene.RowIndices(gene);
        var cellValues = byGene.RowValues(gene);
        var count = 0;
        for (var k = 0; k < cellIndices.Length; k++)
        {
            var v = cellValues[k];
            if (v == 0)
            {
                continue;
            }

            var g = groupOf[cellIndices[k]];
            valueBuffer[count] = v;
            ownerBuffer[count] = g;
            count++;
            Expressed[baseIndex + g]++;
            Expm1Sum[baseIndex + g] += double.ExpM1(v);
        }

        ExpressedTotal[gene] = count;
        double total = 0;
        for (var g = 0; g < groups; g++)
        {
            total += Expm1Sum[baseIndex + g];
        }

        Expm1Total[gene] = total;

        // Zeros take ranks 1..z (average (z + 1) / 2); positive values follow, ties averaged, as R's rank().
        var zeros = CellCount - count;
        double tie = ((double)zeros * zeros * zeros) - zeros;
        var zeroRank = (zeros + 1) / 2.0;
        for (var g = 0; g < groups; g++)
        {
            RankSum[baseIndex + g] = (sizes[g] - Expressed[baseIndex + g]) * zeroRank;
        }

        var values = valueBuffer.AsSpan(0, count);
        var owners = ownerBuffer.AsSpan(0, count);
        values.Sort(owners);
        var i = 0;
        while (i < count)
        {
            var j = i + 1;
            while (j < count && values[j] == values[i])
            {
                j++;
            }

            var t = j - i;
            var rank = zeros + ((i + 1 + j) / 2.0);
            for (var k = i; k < j; k++)
            {
                RankSum[baseIndex + owners[k]] += rank;
            }

            tie += ((double)t * t * t) - t;
            i = j;
        }

        TieTerm[gene] = tie;
    }
}
