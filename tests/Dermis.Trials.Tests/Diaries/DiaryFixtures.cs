using Dermis.Trials.Protocol;

namespace Dermis.Trials.Tests.Diaries;

/// <summary>The protocol diaries and time zones the diary tests share.</summary>
internal static class DiaryFixtures
{
    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static TimeZoneInfo Tokyo { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static TimeZoneInfo Sydney { get; } = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

    public static TimeZoneInfo[] Zones { get; } = [Berlin, NewYork, Tokyo, Sydney];

    /// <summary>Daily PP-NRS run-in diary: opens 18:00, closes 11:00 the next day, 4 of 7 days a week, 72 h offline grace.</summary>
    public static DiaryDefinition Itch { get; } = new("itch", "Daily itch", "ppnrs", 1, null, 365, new TimeOnly(18, 0), new TimeOnly(11, 0), 1, 4, 72);

    /// <summary>Weekly POEM from the anchor visit (day 1) to day 113, open all day and the next.</summary>
    public static DiaryDefinition Poem { get; } = new("poem", "Weekly eczema", "poem", 7, 1, 113, new TimeOnly(0, 0), new TimeOnly(23, 59), 1, 1, 72);

    public static DateOnly Date(int year, int month, int day) => new(year, month, day);

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int offsetHours) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));

    public static DiaryDefinition Opening(int hour, int minute, int closesHour = 11, int closesAfterDays = 1) =>
        Itch with { Opens = new TimeOnly(hour, minute), Closes = new TimeOnly(closesHour, 0), ClosesAfterDays = closesAfterDays };
}
