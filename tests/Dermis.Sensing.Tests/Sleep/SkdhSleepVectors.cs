using System.Globalization;

namespace Dermis.Sensing.Tests.Sleep;

/// <summary>
/// SKDH's Cole–Kripke test vectors (tests/data/skdh-testvectors/sleep, from <c>test_activity_index.h5</c>, MIT):
/// 1,439 one-minute activity-index values, the expected sleep flags without rescoring, and the expected flags after
/// rescoring for minutes 570–1109 (SKDH rescoring the whole series, then slicing <c>[570:1110]</c>).
/// </summary>
internal sealed class SkdhSleepVectors
{
    public const int RescoredFirstMinute = 570;
    public const int RescoredEndMinute = 1110;

    private SkdhSleepVectors(double[] activityIndex, bool[] sleepNoRescore, bool?[] sleepRescored)
    {
        ActivityIndex = activityIndex;
        SleepNoRescore = sleepNoRescore;
        SleepRescoredAbc = sleepRescored;
    }

    public double[] ActivityIndex { get; }

    public bool[] SleepNoRescore { get; }

    /// <summary>Null outside minutes 570–1109.</summary>
    public bool?[] SleepRescoredAbc { get; }

    public static SkdhSleepVectors Load()
    {
        var lines = File.ReadAllLines(SharedData.PathOf("skdh-testvectors", "sleep", "cole_kripke_activity_index_vectors.csv"));
        Assert.Equal("minute_index,activity_index,expected_sleep_no_rescore,expected_sleep_rescored_abc", lines[0]);
        int n = lines.Length - 1;
        var ai = new double[n];
        var plain = new bool[n];
        var rescored = new bool?[n];
        for (int i = 0; i < n; i++)
        {
            var f = lines[i + 1].Split(',');
            Assert.Equal(i, int.Parse(f[0], CultureInfo.InvariantCulture));
            ai[i] = double.Parse(f[1], CultureInfo.InvariantCulture);
            plain[i] = f[2] == "1";
            rescored[i] = f[3].Length == 0 ? null : f[3] == "1";
        }

        return new SkdhSleepVectors(ai, plain, rescored);
    }
}
