using Dermis.Sensing.Motion;
using Dermis.Sensing.Scratch;
using Dermis.Sensing.Sleep;

namespace Dermis.Sensing.Nights;

/// <summary>
/// One wrist-accelerometer night end to end (docs/sensing.md): sleep-opportunity window (van Hees
/// HDCZA style), activity index per minute, Cole–Kripke sleep/wake with Webster rescoring (a–c, as
/// SKDH), the sleep measures inside the window, and scratch events (hand-movement gate, then the
/// scratch classifier) inside the window, counted per hour of sleep opportunity.
/// </summary>
public static class NightAnalysis
{
    /// <summary>Analyses one night of triaxial acceleration in g at <paramref name="sampleRateHz"/> (the scratch detector's gate wants 20 Hz).</summary>
    /// <exception cref="ArgumentException">Fewer than 10 minutes of data, or the axes differ in length.</exception>
    public static NightAnalysisResult Analyse(float[] x, float[] y, float[] z, double sampleRateHz, ScratchDetector? detector = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (x.Length != y.Length || x.Length != z.Length)
        {
            throw new ArgumentException($"The axes differ in length: x {x.Length}, y {y.Length}, z {z.Length}.", nameof(x));
        }

        var seconds = x.Length / sampleRateHz;
        if (seconds < 600)
        {
            throw new ArgumentException($"A night needs at least 10 minutes of data; got {seconds:0.#} s.", nameof(x));
        }

        var window = SleepWindow.Detect(x, y, z, sampleRateHz);
        var (start, end) = window is null ? (0.0, seconds) : (window.StartSeconds, window.EndSeconds);
        var activity = ActivityIndex.Compute(x, y, z, sampleRateHz);
        var sleep = WebsterRescoring.Apply(ColeKripke.Classify(activity), WebsterRules.Skdh);
        var summary = NightlySleep.Summarise(sleep, window ?? new SleepWindow(start, end, double.NaN));
        var scratch = (detector ?? new ScratchDetector()).Detect(new AccelerometerNight(x, y, z, sampleRateHz));
        var inside = scratch.Events.Where(e => e.StartSeconds >= start && e.StartSeconds < end).ToList();
        var perHour = ScratchSummary.From(inside, (end - start) / 3600.0); // per hour of sleep opportunity, not of recording
        var measures = new NightMeasures(
            start,
            end,
            window is not null,
            summary.TotalSleepOpportunityMinutes,
            summary.TotalSleepTimeMinutes,
            summary.SleepEfficiency,
            summary.WakeAfterSleepOnsetMinutes,
            summary.SleepOnsetLatencyMinutes,
            summary.Awakenings,
            perHour.EventCount,
            perHour.TotalDurationSeconds,
            perHour.EventsPerHour,
            perHour.DurationSecondsPerHour,
            SensingInfo.AlgorithmVersion);
        return new NightAnalysisResult(measures, inside, sleep);
    }
}
