using Dermis.Sensing.Sleep;

namespace Dermis.Sensing.Tests.Sleep;

public sealed class SleepEvaluationTests
{
    [Fact]
    public void Compare_counts_and_derives_the_hand_computed_measures()
    {
        bool[] predicted = [true, true, true, true, true, true, true, false, false, false];
        bool[] reference = [true, true, true, true, true, true, false, true, false, false];

        var e = SleepEvaluation.Compare(predicted, reference);

        Assert.Equal(new SleepEvaluation(TrueSleep: 6, FalseSleep: 1, TrueWake: 2, FalseWake: 1), e);
        Assert.Equal(0.8, e.Accuracy, 15);
        Assert.Equal(6.0 / 7, e.Sensitivity, 15);
        Assert.Equal(2.0 / 3, e.Specificity, 15);

        // p_o = 0.8; p_e = 0.7·0.7 + 0.3·0.3 = 0.58; κ = 0.22 / 0.42.
        Assert.Equal(0.22 / 0.42, e.Kappa, 12);
    }

    [Fact]
    public void Add_pools_the_counts()
    {
        var pooled = new SleepEvaluation(1, 2, 3, 4).Add(new SleepEvaluation(10, 20, 30, 40));

        Assert.Equal(new SleepEvaluation(11, 22, 33, 44), pooled);
    }

    [Fact]
    public void Kappa_is_undefined_when_both_raters_use_one_class()
    {
        Assert.True(double.IsNaN(new SleepEvaluation(5, 0, 0, 0).Kappa));
        Assert.True(double.IsNaN(new SleepEvaluation(5, 0, 0, 0).Specificity));
    }

    [Fact]
    public void Compare_rejects_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => SleepEvaluation.Compare(new bool[3], new bool[4]));
    }
}
