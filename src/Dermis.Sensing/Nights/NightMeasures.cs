using Dermis.Sensing.Scratch;

namespace Dermis.Sensing.Nights;

/// <summary>
/// One participant-night's measures (docs/sensing.md): sleep opportunity, sleep and scratch, the
/// scratch measures also per hour of sleep opportunity, with the algorithm version that made them.
/// </summary>
/// <param name="WindowStartSeconds">Sleep-opportunity window start, s from the recording start (0 when no window was found and the whole recording was used).</param>
/// <param name="WindowEndSeconds">Window end, s from the recording start.</param>
/// <param name="WindowFound">False when no rest block was long enough and the whole recording stood in for the window.</param>
/// <param name="TotalSleepOpportunityMinutes">Length of the window, min.</param>
/// <param name="TotalSleepTimeMinutes">Sleep epochs in the window, min.</param>
/// <param name="SleepEfficiency">Total sleep time / total sleep opportunity, 0–1.</param>
/// <param name="WakeAfterSleepOnsetMinutes">Wake between the first and last sleep epoch, min.</param>
/// <param name="SleepOnsetLatencyMinutes">Window start to the first sleep epoch, min.</param>
/// <param name="Awakenings">Wake bouts between the first and last sleep epoch.</param>
/// <param name="ScratchEvents">Scratch events in the window.</param>
/// <param name="ScratchSeconds">Their total duration, s.</param>
/// <param name="ScratchEventsPerHour">Events per hour of sleep opportunity.</param>
/// <param name="ScratchSecondsPerHour">Scratch seconds per hour of sleep opportunity.</param>
/// <param name="AlgorithmVersion">The algorithm set that produced them (<see cref="SensingInfo.AlgorithmVersion"/>).</param>
public sealed record NightMeasures(
    double WindowStartSeconds,
    double WindowEndSeconds,
    bool WindowFound,
    double TotalSleepOpportunityMinutes,
    double TotalSleepTimeMinutes,
    double SleepEfficiency,
    double WakeAfterSleepOnsetMinutes,
    double SleepOnsetLatencyMinutes,
    int Awakenings,
    int ScratchEvents,
    double ScratchSeconds,
    double ScratchEventsPerHour,
    double ScratchSecondsPerHour,
    string AlgorithmVersion);

/// <summary>A night's measures with the detected scratch events (for the night view and the CLI's events file).</summary>
/// <param name="Measures">The measures.</param>
/// <param name="Events">Scratch events inside the window, s from the recording start.</param>
/// <param name="SleepPerMinute">Sleep (true) or wake per 60-s epoch from the recording start.</param>
public sealed record NightAnalysisResult(NightMeasures Measures, IReadOnlyList<ScratchEvent> Events, IReadOnlyList<bool> SleepPerMinute);
