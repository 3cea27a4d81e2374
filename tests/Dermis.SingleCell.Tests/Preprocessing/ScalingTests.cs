using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Tests.Preprocessing;

public sealed class ScalingTests
{
    private static CellMatrix Normalized(int cells, int genes, int[] pointers, int[] indices, float[] values)
    {
        var x = new SparseMatrix(cells, genes, pointers, indices, values);
        var m = new CellMatrix(
            x,
            new CellAnnotations(Enumerable.Range(0, cells).Select(i => "c" + i).ToArray()),
            new GeneAnnotations(Enumerable.Range(0, genes).Select(i => "g" + i).ToArray(), Enumerable.Range(0, genes).Select(i => "G" + i).ToArray()));
        m.SetLayer(Normalization.CountsLayer, x);
        return m;
    }

    [Fact]
    public void Scale_allGenes_matchesRScaleWithSampleSd()
    {
        // X = log1p([[0, 3, 1, 0], [1, 0, 1, 5], [2, 1, 0, 0]]); R: scale(X) column 1 = -1.0750695922442026,
        // 0.1726114769522887, 0.9024581152919140; column 4 = -0.5773502691896257, 1.1547005383792517, -0.5773502691896257.
        var l1 = (float)Math.Log(2);
        var l2 = (float)Math.Log(3);
        var l3 = (float)Math.Log(4);
        var l5 = (float)Math.Log(6);
        var m = Normalized(3, 4, [0, 2, 5, 7], [1, 2, 0, 2, 3, 0, 1], [l3, l1, l1, l1, l5, l2, l1]);

        Scaling.Scale(m, allGenes: true);
        var s = m.Scaled!;

        Assert.Equal([0, 1, 2, 3], s.GeneIndices);
        Assert.Equal(-1.0750695922442026, s.Values[0, 0], 1e-6);
        Assert.Equal(0.1726114769522887, s.Values[1, 0], 1e-6);
        Assert.Equal(0.9024581152919140, s.Values[2, 0], 1e-6);
        Assert.Equal(1.0, s.Values[0, 1], 1e-6);
        Assert.Equal(-1.0, s.Values[1, 1], 1e-6);
        Assert.Equal(1.1547005383792517, s.Values[1, 3], 1e-6);
        Assert.Equal(-0.5773502691896257, s.Values[2, 3], 1e-6);
        Assert.Equal(0.59725315640935162, s.Means[0], 1e-7);
        Assert.Equal(0.55554836702486254, s.StandardDeviations[0], 1e-7);
    }

    [Fact]
    public void Scale_outlierAbove10_clippedOnlyAboveLikeSeurat()
    {
        // 200 cells, one with value 1: z = (1 − 0.005) / sd with sd = sqrt(0.995 / 199) ≈ 0.0707 → 14.07 → 10.
        var pointers = new int[201];
        for (var i = 1; i <= 200; i++)
        {
            pointers[i] = 1;
        }

        var m = Normalized(200, 1, pointers, [0], [1f]);

        Scaling.Scale(m, allGenes: true);

        Assert.Equal(10f, m.Scaled!.Values[0, 0]);
        Assert.Equal(-0.005 / Math.Sqrt(0.995 / 199), m.Scaled.Values[1, 0], 1e-6);
    }

    [Fact]
    public void Scale_clipBelow_setsLargeNegativesToMinusMax()
    {
        // Two cells [1, 0]: z = ±0.7071; with maxValue 0.5 and clipBelow both are clipped.
        var m = Normalized(2, 1, [0, 1, 1], [0], [1f]);

        Scaling.Scale(m, allGenes: true, maxValue: 0.5, clipBelow: true);

        Assert.Equal(0.5f, m.Scaled!.Values[0, 0]);
        Assert.Equal(-0.5f, m.Scaled.Values[1, 0]);
    }

    [Fact]
    public void Scale_withoutVariableGenes_saysRunVstFirst()
    {
        var m = Normalized(1, 1, [0, 1], [0], [1f]);

        var ex = Assert.Throws<InvalidOperationException>(() => Scaling.Scale(m));

        Assert.Equal("no variable genes are selected: run VariableGenes.Vst first, or pass allGenes: true.", ex.Message);
    }
}
