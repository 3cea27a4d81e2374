namespace Dermis.Trials.Diaries;

/// <summary>
/// Turns a wall-clock date and time in a time zone into an instant, with one fixed rule for the
/// two daylight-saving edge cases, so that every diary window of a protocol is computed the same way.
/// </summary>
public static class ZonedTime
{
    /// <summary>The instant at which the clocks of <paramref name="zone"/> show <paramref name="time"/> on <paramref name="date"/>.</summary>
    /// <returns>The instant, carrying the zone's UTC offset in force at that instant.</returns>
    /// <remarks>
    /// A time in a spring-forward gap (it never shows on the clock) moves forward by the length of
    /// the gap: it is read with the offset in force before the gap, so 02:30 on the Europe/Berlin
    /// spring-forward day is 01:30Z, shown as 03:30+02:00. A time that shows twice (fall-back)
    /// takes its first occurrence, the earlier instant with the daylight offset: 02:30 on the
    /// Europe/Berlin fall-back day is 00:30Z (02:30+02:00), not 01:30Z (02:30+01:00).
    /// </remarks>
    public static DateTimeOffset Resolve(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // A gap is a forward jump, so the offset in force a day earlier is the one before it
            // (no zone has two transitions within 24 hours).
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // The larger offset gives the earlier instant: the first time the clock shows it.
            offset = TimeSpan.MinValue;
            foreach (var candidate in zone.GetAmbiguousTimeOffsets(local))
            {
                offset = candidate > offset ? candidate : offset;
            }
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, offset), zone);
    }
}
