namespace Dermis.Sensing.Scratch;

/// <summary>
/// Nightly scratch measures from a list of events: count, total duration and both per hour of recording
/// (Mahadevan 2021 Table 4, doi:10.1038/s41746-021-00402-x; per-hour normalisation as in Avey et al., JMIR 2025;27:e72216).
/// Pass the total sleep opportunity as the recording when it is known, so the denominator is TSO as §1.1 recommends.
/// </summary>
public sealed record ScratchSummary
{
    /// <summary>A summary of <paramref name="eventCount"/> events lasting <paramref name="totalDurationSeconds"/> over <paramref name="recordingHours"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count or duration is negative, or the recording is not &gt; 0 h.</exception>
    public ScratchSummary(int eventCount, double totalDurationSeconds, double recordingHours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventCount);
        if (!double.IsFinite(totalDurationSeconds) || totalDurationSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalDurationSeconds), totalDurationSeconds, "The total duration must be finite and ≥ 0 s.");
        }

        if (!double.IsFinite(recordingHours) || recordingHours <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(recordingHours), recordingHours, "The recording must be finite and > 0 h.");
        }

        EventCount = eventCount;
        TotalDurationSeconds = totalDurationSeconds;
        RecordingHours = recordingHours;
    }

    /// <summary>Number of scratch events.</summary>
    public int EventCount { get; }

    /// <summary>Sum of event durations, s.</summary>
    public double TotalDurationSeconds { get; }

    /// <summary>Denominator of the per-hour measures, h.</summary>
    public double RecordingHours { get; }

    /// <summary>Events per hour of recording.</summary>
    public double EventsPerHour => EventCount / RecordingHours;

    /// <summary>Scratch seconds per hour of recording (Avey 2025 reports 13.1 s/h in healthy adults).</summary>
    public double DurationSecondsPerHour => TotalDurationSeconds / RecordingHours;

    /// <summary>Percentage of the recording spent scratching (Ebata 1999's TST%).</summary>
    public double PercentTime => 100.0 * TotalDurationSeconds / (RecordingHours * 3600.0);

    /// <summary>Summarises <paramref name="events"/> over <paramref name="recordingHours"/> hours.</summary>
    /// <param name="events">Scratch events; each counted once, overlaps are not merged.</param>
    /// <param name="recordingHours">Denominator, h; &gt; 0.</param>
    public static ScratchSummary From(IReadOnlyList<ScratchEvent> events, double recordingHours)
    {
        ArgumentNullException.ThrowIfNull(events);
        double total = 0;
        for (int i = 0; i < events.Count; i++)
        {
            total += events[i].DurationSeconds;
        }

        return new ScratchSummary(events.Count, total, recordingHours);
    }
}
