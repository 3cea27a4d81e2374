using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dermis.Instruments.Scoring;
using Dermis.Sensing.Sweat;
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

/// <summary>One channel of a patch: a cytokine's sensor at a skin location.</summary>
/// <param name="Cytokine">Cytokine (IL-1β, IL-6, IL-8, TNF-α, IL-31 or another name).</param>
/// <param name="Location">Skin location, e.g. "left antecubital fossa".</param>
/// <param name="Lesional">Whether the location is lesional skin.</param>
internal sealed record SweatChannel(string Cytokine, string Location, bool Lesional);

/// <summary>A reading as the patch sends it.</summary>
/// <param name="Time">When (ISO 8601 with offset).</param>
/// <param name="Channel">Index into the batch's channels.</param>
/// <param name="Response">Raw response (e.g. impedance change ΔZ/Z₀, %); null when the channel failed.</param>
/// <param name="TemperatureC">Patch temperature, °C, if measured (10–45).</param>
/// <param name="SweatRate">Sweat rate, µL/min/cm², if measured (0–20).</param>
internal sealed record SweatReadingIn(DateTimeOffset? Time, int? Channel, double? Response, double? TemperatureC, double? SweatRate);

/// <summary>A batch of patch readings.</summary>
/// <param name="BatchId">The patch's id for the batch (a retry reuses it).</param>
/// <param name="Lot">Sensor lot, which names the calibration.</param>
/// <param name="Channels">The patch's channels.</param>
/// <param name="Readings">Readings, any order.</param>
internal sealed record SweatBatchIn(string? BatchId, string? Lot, List<SweatChannel>? Channels, List<SweatReadingIn>? Readings);

/// <summary>What the server says about a stored batch of readings.</summary>
/// <param name="Batch">The batch id.</param>
/// <param name="Readings">Readings stored.</param>
/// <param name="FailedReadings">Readings of a failed channel (no response), stored and flagged.</param>
/// <param name="Start">Earliest reading.</param>
/// <param name="End">Latest reading.</param>
/// <param name="Duplicate">True when the batch was already stored (a retry): nothing was added.</param>
internal sealed record SweatReceipt(string Batch, int Readings, int FailedReadings, DateTimeOffset Start, DateTimeOffset End, bool Duplicate);

/// <summary>
/// Patch ingest (docs/sweat.md): <c>POST /api/devices/{serial}/readings</c> with the patch's token,
/// a JSON batch of raw readings per channel. Acknowledged only once committed; a retry with the same
/// batch id and content is acknowledged again without adding anything; the same id with other content
/// is refused. Raw responses are stored, never concentrations, so a new calibration re-derives them.
/// </summary>
internal static partial class SweatIngestEndpoints
{
    private const int MaxReadings = 100_000;
    private const int MaxChannels = 64;

    public static IEndpointRouteBuilder MapSweatIngest(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/devices/{serial}/readings", IngestAsync).AllowAnonymous().WithTags("Devices")
            .WithSummary("Store a batch of sweat-patch readings (JSON: batchId, lot, channels, readings); Authorization: Device <token>.");
        return routes;
    }

    private static async Task<IResult> IngestAsync(string serial, HttpContext http, DermisDatabase database, TimeProvider time)
    {
        var token = DeviceTokens.Require(http);
        SweatBatchIn? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SweatBatchIn>(http.Request.Body, JsonOptions, http.RequestAborted);
        }
        catch (JsonException e)
        {
            throw BadInputException.Field(e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body", $"is not valid JSON for a readings batch ({e.Message.Split(". Path", 2)[0]})");
        }

        var now = time.GetUtcNow();
        await using var store = await TrialStore.BeginAsync(database, write: true, http.RequestAborted);
        var device = await DeviceTokens.FindAsync(store, token, serial, http.RequestAborted);
        if (device.Kind != "sweatPatch")
        {
            throw new BadInputException("Readings refused", [new FieldError("kind", $"a {device.Kind} sends samples to /samples, not readings")]);
        }

        var (batch, records) = Validate(body, now);
        var packed = SweatReadingRecords.Pack(records);
        var channels = JsonSerializer.Serialize(batch.Channels, JsonOptions);
        var sha = Convert.ToHexStringLower(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(batch.Lot + "\n" + channels + "\n"), .. packed]));
        var start = DateTimeOffset.UnixEpoch.AddTicks(records.Min(r => r.UnixMicros) * 10);
        var end = DateTimeOffset.UnixEpoch.AddTicks(records.Max(r => r.UnixMicros) * 10);
        var failed = records.Count(r => float.IsNaN(r.Response));
        if (await store.FindSweatBatchAsync(device.Id, batch.BatchId!, http.RequestAborted) is { } stored)
        {
            if (stored.Sha256 != sha)
            {
                throw new DomainRuleException("batch-id-reused", $"Batch {batch.BatchId} of patch {device.Serial} was stored at {stored.ReceivedAt} with other readings; give each batch its own id.");
            }

            return TypedResults.Ok(new SweatReceipt(batch.BatchId!, records.Count, failed, start, end, true));
        }

        await store.InsertSweatBatchAsync(new SweatBatchRow
        {
            DeviceId = device.Id, ParticipantId = device.ParticipantId, BatchId = batch.BatchId!, Lot = batch.Lot!, Channels = channels, StartUtc = UtcText.Format(start),
            EndUtc = UtcText.Format(end), ReadingCount = records.Count, Sha256 = sha, Readings = packed, ReceivedAt = UtcText.Format(now),
        }, http.RequestAborted);
        await SweatDays.EnqueueAsync(store, device, start, end, now, http.RequestAborted);
        store.Audit(device.StudyId, new AuditEvent(device.SiteId, device.ScreeningNumber, "device", $"{device.ScreeningNumber}/{device.Serial}/{batch.BatchId}", null, "ingest", null,
            string.Create(CultureInfo.InvariantCulture, $"sweat {records.Count} readings ({failed} failed) on {batch.Channels!.Count} channels of lot {batch.Lot} from {UtcText.Format(start)}, sha256 {sha}"), null));
        // Acknowledged only after the commit: a batch the patch sees as stored is durable.
        await store.CommitAsync($"device:{device.Serial}", null, AuditSource.Device, now, http.RequestAborted);
        return TypedResults.Created($"/api/devices/{device.Serial}/readings/{batch.BatchId}", new SweatReceipt(batch.BatchId!, records.Count, failed, start, end, false));
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Checks every field, naming each bad one with its allowed range; channels' cytokines get their canonical names.</summary>
    private static (SweatBatchIn Batch, List<SweatReadingRecord> Records) Validate(SweatBatchIn? batch, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (batch is null)
        {
            throw BadInputException.Field("body", "a readings batch is a JSON object with batchId, lot, channels and readings");
        }

        if (batch.BatchId is null || !BatchIdPattern().IsMatch(batch.BatchId))
        {
            errors.Add(new("batchId", "1–32 letters, digits, '-' or '_'"));
        }

        if (string.IsNullOrWhiteSpace(batch.Lot) || batch.Lot.Length > 64)
        {
            errors.Add(new("lot", "the sensor lot, 1–64 characters"));
        }

        var channels = batch.Channels ?? [];
        if (channels.Count is 0 or > MaxChannels)
        {
            errors.Add(new("channels", $"1–{MaxChannels} channels (cytokine, location, lesional)"));
        }

        for (var c = 0; c < channels.Count; c++)
        {
            if (string.IsNullOrWhiteSpace(channels[c]?.Cytokine) || channels[c].Cytokine.Length > 32)
            {
                errors.Add(new($"channels[{c}].cytokine", $"a cytokine name, 1–32 characters ({string.Join(", ", Cytokines.Panel)}, …)"));
            }

            if (string.IsNullOrWhiteSpace(channels[c]?.Location) || channels[c].Location.Length > 64)
            {
                errors.Add(new($"channels[{c}].location", "a skin location, 1–64 characters"));
            }
        }

        var readings = batch.Readings ?? [];
        if (readings.Count is 0 or > MaxReadings)
        {
            errors.Add(new("readings", $"1–{MaxReadings:N0} readings per batch"));
        }

        var records = new List<SweatReadingRecord>(readings.Count);
        for (var i = 0; i < readings.Count && errors.Count < 20; i++)
        {
            var r = readings[i];
            if (r?.Time is not { } at || at > now.AddMinutes(5) || at.Year < 2000)
            {
                errors.Add(new($"readings[{i}].time", "an ISO 8601 time with offset, from 2000 up to the server's clock (5 min slack)"));
                continue;
            }

            if (r.Channel is not { } channel || channel < 0 || channel >= channels.Count)
            {
                errors.Add(new($"readings[{i}].channel", $"an index into channels, 0–{Math.Max(0, channels.Count - 1)}"));
                continue;
            }

            if (r.Response is { } response && (!double.IsFinite(response) || Math.Abs(response) > 1e9))
            {
                errors.Add(new($"readings[{i}].response", "a finite number within ±1e9, or null for a failed channel"));
                continue;
            }

            if (r.TemperatureC is { } t && !(t >= 10 && t <= 45))
            {
                errors.Add(new($"readings[{i}].temperatureC", "10–45 °C, or left out"));
                continue;
            }

            if (r.SweatRate is { } rate && !(rate >= 0 && rate <= 20))
            {
                errors.Add(new($"readings[{i}].sweatRate", "0–20 µL/min/cm², or left out"));
                continue;
            }

            records.Add(new SweatReadingRecord((at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10, (ushort)channel, (float)(r.Response ?? double.NaN),
                (float)(r.TemperatureC ?? double.NaN), (float)(r.SweatRate ?? double.NaN)));
        }

        if (errors.Count > 0)
        {
            throw new BadInputException("Readings refused", errors);
        }

        var canonical = channels.Select(c => c with { Cytokine = Cytokines.Normalise(c.Cytokine), Location = c.Location.Trim() }).ToList();
        return (batch with { Channels = canonical }, records);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex BatchIdPattern();
}
