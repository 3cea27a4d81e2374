namespace Dermis.Sensing.Sweat;

/// <summary>
/// The quality of one quantified sweat reading (biomarkers.md §2.1: report only inside [LLOQ, ULOQ]; "&lt; LOD", never 0).
/// One flag per reading; when several apply the first in this order wins: ChannelFailed, BelowLod, BeyondAsymptote,
/// AboveTopStandard, LowSweatVolume, BelowLoq, Ok.
/// </summary>
#pragma warning disable CA1711 // "Flag" is the domain word (a lab report's result flag) and the name storage and the server use; this is not a [Flags] enum.
public enum ReadingFlag : byte
#pragma warning restore CA1711
{
    /// <summary>Inside [LLOQ, ULOQ]: the concentration is reportable.</summary>
    Ok = 0,

    /// <summary>At or above the LOD but below the LLOQ (<see cref="CalibrationCurve.LowerLimitOfQuantification"/>): the concentration is an estimate, reported with this flag.</summary>
    BelowLoq = 1,

    /// <summary>Below the blank cut-off: reported as "&lt; LOD" with no concentration (never clipped to 0).</summary>
    BelowLod = 2,

    /// <summary>Above the response of the highest standard: reported as "&gt; ULOQ" with no concentration (the curve is not extrapolated).</summary>
    AboveTopStandard = 3,

    /// <summary>Outside the curve's asymptotes (4PL/5PL A and D), where the inverse does not exist; no concentration.</summary>
    BeyondAsymptote = 4,

    /// <summary>The raw value is not finite or is the reader's failed-channel marker; no concentration.</summary>
    ChannelFailed = 5,

    /// <summary>The sweat rate of the window is below the protocol's minimum: the concentration is reported but low-confidence (biomarkers.md §2.4, item 3).</summary>
    LowSweatVolume = 6,
}
