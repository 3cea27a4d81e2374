using Dermis.Trials.Diaries;
using static Dermis.Trials.Tests.Diaries.DiaryFixtures;

namespace Dermis.Trials.Tests.Diaries;

public sealed class DiaryAcceptanceTests
{
    // Berlin diary for 2026-03-28: opens 18:00 CET = 17:00Z, closes 2026-03-29 11:00 CEST = 09:00Z.
    private static readonly DiaryWindow _window = DiaryWindow.For(Itch, Date(2026, 3, 28), Berlin);

    private static DiaryDecision Decide(DateTimeOffset device, DateTimeOffset server, TimeSpan? ahead = null) =>
        DiaryAcceptance.Decide(_window, device, server, Itch.OfflineGraceHours, ahead);

    [Fact]
    public void Decide_entry_in_window_arriving_at_once_is_accepted_not_queued()
    {
        // Made 21:15 CET = 20:15Z, arrives 30 s later (≤ 2 min).
        var decision = Decide(At(2026, 3, 28, 21, 15, 1), Utc(2026, 3, 28, 20, 15).AddSeconds(30));

        Assert.Equal(new DiaryDecision(true, false, null, null), decision);
    }

    [Fact]
    public void Decide_entry_after_close_is_refused_closed_with_local_times()
    {
        // Made 14:02 CEST on 2026-03-29 = 12:02Z, 3 h 2 min after the 09:00Z close.
        var decision = Decide(At(2026, 3, 29, 14, 2, 2), Utc(2026, 3, 29, 12, 2));

        Assert.Equal(
            new DiaryDecision(false, false, "closed", "The diary for 2026-03-28 closed at 11:00 on 2026-03-29 (UTC+02:00); this entry was made at 14:02 on 2026-03-29. Entries cannot be made after the window closes."),
            decision);
    }

    [Fact]
    public void Decide_entry_at_the_closing_instant_is_refused()
    {
        // Closes is exclusive: 11:00:00 CEST = 09:00Z.
        Assert.Equal("closed", Decide(Utc(2026, 3, 29, 9), Utc(2026, 3, 29, 9)).Code);
    }

    [Fact]
    public void Decide_entry_before_open_is_refused_not_open_yet()
    {
        // Made 17:30 CET = 16:30Z, 30 min before the 17:00Z opening.
        var decision = Decide(At(2026, 3, 28, 17, 30, 1), Utc(2026, 3, 28, 16, 30));

        Assert.Equal(
            new DiaryDecision(false, false, "not-open-yet", "The diary for 2026-03-28 opens at 18:00 on 2026-03-28 (UTC+01:00); this entry was made at 17:30 on 2026-03-28. Please come back when the diary opens."),
            decision);
    }

    [Fact]
    public void Decide_offline_entry_arriving_30_hours_later_within_grace_is_accepted_and_queued()
    {
        // Made 10:00 CEST on 03-29 = 08:00Z (inside); arrives 08:00Z + 30 h = 2026-03-30 14:00Z,
        // 29 h after the 09:00Z close, within 72 h.
        var decision = Decide(At(2026, 3, 29, 10, 0, 2), Utc(2026, 3, 30, 14));

        Assert.Equal(new DiaryDecision(true, true, null, null), decision);
    }

    [Fact]
    public void Decide_offline_entry_arriving_at_end_of_grace_is_accepted()
    {
        // Grace ends 09:00Z + 72 h = 2026-04-01 09:00Z; "after" is strict.
        Assert.True(Decide(At(2026, 3, 29, 10, 0, 2), Utc(2026, 4, 1, 9)).Accepted);
    }

    [Fact]
    public void Decide_offline_entry_arriving_80_hours_after_close_is_refused()
    {
        // Arrives 09:00Z + 80 h = 2026-04-01 17:00Z = 19:00 CEST; grace ended 09:00Z + 72 h = 11:00 CEST on 04-01.
        var decision = Decide(At(2026, 3, 29, 10, 0, 2), Utc(2026, 4, 1, 17));

        Assert.Equal(
            new DiaryDecision(false, false, "offline-grace-exceeded", "This entry for the diary of 2026-03-28 was made at 10:00 on 2026-03-29 (UTC+02:00), inside the window, but it reached us at 19:00 on 2026-04-01. An entry saved on the phone without a connection must reach us within 72 hours after the diary closes, by 11:00 on 2026-04-01, so this one cannot be counted."),
            decision);
    }

    [Fact]
    public void Decide_offline_entry_made_before_the_dst_change_names_both_offsets()
    {
        // Made 22:00 CET on 03-28 = 21:00Z (+01); arrives 2026-04-02 09:00Z = 11:00 CEST (+02), 96 h after close.
        var decision = Decide(At(2026, 3, 28, 22, 0, 1), Utc(2026, 4, 2, 9));

        Assert.Equal(
            "This entry for the diary of 2026-03-28 was made at 22:00 on 2026-03-28 (UTC+01:00), inside the window, but it reached us at 11:00 on 2026-04-02 (UTC+02:00). An entry saved on the phone without a connection must reach us within 72 hours after the diary closes, by 11:00 on 2026-04-01, so this one cannot be counted.",
            decision.Reason);
    }

    [Fact]
    public void Decide_device_clock_10_minutes_ahead_is_refused()
    {
        // Server 20:00Z = 21:00 CET; phone says 20:10Z = 21:10 CET: 10 min > 5 min allowed.
        var decision = Decide(Utc(2026, 3, 28, 20, 10), Utc(2026, 3, 28, 20));

        Assert.Equal(
            new DiaryDecision(false, false, "device-clock-ahead", "This entry for the diary of 2026-03-28 is dated 21:10 on 2026-03-28 (UTC+01:00) by your phone, but it reached us at 21:00 on 2026-03-28. Your phone's clock is more than 5 minutes ahead: set it to the correct time (automatic date and time) and enter the diary again."),
            decision);
    }

    [Fact]
    public void Decide_device_clock_ahead_within_allowance_is_accepted()
    {
        // Phone 4 min ahead (≤ 5): accepted; server − device = −4 min, not queued.
        Assert.Equal(new DiaryDecision(true, false, null, null), Decide(Utc(2026, 3, 28, 20, 4), Utc(2026, 3, 28, 20)));

        // The same 4 min with an allowance of 3 min is refused.
        Assert.Equal("device-clock-ahead", Decide(Utc(2026, 3, 28, 20, 4), Utc(2026, 3, 28, 20), TimeSpan.FromMinutes(3)).Code);
    }

    [Fact]
    public void Decide_phone_clock_at_the_end_of_year_9999_is_refused_with_its_time_in_utc()
    {
        // 9999-12-31 23:59Z has no Berlin local time (it would be in year 10000): written at +00:00; the server's 20:00Z is 21:00 CET.
        var decision = Decide(DateTimeOffset.MaxValue, Utc(2026, 3, 28, 20));

        Assert.Equal(
            new DiaryDecision(false, false, "device-clock-ahead", "This entry for the diary of 2026-03-28 is dated 23:59 on 9999-12-31 (UTC+00:00) by your phone, but it reached us at 21:00 on 2026-03-28 (UTC+01:00). Your phone's clock is more than 5 minutes ahead: set it to the correct time (automatic date and time) and enter the diary again."),
            decision);
    }

    [Fact]
    public void Decide_clock_ahead_is_checked_before_the_window()
    {
        // A phone set a day ahead to fill tomorrow's diary early: 2026-03-29 20:00Z against server 03-28 20:00Z.
        Assert.Equal("device-clock-ahead", Decide(Utc(2026, 3, 29, 20), Utc(2026, 3, 28, 20)).Code);
    }

    [Fact]
    public void Decide_travelling_participant_is_judged_on_instants()
    {
        // The Berlin participant is in New York; the phone reports 16:15 EDT (−04) = 20:15Z, the same
        // instant as 21:15 CET. Same decision as at home.
        var home = Decide(At(2026, 3, 28, 21, 15, 1), Utc(2026, 3, 28, 20, 16));
        var away = Decide(At(2026, 3, 28, 16, 15, -4), Utc(2026, 3, 28, 20, 16));
        Assert.Equal(new DiaryDecision(true, false, null, null), away);
        Assert.Equal(home, away);

        // Late from New York: 10:02 EDT on 03-29 = 14:02Z; the reason uses Berlin time (16:02 CEST), as at home.
        var late = Decide(At(2026, 3, 29, 10, 2, -4), Utc(2026, 3, 29, 14, 2));
        Assert.Equal("The diary for 2026-03-28 closed at 11:00 on 2026-03-29 (UTC+02:00); this entry was made at 16:02 on 2026-03-29. Entries cannot be made after the window closes.", late.Reason);
        Assert.Equal(late, Decide(At(2026, 3, 29, 16, 2, 2), Utc(2026, 3, 29, 14, 2)));
    }

    [Fact]
    public void Decide_entry_made_in_window_arriving_3_minutes_later_is_queued()
    {
        // 20:15Z made, 20:18Z received: 3 min > 2 min.
        Assert.Equal(new DiaryDecision(true, true, null, null), Decide(Utc(2026, 3, 28, 20, 15), Utc(2026, 3, 28, 20, 18)));
    }

    [Fact]
    public void Decide_entry_arriving_just_after_close_is_queued()
    {
        // Made 08:59Z, received 09:00:30Z: only 90 s later, but after the 09:00Z close.
        Assert.Equal(new DiaryDecision(true, true, null, null), Decide(Utc(2026, 3, 29, 8, 59), Utc(2026, 3, 29, 9).AddSeconds(30)));
    }

    [Fact]
    public void Decide_window_rebuilt_without_zone_uses_window_offsets()
    {
        // Rebuilt from stored instants: times after Closes are shown in Closes' offset (+02).
        var stored = new DiaryWindow(Date(2026, 3, 28), At(2026, 3, 28, 18, 0, 1), At(2026, 3, 29, 11, 0, 2));

        var decision = DiaryAcceptance.Decide(stored, Utc(2026, 3, 29, 12, 2), Utc(2026, 3, 29, 12, 2), 72);

        Assert.Equal("The diary for 2026-03-28 closed at 11:00 on 2026-03-29 (UTC+02:00); this entry was made at 14:02 on 2026-03-29. Entries cannot be made after the window closes.", decision.Reason);
    }

    [Fact]
    public void Decide_negative_grace_or_allowance_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DiaryAcceptance.Decide(_window, Utc(2026, 3, 28, 20), Utc(2026, 3, 28, 20), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiaryAcceptance.Decide(_window, Utc(2026, 3, 28, 20), Utc(2026, 3, 28, 20), 72, TimeSpan.FromMinutes(-1)));
    }
}
