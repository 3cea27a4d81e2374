using Dermis.Sensing.Motion;

namespace Dermis.Sensing.Scratch;

/// <summary>Settings of <see cref="ScratchDetector"/>.</summary>
public sealed record ScratchDetectorOptions
{
    /// <summary>
    /// Hand-movement gate; default <see cref="MotionDetectRCoVMaxSD"/> (Ji 2023). Chosen on the tuning nights (seeds 1–20):
    /// with the shipped classifier (fitted on this gate's bouts) it gave event F1 0.874, against 0.701 behind <see cref="MotionDetectRCoV"/>, which reads only
    /// the vector magnitude and so misses scratch that oscillates across gravity.
    /// </summary>
    public IMotionGate Gate { get; init; } = new MotionDetectRCoVMaxSD();

    /// <summary>Still gate seconds bridged inside one bout, 0–10; default 1 (a scratch rhythm can dip below the gate for a second).</summary>
    public int MergeGapSeconds { get; init; } = 1;

    /// <summary>Bout classifier; default <see cref="ScratchClassifier.Default"/>.</summary>
    public ScratchClassifier Classifier { get; init; } = ScratchClassifier.Default;

    /// <summary>A bout is scratch when its probability is ≥ this value, (0, 1); default 0.5.</summary>
    public double ProbabilityThreshold { get; init; } = 0.5;
}
