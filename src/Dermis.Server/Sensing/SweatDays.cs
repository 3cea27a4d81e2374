using Dermis.Storage.Trials;

namespace Dermis.Server.Sensing;

/// <summary>
/// Queues the sweat alert check of each local day a patch batch touches (the night-job queue with
/// source <c>sweat</c>): due at the participant's next local midnight after the day, or after the quiet
/// period when the batch arrives later, so a day's index is judged once its readings are in.
/// </summary>
internal static class SweatDays
{
    /// <summary>Enqueues the days of [<paramref name="start"/>, <paramref name="end"/>] in the batch's transaction.</summary>
    public static async Task EnqueueAsync(TrialStore store, DeviceRow device, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var participant = await store.GetParticipantAsync(device.StudyId, device.ScreeningNumber, cancellationToken);
        if (participant is null)
        {
            return;
        }

        var zone = Participation.ParticipantSession.ZoneOf(participant);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, zone).DateTime);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var dayEnd = Dermis.Trials.Diaries.ZonedTime.Resolve(day.AddDays(1), TimeOnly.MinValue, zone);
            var due = dayEnd > now + NightAnalysisWorker.QuietPeriod ? dayEnd : now + NightAnalysisWorker.QuietPeriod;
            await store.EnqueueNightJobAsync(participant.Id, UtcText.Format(day), "sweat", UtcText.Format(due), cancellationToken);
        }
    }
}
