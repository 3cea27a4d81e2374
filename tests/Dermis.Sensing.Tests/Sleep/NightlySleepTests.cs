using Dermis.Sensing.Sleep;

namespace Dermis.Sensing.Tests.Sleep;

public sealed class NightlySleepTests
{
    // Index:  0         1
    //         01234567890123456789
    private const string Night = "WWWSSSSWWSSSWSSSSWWW";

    [Fact]
    public void Summarise_one_minute_epochs_gives_hand_computed_measures()
    {
        var summary = NightlySleep.Summarise(Parse(Night));

        // TSO 20 epochs; first sleep at 3 (SOL 3); sleep 4 + 3 + 4 = 11 (TST 11, SE 11/20); wake between the first and
        // last sleep epoch at 7, 8, 12 (WASO 3) in 2 bouts; the final 3 wake epochs are neither WASO nor an awakening.
        Assert.Equal(new NightlySleep(20, 11, 0.55, 3, 3, 2), summary);
    }

    [Fact]
    public void Summarise_thirty_second_epochs_halves_the_minutes()
    {
        var summary = NightlySleep.Summarise(Parse(Night), epochSeconds: 30);

        Assert.Equal(new NightlySleep(10, 5.5, 0.55, 1.5, 1.5, 2), summary);
    }

    [Fact]
    public void Summarise_window_of_a_recording_takes_the_epochs_inside_it()
    {
        // Five sleep epochs on either side of the window (epochs 5…24) must not count.
        var recording = Parse("SSSSS" + Night + "SSSSS");
        var window = new SleepWindow(300, 1500, 0.13);

        Assert.Equal(new NightlySleep(20, 11, 0.55, 3, 3, 2), NightlySleep.Summarise(recording, window));
    }

    [Fact]
    public void Summarise_ending_in_sleep_counts_every_interior_wake_bout()
    {
        Assert.Equal(new NightlySleep(5, 3, 0.6, 2, 0, 1), NightlySleep.Summarise(Parse("SWWSS")));
    }

    [Fact]
    public void Summarise_without_sleep_leaves_latency_and_waso_undefined()
    {
        var summary = NightlySleep.Summarise(Parse("WWWW"));

        Assert.Equal(4, summary.TotalSleepOpportunityMinutes);
        Assert.Equal(0, summary.TotalSleepTimeMinutes);
        Assert.Equal(0, summary.SleepEfficiency);
        Assert.True(double.IsNaN(summary.SleepOnsetLatencyMinutes));
        Assert.True(double.IsNaN(summary.WakeAfterSleepOnsetMinutes));
        Assert.Equal(0, summary.Awakenings);
    }

    [Fact]
    public void Summarise_empty_window_throws()
    {
        Assert.Throws<ArgumentException>(() => NightlySleep.Summarise(ReadOnlySpan<bool>.Empty));
        Assert.Throws<ArgumentException>(() => NightlySleep.Summarise(new bool[10], new SleepWindow(900, 1200, 0.13)));
    }

    private static bool[] Parse(string s) => [.. s.Select(c => c == 'S')];
}
