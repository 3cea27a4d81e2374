namespace Dermis.Sensing.Sweat;

/// <summary>One response turned into a concentration, with its interval and flag.</summary>
/// <param name="Response">The response read (baseline-referenced, drift-corrected).</param>
/// <param name="Flag">The reading's quality.</param>
/// <param name="Concentration">Concentration in the curve's unit; null for BelowLod, AboveTopStandard, BeyondAsymptote and ChannelFailed.</param>
/// <param name="Lower">Lower bound of the delta-method confidence interval (<see cref="SweatQuantifier"/>); null without a concentration or when the curve has no covariance.</param>
/// <param name="Upper">Upper bound of the interval; null as for <paramref name="Lower"/>.</param>
/// <param name="Display">What a report shows: the value with 4 significant digits, "&lt; LOD", "&gt; ULOQ", "beyond curve" or "channel failed".</param>
public sealed record QuantifiedReading(double Response, ReadingFlag Flag, double? Concentration, double? Lower, double? Upper, string Display);
