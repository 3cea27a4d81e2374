using System.Globalization;
using Dermis.Trials.Diaries;

namespace Dermis.Server.Demo;

/// <summary>At home: the evening itch diary, weekly POEM and four-weekly DLQI through the participant app's API, with realistic gaps.</summary>
public sealed partial class DemoSeeder
{
    private static bool DiaryDay(DemoParticipant p, DateOnly day) =>
        p.ActivatedOn is { } activated && day > activated && p.App is not null && day <= (p.DiariesUntil ?? p.ScreenedOn.AddDays(40));

    private async Task DiariesAsync(DemoParticipant p, DateOnly day, CancellationToken ct)
    {
        // Holidays leave runs of missed days.
        if (InGap(p, day))
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(p.Site.TimeZone);
        // The phone's clock a couple of minutes behind the server's, with the participant's UTC offset.
        var device = TimeZoneInfo.ConvertTime(_clock.GetUtcNow().AddMinutes(-2), zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var studyDay = day.DayNumber - p.BaselineOn.DayNumber;
        var random = new Random(DemoSeed.Of(p.Seed, day.DayNumber, 5));
        // Adherence falls by about a sixth over the year.
        var adherence = p.Adherence * (1 - (0.16 * Math.Clamp(studyDay, 0, 365) / 365.0));
        var anchor = p.Arm is null ? (DateOnly?)null : p.BaselineOn;
        foreach (var diary in _protocol.Diaries)
        {
            if (!DiaryCalendar.IsDue(diary, p.ActivatedOn, anchor, null, day) || random.NextDouble() >= adherence + (diary.Id == "itch" ? 0 : 0.05))
            {
                continue;
            }

            object answers = diary.Instrument switch
            {
                "ppnrs" => new { worstItch = DemoTrajectory.DailyItch(p, studyDay) },
                "poem" => DemoForms.Poem(DemoTrajectory.Poem(p, studyDay)),
                _ => DemoForms.Dlqi(DemoTrajectory.Dlqi(p, studyDay)),
            };
            var clientEntryId = string.Create(CultureInfo.InvariantCulture, $"demo-{p.Index}-{diary.Id}-{day:yyyyMMdd}");
            await _api.PostAsync(p.App!, $"/api/me/diaries/{diary.Id}/{Date(day)}", new { clientEntryId, deviceTime = device, answers }, ct);
            Interlocked.Increment(ref _diaryEntries);
        }
    }

    /// <summary>
    /// Electronic consent in the app (every fourth participant and each site's first): the comprehension
    /// answers, typed name and PIN, then the investigator's countersignature with their password.
    /// </summary>
    private async Task ElectronicConsentAsync(DemoParticipant p, CancellationToken ct)
    {
        if (p.App is null)
        {
            return;
        }

        var document = _protocol.CurrentConsentDocument!;
        var answers = document.Questions.ToDictionary(q => q.Id, q => q.Answer, StringComparer.Ordinal);
        var signed = await _api.PostAsync(p.App, "/api/me/consent", new { answers, typedName = $"Participant {p.Number}", pin = DemoAccounts.Pin }, ct);
        await _api.PostAsync(_api.For(DemoAccounts.Investigator(p.Site.Id)), $"{P(p)}/econsents/{signed.GetProperty("id").GetInt64()}/countersign",
            new { password = DemoAccounts.Password }, ct);
    }

    /// <summary>Whether <paramref name="day"/> falls in one of the participant's 4–12-day breaks (about one every 80 days).</summary>
    private bool InGap(DemoParticipant p, DateOnly day) =>
        _gaps.GetOrAdd(p, static (q, range) => GapDays(q, range.First, range.Last), (First: _first.DayNumber - 12, Last: _last.DayNumber)).Contains(day.DayNumber);

    /// <summary>
    /// The participant's break days between two day numbers: a break may start on any day (chance 1/80,
    /// from that day's own seed) and lasts 4–12 days. Drawn once per participant rather than re-drawn
    /// for each of the 13 possible start days on every diary day (about a million generators per demo).
    /// </summary>
    private static HashSet<int> GapDays(DemoParticipant p, int firstStart, int lastDay)
    {
        var days = new HashSet<int>();
        for (var start = firstStart; start <= lastDay; start++)
        {
            var random = new Random(DemoSeed.Of(p.Seed, start, 6));
            if (random.NextDouble() < 1 / 80.0)
            {
                var length = 4 + random.Next(9);
                for (var d = start; d < start + length; d++)
                {
                    days.Add(d);
                }
            }
        }

        return days;
    }
}
