using System.Globalization;
using System.Security.Cryptography;
using Dermis.Sensing.Ingest;
using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Sensing;

/// <summary>What the server says about a stored batch.</summary>
/// <param name="Batch">The device's batch id.</param>
/// <param name="Kind">accelerometer or radioDisplacement.</param>
/// <param name="Samples">Samples per channel.</param>
/// <param name="Start">First sample.</param>
/// <param name="End">Just after the last sample.</param>
/// <param name="Duplicate">True when this batch was already stored (a retry): nothing was added.</param>
/// <param name="GapBeforeSeconds">Time from the end of the previous batch to this one's start (positive: samples missing), or null for the first batch.</param>
/// <param name="OverlapSeconds">Time this batch overlaps its neighbours (both kept, never merged; analysis uses the earlier-received samples).</param>
/// <param name="OutOfOrder">True when a later batch had already arrived.</param>
internal sealed record IngestReceipt(string Batch, string Kind, int Samples, DateTimeOffset Start, DateTimeOffset End, bool Duplicate, double? GapBeforeSeconds, double OverlapSeconds, bool OutOfOrder);

/// <summary>
/// Device ingest (docs/sensing.md): <c>POST /api/devices/{serial}/samples</c> with the device's token
/// from pairing (<c>Authorization: Device &lt;token&gt;</c>). A batch is acknowledged only once its
/// transaction has committed; a retry with the same batch id and bytes is acknowledged again without
/// adding anything; the same id with other bytes is refused. Gaps, overlaps and out-of-order arrival
/// are measured against the neighbouring batches and reported, never merged away.
/// </summary>
internal static class DeviceIngestEndpoints
{
    public static IEndpointRouteBuilder MapDeviceIngest(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/devices/{serial}/samples", IngestAsync).AllowAnonymous().WithTags("Devices")
            .WithSummary("Store a batch of accelerometer or radio samples (application/vnd.dermis.samples, or text/csv with ?batch=ID); Authorization: Device <token>.");
        return routes;
    }

    private static async Task<IResult> IngestAsync(string serial, string? batch, HttpContext http, DermisDatabase database, TimeProvider time)
    {
        var token = DeviceTokens.Require(http);
        SampleBatch parsed;
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            body = buffer.ToArray();
        }

        var now = time.GetUtcNow();
        await using var store = await TrialStore.BeginAsync(database, write: true, http.RequestAborted);
        var device = await DeviceTokens.FindAsync(store, token, serial, http.RequestAborted);
        try
        {
            parsed = http.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true
                ? SampleBatchFormat.ReadCsv(new StringReader(System.Text.Encoding.UTF8.GetString(body)), batch ?? throw new FormatException("batch: a CSV batch needs ?batch=<id> (1–32 letters, digits, '-' or '_')"))
                : SampleBatchFormat.Read(body);
        }
        catch (FormatException e)
        {
            // The format's messages start with the field ("sample rate: 5000 Hz is outside …"); any other is the body's.
            var colon = e.Message.IndexOf(':', StringComparison.Ordinal);
            var (field, problem) = colon > 0 ? (e.Message[..colon], e.Message[(colon + 1)..].Trim()) : ("body", e.Message);
            throw new BadInputException("Sample batch refused", [new(field, problem)]);
        }

        var expectedKind = device.Kind == "radio" ? SampleKind.RadioDisplacement : device.Kind == "wristband" ? SampleKind.Accelerometer : (SampleKind?)null;
        if (expectedKind != parsed.Kind)
        {
            throw new BadInputException("Sample batch refused", [new("kind", $"a {device.Kind} sends {(expectedKind is null ? "readings to /readings, not samples" : Names.Of(expectedKind.Value))}")]);
        }

        var samples = new byte[parsed.Samples.Length * 4];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(parsed.Samples.AsSpan()).CopyTo(samples);
        var sha = Convert.ToHexStringLower(SHA256.HashData(samples));
        var start = DateTimeOffset.FromUnixTimeMilliseconds(0).AddTicks(parsed.StartUnixMicros * 10);
        var end = DateTimeOffset.FromUnixTimeMilliseconds(0).AddTicks(parsed.EndUnixMicros * 10);
        var kind = Names.Of(parsed.Kind);
        if (await store.FindSensorBatchAsync(device.Id, parsed.BatchId, http.RequestAborted) is { } stored)
        {
            if (stored.Sha256 != sha || stored.StartUtc != UtcText.Format(start))
            {
                throw new DomainRuleException("batch-id-reused", $"Batch {parsed.BatchId} of device {device.Serial} was stored at {stored.ReceivedAt} with other samples; give each batch its own id.");
            }

            return TypedResults.Ok(new IngestReceipt(parsed.BatchId, kind, parsed.Count, start, end, true, null, 0, false));
        }

        var previous = await store.PreviousSensorBatchAsync(device.ParticipantId, kind, UtcText.Format(start), http.RequestAborted);
        var next = await store.NextSensorBatchAsync(device.ParticipantId, kind, UtcText.Format(start), http.RequestAborted);
        double? gap = previous is null ? null : (start - UtcText.Parse(previous.EndUtc)).TotalSeconds;
        var overlap = Math.Max(0, -(gap ?? 0)) + (next is null ? 0 : Math.Max(0, (end - UtcText.Parse(next.StartUtc)).TotalSeconds));
        await store.InsertSensorBatchAsync(new SensorBatchRow
        {
            DeviceId = device.Id, ParticipantId = device.ParticipantId, BatchId = parsed.BatchId, Kind = kind, StartUtc = UtcText.Format(start), EndUtc = UtcText.Format(end),
            SampleRate = parsed.SampleRateHz, SampleCount = parsed.Count, Channels = parsed.Channels, Sha256 = sha, Samples = samples, ReceivedAt = UtcText.Format(now),
        }, http.RequestAborted);
        await EnqueueNightsAsync(store, device, parsed.Kind, start, end, now, http.RequestAborted);
        store.Audit(device.StudyId, new AuditEvent(device.SiteId, device.ScreeningNumber, "device", $"{device.ScreeningNumber}/{device.Serial}/{parsed.BatchId}", null, "ingest", null,
            string.Create(CultureInfo.InvariantCulture, $"{kind} {parsed.Count} samples at {parsed.SampleRateHz} Hz from {UtcText.Format(start)}, sha256 {sha}"), null));
        // Acknowledged only after the commit: a batch the device sees as stored is durable.
        await store.CommitAsync($"device:{device.Serial}", null, AuditSource.Device, now, http.RequestAborted);
        return TypedResults.Created($"/api/devices/{device.Serial}/samples/{parsed.BatchId}",
            new IngestReceipt(parsed.BatchId, kind, parsed.Count, start, end, false, gap, overlap, next is not null));
    }

    /// <summary>
    /// Queues every night the batch touches for analysis, in the batch's transaction (so an acknowledged
    /// batch always has its night queued): due when the night has ended and no batch came for the quiet period.
    /// </summary>
    private static async Task EnqueueNightsAsync(TrialStore store, DeviceRow device, SampleKind kind, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var participant = await store.GetParticipantAsync(device.StudyId, device.ScreeningNumber, cancellationToken);
        if (participant is null)
        {
            return;
        }

        var zone = Participation.ParticipantSession.ZoneOf(participant);
        var source = kind == SampleKind.Accelerometer ? "wristband" : "radio";
        foreach (var night in NightWindows.Touching(start, end, zone))
        {
            var nightEnd = NightWindows.Of(night, zone).To;
            var due = nightEnd > now + NightAnalysisWorker.QuietPeriod ? nightEnd : now + NightAnalysisWorker.QuietPeriod;
            await store.EnqueueNightJobAsync(participant.Id, UtcText.Format(night), source, UtcText.Format(due), cancellationToken);
        }
    }
}
