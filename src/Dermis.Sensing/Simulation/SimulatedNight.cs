using Dermis.Sensing.Motion;
using Dermis.Sensing.Scratch;

namespace Dermis.Sensing.Simulation;

/// <summary>A synthetic night from <see cref="NightSimulator"/>: the wrist signal and its ground truth.</summary>
/// <param name="Night">Triaxial acceleration, g.</param>
/// <param name="Events">Every simulated movement, in time order, non-overlapping.</param>
/// <param name="Scratch">Ground-truth scratch episodes: wrist and finger-only bouts, in time order.</param>
/// <param name="Seed">Seed the night was generated from.</param>
/// <param name="Options">Options the night was generated with.</param>
/// <param name="NightMultiplier">This night's draw of the log-normal (mean 1) scratch-rate multiplier.</param>
/// <param name="SensorNoiseG">White sensor noise of this night, RMS g per axis.</param>
public sealed record SimulatedNight(
    AccelerometerNight Night,
    IReadOnlyList<SimulatedEvent> Events,
    IReadOnlyList<ScratchEvent> Scratch,
    int Seed,
    NightSimulationOptions Options,
    double NightMultiplier,
    double SensorNoiseG)
{
    /// <summary>Ground-truth scratch summary over the whole recording.</summary>
    public ScratchSummary ScratchSummary => ScratchSummary.From(Scratch, Options.DurationHours);
}
