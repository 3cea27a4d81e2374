using System.Globalization;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Diaries;

/// <summary>
/// When the diary due on <see cref="Date"/> may be filled: from <see cref="Opens"/> (inclusive) to
/// <see cref="Closes"/> (exclusive). Both carry the participant's local UTC offset at that instant,
/// so they may differ when the window spans a daylight-saving change.
/// </summary>
/// <param name="Date">The due date, in the participant's local calendar.</param>
/// <param name="Opens">First instant an entry is accepted.</param>
/// <param name="Closes">First instant an entry is refused (anti-backfill).</param>
public sealed record DiaryWindow(DateOnly Date, DateTimeOffset Opens, DateTimeOffset Closes)
{
    /// <summary>The window of <paramref name="diary"/> due on <paramref name="date"/> for a participant living in <paramref name="zone"/>.</summary>
    /// <param name="diary">The protocol's diary: opens at <see cref="DiaryDefinition.Opens"/> local time on <paramref name="date"/>, closes at <see cref="DiaryDefinition.Closes"/> local time <see cref="DiaryDefinition.ClosesAfterDays"/> days later.</param>
    /// <param name="date">The due date (see <see cref="DiaryCalendar.DueDates"/>).</param>
    /// <param name="zone">The participant's time zone, e.g. <c>Europe/Berlin</c>.</param>
    /// <returns>
    /// The window. Its length follows the wall clock, not a fixed duration: 18:00 to 11:00 the next
    /// day is 17 h, but 16 h across a spring-forward night and 18 h across a fall-back night.
    /// </returns>
    /// <remarks>
    /// Daylight-saving edge cases: a protocol time that falls in a spring-forward gap (it never
    /// shows on the clock) moves forward by the gap, so 02:30 on the Europe/Berlin spring-forward
    /// day (2026-03-29) opens at 03:30+02:00 = 01:30Z. A time that shows twice on a fall-back day
    /// takes its first occurrence (the earlier instant, the daylight offset), so 02:30 on
    /// 2026-10-25 in Europe/Berlin is 02:30+02:00 = 00:30Z. A window shorter than a gap can therefore
    /// come out empty (<see cref="Closes"/> not after <see cref="Opens"/>) on that one night; no
    /// instant is then inside it.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="DiaryDefinition.ClosesAfterDays"/> is negative, or 0 with a closing time not after the opening time.</exception>
    public static DiaryWindow For(DiaryDefinition diary, DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(zone);
        if (diary.ClosesAfterDays < 0 || (diary.ClosesAfterDays == 0 && diary.Closes <= diary.Opens))
        {
            throw new ArgumentOutOfRangeException(
                nameof(diary),
                string.Create(CultureInfo.InvariantCulture, $"Diary '{diary.Id}' closes {diary.ClosesAfterDays} day(s) after its due date at {diary.Closes:HH:mm}, opening at {diary.Opens:HH:mm}: closesAfterDays must be 0 or more, and with 0 the closing time must be after the opening time."));
        }

        return new DiaryWindow(
            date,
            ZonedTime.Resolve(date, diary.Opens, zone),
            ZonedTime.Resolve(date.AddDays(diary.ClosesAfterDays), diary.Closes, zone))
        {
            Zone = zone,
        };
    }

    /// <summary>
    /// The participant's time zone the window was computed in (set by <see cref="For"/>), used to
    /// show times in messages; null for a window rebuilt from stored instants. Not part of equality:
    /// two windows are equal when they have the same date and the same opening and closing instants.
    /// </summary>
    public TimeZoneInfo? Zone { get; init; }

    /// <summary>The participant's UTC offset at <paramref name="instant"/>: from <see cref="Zone"/> when known, else the offset of <see cref="Opens"/> before <see cref="Closes"/> and of Closes from then on.</summary>
    public TimeSpan OffsetAt(DateTimeOffset instant) =>
        Zone?.GetUtcOffset(instant) ?? (instant < Closes ? Opens.Offset : Closes.Offset);

    /// <summary>Equal when the due date and the opening and closing instants are equal (offsets and <see cref="Zone"/> aside).</summary>
    public bool Equals(DiaryWindow? other) =>
        other is not null && Date == other.Date && Opens == other.Opens && Closes == other.Closes;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Date, Opens, Closes);

    /// <summary>Whether <paramref name="instant"/> lies in the window: <see cref="Opens"/> ≤ instant &lt; <see cref="Closes"/>, compared as instants whatever their offsets.</summary>
    public bool Contains(DateTimeOffset instant) => Opens <= instant && instant < Closes;
}
