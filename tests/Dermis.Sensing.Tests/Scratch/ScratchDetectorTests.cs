using Dermis.Sensing.Motion;
using Dermis.Sensing.Scratch;

namespace Dermis.Sensing.Tests.Scratch;

public sealed class ScratchDetectorTests
{
    [Fact]
    public void Detect_scratch_among_still_and_turn_finds_only_the_scratch()
    {
        var night = new SyntheticWrist(300).Scratch(60, 80, 3.5, 0.15).Turn(150, 156, 80).Night;

        var result = new ScratchDetector().Detect(night);

        var scratch = Assert.Single(result.Events);
        Assert.True(ScratchAgreement.Matches(scratch, new ScratchEvent(60, 80)), $"{scratch} should match [60, 80)");
        Assert.Equal(2, result.Bouts.Count);
        Assert.False(result.Bouts[1].IsScratch);
        Assert.Equal(1, result.Summary.EventCount);
        Assert.Equal(300.0 / 3600, result.Summary.RecordingHours, 1e-12);
    }

    [Fact]
    public void Detect_still_recording_has_no_events()
    {
        var result = new ScratchDetector().Detect(new SyntheticWrist(120).Night);

        Assert.Empty(result.Events);
        Assert.Equal(0, result.Summary.TotalDurationSeconds);
    }

    [Fact]
    public void Detect_other_rate_with_default_gate_names_the_fix()
    {
        var axis = new float[5000];
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ScratchDetector().Detect(new AccelerometerNight(axis, axis, axis, 50)));

        Assert.Contains("resample", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScratchDetector_threshold_outside_range_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ScratchDetector(new ScratchDetectorOptions { ProbabilityThreshold = 1 }));

        Assert.Contains("ProbabilityThreshold", ex.Message, StringComparison.Ordinal);
    }
}
