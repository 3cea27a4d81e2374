using Dermis.Sensing.Sleep;

namespace Dermis.Sensing.Tests.Sleep;

public sealed class ActivityIndexTests
{
    // Offsets plus tones well above the 0.25 Hz cut-off, each a whole number of periods per 60-s epoch and zero at both
    // ends of the record. A sampled sine over whole periods has population variance a²/2; the zero-phase filter scales
    // the tone by the squared magnitude g(f) = 1 / (1 + (tan(π·0.25/fs) / tan(π·f/fs))⁶), about 1 − 4e-6 here, and
    // removes the offset. So AI = √((Σ g² a² / 2) / 3) in every epoch.
    private const double Fs = 50;
    private static readonly (double Offset, double Amplitude, double Hz)[] Axes = [(0.1, 0.02, 2.0), (-0.98, 0.05, 3.0), (0.2, 0.01, 1.5)];

    [Fact]
    public void Compute_known_tones_gives_the_hand_computed_index()
    {
        var (x, y, z) = Tones(5 * 60 * 50 + 1); // 5 whole epochs; the extra sample puts every tone at a zero crossing at the end

        var ai = ActivityIndex.Compute(x, y, z, Fs);

        double sum = 0;
        foreach (var (_, a, f) in Axes)
        {
            double g = 1 / (1 + Math.Pow(Math.Tan(Math.PI * 0.25 / Fs) / Math.Tan(Math.PI * f / Fs), 6));
            sum += g * g * a * a / 2;
        }

        double expected = Math.Sqrt(sum / 3); // ≈ 0.0227303
        Assert.Equal(5, ai.Length);

        // Interior epochs: relative error below 1e-6 (float input rounding). Edge epochs carry the filter's start-up
        // transient of a second or two: below 1e-3.
        for (int e = 1; e < 4; e++)
        {
            Assert.True(Math.Abs(ai[e] - expected) / expected < 1e-6, $"epoch {e}: {ai[e]:R} vs {expected:R}");
        }

        Assert.True(Math.Abs(ai[0] - expected) / expected < 1e-3, $"epoch 0: {ai[0]:R}");
        Assert.True(Math.Abs(ai[4] - expected) / expected < 1e-3, $"epoch 4: {ai[4]:R}");
    }

    [Fact]
    public void Compute_still_device_gives_zero()
    {
        var x = new float[3000];
        var y = new float[3000];
        var z = new float[3000];
        Array.Fill(z, 1f);

        var ai = ActivityIndex.Compute(x, y, z, 20);

        Assert.Equal(2, ai.Length);
        Assert.All(ai, v => Assert.True(v < 1e-9, $"{v}"));
    }

    [Fact]
    public void EpochCount_drops_a_trailing_partial_epoch_and_follows_the_epoch_length()
    {
        Assert.Equal(2, ActivityIndex.EpochCount(2 * 1200 + 1199, 20));
        Assert.Equal(5, ActivityIndex.EpochCount(3000, 20, epochSeconds: 30));
        Assert.Equal(1, ActivityIndex.EpochCount(750, 12.5));
        Assert.Empty(ActivityIndex.Compute(new float[5], new float[5], new float[5], 20));
    }

    [Fact]
    public void Compute_rejects_axes_of_different_length_and_a_wrong_destination()
    {
        Assert.Throws<ArgumentException>(() => ActivityIndex.Compute(new float[100], new float[100], new float[99], 20));
        Assert.Throws<ArgumentException>(() => ActivityIndex.Compute(new float[2400], new float[2400], new float[2400], 20, new double[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivityIndex.Compute(new float[100], new float[100], new float[100], 0.4));
    }

    private static (float[] X, float[] Y, float[] Z) Tones(int n)
    {
        var axes = new float[3][];
        for (int a = 0; a < 3; a++)
        {
            var (offset, amplitude, hz) = Axes[a];
            axes[a] = new float[n];
            for (int i = 0; i < n; i++)
            {
                axes[a][i] = (float)(offset + (amplitude * Math.Sin(2 * Math.PI * hz * i / Fs)));
            }
        }

        return (axes[0], axes[1], axes[2]);
    }
}
