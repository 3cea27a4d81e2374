namespace Dermis.Sensing.Vitals;

/// <summary>Ground truth of one 30-s epoch of a <see cref="SimulatedRadioNight"/>.</summary>
/// <param name="StartSeconds">Epoch start, s.</param>
/// <param name="EndSeconds">Epoch end, s.</param>
/// <param name="RespirationRatePerMinute">Mean instantaneous breathing rate over the epoch, /min (NaN when breathing was not simulated).</param>
/// <param name="HeartRatePerMinute">Mean instantaneous heart rate over the epoch, /min (NaN when the heartbeat was not simulated).</param>
/// <param name="Motion">True when a motion burst overlaps the epoch.</param>
/// <param name="Rest">True when no burst overlaps the epoch or the <see cref="RadioNightSimulator.RestGuardSeconds"/> before it.</param>
public sealed record SimulatedVitalEpoch(double StartSeconds, double EndSeconds, double RespirationRatePerMinute, double HeartRatePerMinute, bool Motion, bool Rest);
