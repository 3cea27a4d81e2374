namespace Dermis.Sensing.Simulation;

/// <summary>One ground-truth movement of a simulated night.</summary>
/// <param name="Kind">What the movement is.</param>
/// <param name="StartSeconds">Start, s from the recording start.</param>
/// <param name="EndSeconds">End (exclusive), s.</param>
/// <param name="AmplitudeG">Peak amplitude of the oscillation on its dominant axis, g.</param>
/// <param name="FrequencyHz">Fundamental frequency for rhythmic kinds, Hz; 0 for non-periodic ones.</param>
/// <param name="RotationDegrees">Forearm re-orientation across the event, degrees.</param>
public sealed record SimulatedEvent(
    SimulatedEventKind Kind, double StartSeconds, double EndSeconds, double AmplitudeG, double FrequencyHz, double RotationDegrees)
{
    /// <summary>Length, s.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>True for <see cref="SimulatedEventKind.Scratch"/> and <see cref="SimulatedEventKind.FingerScratch"/>.</summary>
    public bool IsScratch => Kind is SimulatedEventKind.Scratch or SimulatedEventKind.FingerScratch;
}
