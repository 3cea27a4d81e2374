using Dermis.Trials.Diaries;

namespace Dermis.Server.Sensing;

/// <summary>
/// Which local night a sample belongs to (docs/sensing.md): the night of a local date runs from 18:00
/// that evening to 12:00 the next day in the participant's time zone, so late risers and night-shift
/// sleep stay in one night and the afternoon between nights belongs to none.
/// </summary>
internal static class NightWindows
{
    /// <summary>Local evening start of a night.</summary>
    public static readonly TimeOnly EveningStart = new(18, 0);

    /// <summary>Local end of a night, the next day.</summary>
    public static readonly TimeOnly MorningEnd = new(12, 0);

    /// <summary>The UTC span of the night of <paramref name="night"/> in <paramref name="zone"/> (DST gaps move forward, as diary windows do).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Of(DateOnly night, TimeZoneInfo zone) =>
        (ZonedTime.Resolve(night, EveningStart, zone), ZonedTime.Resolve(night.AddDays(1), MorningEnd, zone));

    /// <summary>The nights that the span [<paramref name="start"/>, <paramref name="end"/>) overlaps, in date order.</summary>
    public static List<DateOnly> Touching(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var nights = new List<DateOnly>();
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, zone).DateTime);
        for (var night = first; night <= last; night = night.AddDays(1))
        {
            var (from, to) = Of(night, zone);
            if (start < to && end > from)
            {
                nights.Add(night);
            }
        }

        return nights;
    }
}
