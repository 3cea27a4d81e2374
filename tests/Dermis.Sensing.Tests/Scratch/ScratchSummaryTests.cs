using Dermis.Sensing.Scratch;

namespace Dermis.Sensing.Tests.Scratch;

public sealed class ScratchSummaryTests
{
    [Fact]
    public void From_two_events_over_two_hours_gives_totals_and_rates()
    {
        ScratchEvent[] events = [new(10, 16), new(100, 130)];

        var summary = ScratchSummary.From(events, 2);

        Assert.Equal(2, summary.EventCount);
        Assert.Equal(36, summary.TotalDurationSeconds, 1e-12);
        Assert.Equal(1, summary.EventsPerHour, 1e-12);
        Assert.Equal(18, summary.DurationSecondsPerHour, 1e-12);
        Assert.Equal(0.5, summary.PercentTime, 1e-12);
    }

    [Fact]
    public void ScratchSummary_zero_hours_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ScratchSummary.From([], 0));

        Assert.Equal("recordingHours", ex.ParamName);
    }

    [Fact]
    public void ScratchEvent_end_before_start_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ScratchEvent(5, 4));

        Assert.Equal("endSeconds", ex.ParamName);
    }
}
