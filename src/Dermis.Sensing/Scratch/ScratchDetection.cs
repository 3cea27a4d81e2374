namespace Dermis.Sensing.Scratch;

/// <summary>One gate bout with its features and classification.</summary>
/// <param name="StartSeconds">Start, s from the recording start.</param>
/// <param name="EndSeconds">End (exclusive), s.</param>
/// <param name="Features">Measured features.</param>
/// <param name="Probability">Classifier probability of scratch, 0–1.</param>
/// <param name="IsScratch">Whether the bout became a <see cref="ScratchEvent"/>.</param>
public sealed record ScratchBout(double StartSeconds, double EndSeconds, ScratchBoutFeatures Features, double Probability, bool IsScratch);

/// <summary>Output of <see cref="ScratchDetector.Detect(Motion.AccelerometerNight)"/>.</summary>
/// <param name="Events">Scratch events in time order.</param>
/// <param name="Bouts">Every gate bout, scratch or not, for audit.</param>
/// <param name="Summary">Count, total duration and per-hour measures of <paramref name="Events"/> over the whole recording.</param>
public sealed record ScratchDetection(IReadOnlyList<ScratchEvent> Events, IReadOnlyList<ScratchBout> Bouts, ScratchSummary Summary);
