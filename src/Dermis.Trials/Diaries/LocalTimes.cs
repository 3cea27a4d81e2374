using System.Globalization;

namespace Dermis.Trials.Diaries;

/// <summary>
/// Writes instants as a participant reads them, "11:00 on 2026-03-29 (UTC+02:00)", in the
/// window's zone; the offset is written for the first time and again only when it changes, so a
/// reason stays short yet every time in it names one instant.
/// </summary>
internal sealed class LocalTimes(DiaryWindow window)
{
    private TimeSpan? _lastOffset;

    /// <summary>"HH:mm on yyyy-MM-dd", followed by " (UTC±hh:mm)" when the offset differs from the previous time's.</summary>
    public string At(DateTimeOffset instant)
    {
        var offset = window.OffsetAt(instant);
        var localTicks = instant.UtcTicks + offset.Ticks;
        if (localTicks < 0 || localTicks > DateTime.MaxValue.Ticks)
        {
            // A phone clock set to the first or last hours of year 1 or 9999 has no local time to shift to; UTC still names the instant.
            offset = TimeSpan.Zero;
        }

        var local = instant.ToOffset(offset);
        var text = local.ToString("HH:mm 'on' yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (offset == _lastOffset)
        {
            return text;
        }

        _lastOffset = offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return text + " (UTC" + sign + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture) + ")";
    }
}
