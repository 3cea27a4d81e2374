using System.Globalization;

namespace Dermis.Trials.Diaries;

/// <summary>
/// Anti-backfill rule for diary entries: an entry counts only when it was made inside its window
/// (by the phone's clock, checked against the server's) and reached the server within the
/// protocol's offline grace period after the window closed. Electronic diaries must not be
/// filled in retrospectively (EMA/INS/GCP/454280/2010, Reflection paper on expectations for
/// electronic source data and data transcribed to electronic data collection tools; FDA, Guidance
/// for Industry: Patient-Reported Outcome Measures, 2009).
/// </summary>
public static class DiaryAcceptance
{
    /// <summary>Code: the phone's clock is ahead of the server's by more than the allowance.</summary>
    public const string DeviceClockAhead = "device-clock-ahead";

    /// <summary>Code: the entry was made before the window opened.</summary>
    public const string NotOpenYet = "not-open-yet";

    /// <summary>Code: the entry was made after the window closed.</summary>
    public const string Closed = "closed";

    /// <summary>Code: made inside the window, but it reached the server after the offline grace period.</summary>
    public const string OfflineGraceExceeded = "offline-grace-exceeded";

    /// <summary>How far ahead of the server the phone's clock may run when no allowance is given: 5 minutes.</summary>
    public static TimeSpan DefaultAllowedClockAhead { get; } = TimeSpan.FromMinutes(5);

    /// <summary>An entry that reaches the server more than this after it was made was held on the phone (queued): 2 minutes.</summary>
    public static TimeSpan QueuedAfter { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Decides whether an entry for <paramref name="window"/> is accepted.</summary>
    /// <param name="window">The window of the due date the entry is for.</param>
    /// <param name="deviceTime">When the participant made the entry, by the phone's clock (any offset: a travelling participant's phone may show another zone; instants are compared).</param>
    /// <param name="serverTime">When the entry reached the server (from the server's <see cref="TimeProvider"/>).</param>
    /// <param name="offlineGraceHours">Hours after the window closes that an entry made inside it is still accepted (<see cref="Protocol.DiaryDefinition.OfflineGraceHours"/>), 0 or more.</param>
    /// <param name="allowedClockAhead">How far the phone's clock may run ahead of the server's, 0 or more; default <see cref="DefaultAllowedClockAhead"/>.</param>
    /// <returns>
    /// The first rule that fails, in this order: device time after server time + allowance
    /// (<see cref="DeviceClockAhead"/>, since a phone set forward could otherwise open tomorrow's
    /// window today); device time before <see cref="DiaryWindow.Opens"/> (<see cref="NotOpenYet"/>);
    /// device time at or after <see cref="DiaryWindow.Closes"/> (<see cref="Closed"/>); server time
    /// after Closes + grace (<see cref="OfflineGraceExceeded"/>). Otherwise accepted, queued when
    /// it arrived more than <see cref="QueuedAfter"/> after it was made or at/after Closes.
    /// </returns>
    /// <remarks>
    /// Times in a reason are the participant's local times (<see cref="DiaryWindow.OffsetAt"/>),
    /// not the phone's, so a travelling participant reads them in their home zone. The UTC offset
    /// follows the first time and again whenever it changes (a daylight-saving change in between).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offlineGraceHours"/> or <paramref name="allowedClockAhead"/> is negative.</exception>
    public static DiaryDecision Decide(DiaryWindow window, DateTimeOffset deviceTime, DateTimeOffset serverTime, int offlineGraceHours, TimeSpan? allowedClockAhead = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfNegative(offlineGraceHours);
        var ahead = allowedClockAhead ?? DefaultAllowedClockAhead;
        ArgumentOutOfRangeException.ThrowIfLessThan(ahead, TimeSpan.Zero, nameof(allowedClockAhead));

        var due = window.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var times = new LocalTimes(window);
        if (deviceTime > serverTime + ahead)
        {
            return DiaryDecision.Refuse(
                DeviceClockAhead,
                Text($"This entry for the diary of {due} is dated {times.At(deviceTime)} by your phone, but it reached us at {times.At(serverTime)}. Your phone's clock is more than {Minutes(ahead)} ahead: set it to the correct time (automatic date and time) and enter the diary again."));
        }

        if (deviceTime < window.Opens)
        {
            return DiaryDecision.Refuse(
                NotOpenYet,
                Text($"The diary for {due} opens at {times.At(window.Opens)}; this entry was made at {times.At(deviceTime)}. Please come back when the diary opens."));
        }

        if (deviceTime >= window.Closes)
        {
            return DiaryDecision.Refuse(
                Closed,
                Text($"The diary for {due} closed at {times.At(window.Closes)}; this entry was made at {times.At(deviceTime)}. Entries cannot be made after the window closes."));
        }

        var graceEnds = window.Closes.AddHours(offlineGraceHours);
        if (serverTime > graceEnds)
        {
            return DiaryDecision.Refuse(
                OfflineGraceExceeded,
                Text($"This entry for the diary of {due} was made at {times.At(deviceTime)}, inside the window, but it reached us at {times.At(serverTime)}. An entry saved on the phone without a connection must reach us within {offlineGraceHours} hours after the diary closes, by {times.At(graceEnds)}, so this one cannot be counted."));
        }

        var queued = serverTime - deviceTime > QueuedAfter || serverTime >= window.Closes;
        return DiaryDecision.Accept(queued);
    }

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes == 1 ? "1 minute" : Text($"{span.TotalMinutes:0.##} minutes");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
