namespace Dermis.Trials.Diaries;

/// <summary>Whether a diary entry is accepted, and if not, why (see <see cref="DiaryAcceptance.Decide"/>).</summary>
/// <param name="Accepted">True when the entry is kept.</param>
/// <param name="Queued">For an accepted entry: it reached the server more than 2 minutes after it was made, or after its window closed (it was held on the phone offline); false for a refused one.</param>
/// <param name="Code">Null when accepted; otherwise a stable kebab-case code for clients: <see cref="DiaryAcceptance.DeviceClockAhead"/>, <see cref="DiaryAcceptance.NotOpenYet"/>, <see cref="DiaryAcceptance.Closed"/> or <see cref="DiaryAcceptance.OfflineGraceExceeded"/>.</param>
/// <param name="Reason">Null when accepted; otherwise plain sentences the participant can read, with times in the window's local offset.</param>
public sealed record DiaryDecision(bool Accepted, bool Queued, string? Code, string? Reason)
{
    /// <summary>An accepted entry.</summary>
    /// <param name="queued">Whether it arrived late from an offline phone.</param>
    public static DiaryDecision Accept(bool queued) => new(true, queued, null, null);

    /// <summary>A refused entry.</summary>
    /// <param name="code">Stable code.</param>
    /// <param name="reason">What happened and what the participant can do.</param>
    public static DiaryDecision Refuse(string code, string reason) => new(false, false, code, reason);
}
