using Dermis.Sensing.Sleep;

namespace Dermis.Sensing.Tests.Sleep;

public sealed class ColeKripkeTests
{
    [Fact]
    public void Classify_skdh_activity_index_reproduces_expected_sleep_exactly()
    {
        var v = SkdhSleepVectors.Load();
        Assert.Equal(1439, v.ActivityIndex.Length);

        var sleep = ColeKripke.Classify(v.ActivityIndex);

        var mismatches = Enumerable.Range(0, sleep.Length).Where(i => sleep[i] != v.SleepNoRescore[i]).ToArray();
        Assert.True(mismatches.Length == 0, $"{mismatches.Length} minutes differ, first {string.Join(", ", mismatches.Take(10))}");
        Assert.Equal(546, sleep.Count(s => s));
    }

    [Fact]
    public void Score_centres_the_flipped_kernel_on_epoch_t_with_window_minus4_to_plus2()
    {
        // A unit impulse at t = 10 contributes weight w(k) to the score at t = 10 − k, k being its offset in the window.
        var activity = new double[20];
        activity[10] = 1.0;
        var score = new double[20];

        ColeKripke.Score(activity, 1.0, score);

        var expected = new double[20];
        expected[14] = 4.64;  // A[t−4]
        expected[13] = 6.87;  // A[t−3]
        expected[12] = 3.75;  // A[t−2]
        expected[11] = 5.07;  // A[t−1]
        expected[10] = 16.19; // A[t]
        expected[9] = 5.84;   // A[t+1]
        expected[8] = 4.024;  // A[t+2]
        Assert.Equal(expected, score);
    }

    [Fact]
    public void Score_treats_epochs_outside_the_record_as_zero()
    {
        double[] activity = [1.0, 1.0, 1.0];
        var score = new double[3];

        ColeKripke.Score(activity, 1.0, score);

        Assert.Equal(16.19 + 5.84 + 4.024, score[0], 12);
        Assert.Equal(5.07 + 16.19 + 5.84, score[1], 12);
        Assert.Equal(3.75 + 5.07 + 16.19, score[2], 12);
    }

    [Fact]
    public void Classify_threshold_is_strictly_below_one_half()
    {
        // A one-epoch record of activity a scores 0.243 · 16.19 · a, which crosses 0.5 at a = 0.5 / (0.243 · 16.19).
        double a = 0.5 / (0.243 * 16.19);
        Assert.True(ColeKripke.Classify([a * 0.999999])[0]);
        Assert.False(ColeKripke.Classify([a * 1.000001])[0]);
    }

    [Fact]
    public void Classify_rejects_non_positive_scale_factor()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ColeKripke.Classify([0.0], 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColeKripke.Classify([0.0], double.NaN));
    }
}
