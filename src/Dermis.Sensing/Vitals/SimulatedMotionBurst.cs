namespace Dermis.Sensing.Vitals;

/// <summary>One gross motion burst of a <see cref="SimulatedRadioNight"/>.</summary>
/// <param name="StartSeconds">Start, s.</param>
/// <param name="EndSeconds">End, s.</param>
/// <param name="ExcursionMm">Peak-to-peak excursion of the motion component, mm.</param>
/// <param name="IsScratch">True for a rhythmic scratch bout (1.5–4 Hz), false for a turn (a change of level with slow sway).</param>
public sealed record SimulatedMotionBurst(double StartSeconds, double EndSeconds, double ExcursionMm, bool IsScratch);
