using Dermis.Trials.Diaries;
using Dermis.Trials.Protocol;
using static Dermis.Trials.Tests.Diaries.DiaryFixtures;

namespace Dermis.Trials.Tests.Diaries;

public sealed class DiaryWindowPropertyTests
{
    private const int Cases = 400;
    private static readonly DateOnly _first = Date(2026, 1, 1);
    private static readonly int _days = Date(2027, 12, 31).DayNumber - _first.DayNumber + 1; // 365 + 365 = 730

    [Fact]
    public void For_random_dates_zones_and_times_keeps_protocol_times()
    {
        var random = new Random(20260329);
        int gaps = 0, ambiguous = 0;
        for (var i = 0; i < Cases; i++)
        {
            var zone = Zones[random.Next(Zones.Length)];
            var date = PickDate(random, zone);
            var diary = PickDiary(random);
            var window = DiaryWindow.For(diary, date, zone);
            var nominal = TimeSpan.FromDays(diary.ClosesAfterDays) + Difference(diary.Opens, diary.Closes);
            var context = $"case {i}: {zone.Id} {date:yyyy-MM-dd} opens {diary.Opens:HH:mm} closes {diary.Closes:HH:mm} +{diary.ClosesAfterDays}d";

            Assert.True(window.Closes > window.Opens, context);

            // Every DST shift in these zones is 1 h, so a window is at most 1 h off its wall-clock length.
            Assert.True((window.Closes - window.Opens - nominal).Duration() <= TimeSpan.FromHours(1), context);

            (gaps, ambiguous) = CheckLocal(window.Opens, date, diary.Opens, zone, context, gaps, ambiguous);
            (gaps, ambiguous) = CheckLocal(window.Closes, date.AddDays(diary.ClosesAfterDays), diary.Closes, zone, context, gaps, ambiguous);
        }

        // The seed must exercise both DST edge cases, or the property proves nothing about them.
        Assert.True(gaps > 0, $"{gaps} gap times");
        Assert.True(ambiguous > 0, $"{ambiguous} ambiguous times");
    }

    private static (int Gaps, int Ambiguous) CheckLocal(DateTimeOffset instant, DateOnly date, TimeOnly time, TimeZoneInfo zone, string context, int gaps, int ambiguous)
    {
        var wanted = date.ToDateTime(time);
        var shown = TimeZoneInfo.ConvertTime(instant, zone);

        // The instant carries the zone's offset at that instant.
        Assert.True(shown.EqualsExact(instant), context);
        if (zone.IsInvalidTime(wanted))
        {
            // Gap: forward by the 1 h gap.
            Assert.Equal(wanted.AddHours(1), shown.DateTime);
            return (gaps + 1, ambiguous);
        }

        Assert.Equal(wanted, shown.DateTime);
        if (zone.IsAmbiguousTime(wanted))
        {
            // First occurrence: the larger (daylight) of the two offsets.
            Assert.Equal(zone.GetAmbiguousTimeOffsets(wanted).Max(), instant.Offset);
            return (gaps, ambiguous + 1);
        }

        return (gaps, ambiguous);
    }

    // A uniform date in 2026–2027, or one time in four a DST change day of the zone (±1 day), where the edge cases live.
    private static DateOnly PickDate(Random random, TimeZoneInfo zone)
    {
        var changes = ChangeDays(zone);
        if (changes.Count > 0 && random.Next(4) == 0)
        {
            return changes[random.Next(changes.Count)].AddDays(random.Next(-1, 2));
        }

        return _first.AddDays(random.Next(_days));
    }

    // One time in three the itch protocol (18:00 → 11:00 next day), else random times, one time in two
    // within 01:00–03:59 where DST changes happen; at least 2 h nominal so the window cannot invert.
    private static DiaryDefinition PickDiary(Random random)
    {
        if (random.Next(3) == 0)
        {
            return Itch;
        }

        while (true)
        {
            var opens = PickTime(random);
            var closes = PickTime(random);
            var after = random.Next(3);
            if (TimeSpan.FromDays(after) + Difference(opens, closes) >= TimeSpan.FromHours(2))
            {
                return Itch with { Opens = opens, Closes = closes, ClosesAfterDays = after };
            }
        }
    }

    // Signed: TimeOnly's own subtraction wraps around midnight (02:01 − 20:33 = 5:28, not −18:32).
    private static TimeSpan Difference(TimeOnly from, TimeOnly to) => to.ToTimeSpan() - from.ToTimeSpan();

    private static TimeOnly PickTime(Random random) =>
        random.Next(2) == 0 ? new TimeOnly(0, 0).AddMinutes(random.Next(24 * 60)) : new TimeOnly(1, 0).AddMinutes(random.Next(3 * 60));

    private static List<DateOnly> ChangeDays(TimeZoneInfo zone)
    {
        var days = new List<DateOnly>();
        for (var d = 0; d < _days; d++)
        {
            var date = _first.AddDays(d);
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (zone.GetUtcOffset(start) != zone.GetUtcOffset(start.AddDays(1)))
            {
                days.Add(date);
            }
        }

        return days;
    }
}
