using System.Globalization;
using System.Text.Json;
using Dermis.Sensing.Vitals;
using Dermis.Server.Hosting;
using Dermis.Server.Participation;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Sensing;

/// <summary>
/// Nightly respiration and heart rate from a bedside radio box's chest-displacement batches
/// (docs/sensing-vitals.md): the same night span as the wristband (18:00 to 12:00 local), batches laid
/// out in time order with the earlier batch kept where two overlap and gaps held at the last value
/// (a held value has no breathing, so those windows are not usable and count against the night's
/// quality). Stored as a night summary under the vitals algorithm version, beside the wristband's.
/// </summary>
internal static class RadioNights
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Analyses and stores the radio night of <paramref name="night"/>; returns its audit record (caller commits).</summary>
    public static async Task<AuditEvent> AnalyseAsync(TrialStore store, ParticipantRow row, DateOnly night, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, to) = NightWindows.Of(night, ParticipantSession.ZoneOf(row));
        var batches = await store.ListSensorBatchesAsync(row.Id, "radioDisplacement", UtcText.Format(from), UtcText.Format(to), withSamples: true, cancellationToken);
        if (batches.Count == 0)
        {
            throw new NotFoundException($"No radio data for the night of {night:yyyy-MM-dd}.");
        }

        var layout = NightLayout.Of(batches, from, to, [0f]);
        var (signal, rate, start, end) = (layout.Channels[0], layout.RateHz, layout.Start, layout.End);
        RadioNightResult result;
        try
        {
            result = RadioNightAnalysis.Analyse(signal, rate);
        }
        catch (ArgumentException e)
        {
            throw new DomainRuleException("too-little-data", $"The radio night of {night:yyyy-MM-dd}: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        var vitals = result.Vitals;
        var measures = JsonSerializer.Serialize(new { vitals, motionBouts = result.MotionBouts.Count, gapSeconds = layout.GapSeconds, batches = batches.Count, recordingStart = start, recordingEnd = end }, Json);
        await store.SaveNightSummaryAsync(new NightSummaryRow
        {
            ParticipantId = row.Id,
            NightDate = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AlgorithmVersion = RadioNightAnalysis.AlgorithmVersion,
            WindowStartUtc = UtcText.Format(start),
            WindowEndUtc = UtcText.Format(end),
            Measures = measures,
            ComputedAt = UtcText.Format(now),
            Trace = JsonSerializer.Serialize(new { windows = result.Windows, motionBouts = result.MotionBouts }, Json),
        }, cancellationToken);
        return new AuditEvent(row.SiteId, row.ScreeningNumber, "night", $"{row.ScreeningNumber}/{night:yyyy-MM-dd}/radio", null, "analyse", null, measures, RadioNightAnalysis.AlgorithmVersion);
    }
}
