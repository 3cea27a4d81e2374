namespace Dermis.Sensing.Motion;

/// <summary>
/// A hand-movement gate: decides for each 1-s window of a wrist recording whether the hand moved, the step that comes
/// before scratch classification in Mahadevan et al. 2021 and Ji et al. 2023. Two implementations:
/// <see cref="MotionDetectRCoV"/> and <see cref="MotionDetectRCoVMaxSD"/>.
/// </summary>
public interface IMotionGate
{
    /// <summary>Number of 1-s decisions the gate makes from <paramref name="sampleCount"/> samples at <paramref name="sampleRateHz"/>.</summary>
    /// <remarks>As in SKDH, the last window is dropped when the rolling statistic does not cover it: ⌊(n − 2w + 1) / w⌋ + 1 with w = ⌊rate⌋.</remarks>
    int DecisionCount(int sampleCount, double sampleRateHz);

    /// <summary>Writes one movement flag per 1-s window (window <c>k</c> starts at sample <c>k·⌊rate⌋</c>) into <paramref name="movementPerSecond"/>.</summary>
    /// <param name="x">Device x axis, g.</param>
    /// <param name="y">Device y axis, g.</param>
    /// <param name="z">Device z axis, g.</param>
    /// <param name="sampleRateHz">Samples per second.</param>
    /// <param name="movementPerSecond">Length <see cref="DecisionCount"/>; true = movement.</param>
    void Detect(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, double sampleRateHz, Span<bool> movementPerSecond);

    /// <summary>Movement flags of a whole recording, one per 1-s window.</summary>
    bool[] Detect(AccelerometerNight night);
}
