using Dermis.SingleCell.Preprocessing;

namespace Dermis.SingleCell.Tests.Preprocessing;

public sealed class LoessTests
{
    [Fact]
    public void Fit_quadraticData_reproducedExactlyByDegreeTwo()
    {
        // A local quadratic fit reproduces a global quadratic at every point, whatever the weights.
        var x = new double[50];
        var y = new double[50];
        for (var i = 0; i < 50; i++)
        {
            x[i] = i * 0.37;
            y[i] = 2 - (0.5 * x[i]) + (0.25 * x[i] * x[i]);
        }

        foreach (var surface in new[] { LoessSurface.Direct, LoessSurface.Interpolate })
        {
            var fit = Loess.Fit(x, y, 0.3, 2, surface);
            for (var i = 0; i < 50; i++)
            {
                Assert.Equal(y[i], fit[i], 1e-9);
            }
        }
    }

    [Fact]
    public void Vertices_twentyPointsCellSizeFive_splitAtMediansLikeDloess()
    {
        // 20 points 1..20, span 0.3 → cells of at most floor(20 · 0.06) = 1 point; with cellPoints = 5:
        // root [1,20] splits at rank 10 (x = 10), then [1,10] at 5, [11,20] at 15; cells of 5 stop.
        var x = new double[20];
        for (var i = 0; i < 20; i++)
        {
            x[i] = i + 1;
        }

        var vertices = Loess.Vertices(x, 5);

        Assert.Equal([1 - 0.095, 5, 10, 15, 20 + 0.095], vertices);
    }

    [Fact]
    public void Vertices_tiedMedian_movesSplitToNextDistinctValue()
    {
        // Root [1,10]: ranks 5 and 6 tie (value 3), rank 6's successor (4) differs → split at 3. Cell [1,6]: ranks
        // 3 and 4 tie (value 2) → split at 2. Cells of ≤ 4 points stop. Box widened by 0.5 % of the range 6.
        double[] x = [1, 1, 2, 2, 3, 3, 4, 5, 6, 7];

        var vertices = Loess.Vertices(x, 4);

        Assert.Equal([0.97, 2, 3, 7.03], vertices);
    }

    [Fact]
    public void Fit_tooFewPointsForDegree_throws()
    {
        Assert.Throws<ArgumentException>(() => Loess.Fit([1.0, 2, 3], [1.0, 2, 3], 0.5, 2, LoessSurface.Direct));
    }
}
